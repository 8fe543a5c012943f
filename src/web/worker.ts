// The explorer's Web Worker: the same engine as the CLI, run off the page's thread so the page
// stays responsive and a run can be cancelled (the page terminates the worker). Bundled by
// scripts/build-explorer.mjs into a string and started from a Blob URL; the postcode gazetteer is
// embedded at build time. Progress is posted at most every 100 ms, and at the end of each phase.
import { E } from '../domain/fp.js';
import compact from 'explorer:gazetteer';
import { runRequest } from './engine.js';
import { gazetteerFromCompact } from './gazetteer.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** The worker's global scope, typed locally (the page's DOM types describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { readonly data: ToWorker }) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const gazetteer = gazetteerFromCompact(compact);

scope.onmessage = (event) => {
  const { request } = event.data;
  const t0 = performance.now();
  let last = 0;
  try {
    const result = runRequest(request, gazetteer, (done, total, phase) => {
      const now = performance.now();
      if (now - last >= 100 || done === total || (phase === 'base' && done === request.runs)) {
        last = now;
        scope.postMessage({ type: 'progress', done, total, phase });
      }
    });
    if (E.isLeft(result)) scope.postMessage({ type: 'invalid', problems: result.left });
    else scope.postMessage({ type: 'done', result: result.right, computeMs: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? `${err.message}` : String(err) });
  }
};
