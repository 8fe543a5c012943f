// Messages between the explorer page and its worker. Plain data (structured clone).
import type { RunRequest, RunResult, Phase } from './engine.js';

export type ToWorker = { readonly type: 'run'; readonly request: RunRequest };

export type FromWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly phase: Phase }
  /** The scenarios did not decode or resolve: every problem, as the CLI words it. */
  | { readonly type: 'invalid'; readonly problems: readonly string[] }
  /** `computeMs`: time spent resolving, running and summarising, measured in the worker. */
  | { readonly type: 'done'; readonly result: RunResult; readonly computeMs: number }
  | { readonly type: 'error'; readonly message: string };
