/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The explorer page: pick a scenario (the Medway baseline built in, or files), change levers, set
// runs, seed and years, run the engine in a Web Worker with a progress bar and a cancel button,
// and see and download the results. Bundled by scripts/build-explorer.mjs; never imports src/io.
import MEDWAY from 'explorer:medway';
import WORKER_SOURCE from 'explorer:worker-source';
import { E } from '../domain/fp.js';
import { Lever } from '../domain/lever.js';
import { epochDayOf, financialYearsFrom } from '../domain/time.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { describeLever } from '../report/about.js';
import { decodeWith } from '../scenario/decodeErrors.js';
import type { ScenarioJson } from '../scenario/extendsMerge.js';
import { byId, h, replaceChildren } from './dom.js';
import type { RunRequest, RunResult, ScenarioInput } from './engine.js';
import { buildLevers, initialValues, percentProblems, type BuiltLever, type FormContext } from './leverForm.js';
import { leverPanel, type CardProblems, type LeverPanel } from './leverPanel.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { fileSlug, releaseDownloads, renderResults, type RenderedResults } from './results.js';
import { loadScenarioFiles, optionScenario, type LoadedScenario } from './scenarioFiles.js';

const BUILT_IN_FILE = 'medway-2022.json';
const OPTION_FILE = 'explorer-option.json';

// —— State ——
let loaded: LoadedScenario = { base: { file: BUILT_IN_FILE, json: MEDWAY } };
let builtIn = true;
/** The loaded option file's levers, and whether each is kept. */
let fileLevers: { lever: unknown; keep: boolean }[] = [];
let values: Record<string, string | readonly string[]> = {};
let optionName = '';
const settings = { runs: '200', seed: '1', years: '' };
let worker: Worker | undefined;
let workerUrl: string | undefined;
let runStartedKey: string | undefined;
let shownKey: string | undefined;
let shown: RenderedResults | undefined;
let panel: LeverPanel | undefined;

const str = (x: unknown, fallback: string): string => (typeof x === 'string' ? x : fallback);
const baseName = (): string => str(loaded.base.json.name, loaded.base.file);
const defaultYears = (): number => {
  const y = loaded.base.json.years;
  return typeof y === 'number' && Number.isInteger(y) && y > 0 ? y : 5;
};
const yearsWanted = (): number => {
  const y = Number(settings.years);
  return Number.isInteger(y) && y >= 1 && y <= 50 ? y : defaultYears();
};

const contextOf = (json: ScenarioJson, years: number): FormContext => {
  const startDate = str(json.startDate, '2022-04-01');
  let financialYears: string[] = [];
  try {
    financialYears = /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? financialYearsFrom(epochDayOf(startDate), years).map((y) => y.label) : [];
  } catch {
    financialYears = [];
  }
  const costs = json.costs as { weekly?: Record<string, unknown> } | undefined;
  const weekly = costs?.weekly?.inHouseFoster;
  const geography = json.geography as { homeZones?: Record<string, unknown> } | undefined;
  const zones = Object.entries(geography?.homeZones ?? {})
    .sort(([a, x], [b, y]) => (Number(y) || 0) - (Number(x) || 0) || (a < b ? -1 : 1))
    .map(([z]) => z);
  return { startDate, financialYears, inHouseWeekly: typeof weekly === 'number' ? weekly : 500, zones };
};
let ctx: FormContext = contextOf(loaded.base.json, defaultYears());

// —— Levers → the option scenario ——
const pageLevers = (): BuiltLever[] => buildLevers(values, ctx);
const keptFileLevers = (): unknown[] => fileLevers.filter((l) => l.keep).map((l) => l.lever);
const allLevers = (): unknown[] => [...keptFileLevers(), ...pageLevers().map((b) => b.lever)];

const defaultOptionName = (): string => str(loaded.option?.json.name, `${baseName()}: with changed levers`);

/** The option's scenario JSON, or undefined when no lever is chosen (then only the base runs). */
const optionJson = (): ScenarioJson | undefined => {
  const levers = allLevers();
  if (levers.length === 0) return undefined;
  const own = loaded.option?.json ?? {};
  const name = optionName.trim() === '' ? defaultOptionName() : optionName;
  return optionScenario(loaded.base.json, { ...own, name }, levers);
};

/** The path of a problem line (`title: $.ageRange[1]: …` → `ageRange[1]`) matched to the field it came from. */
const fieldOfProblem = (b: BuiltLever, line: string): string | undefined => {
  const m = /: \$\.([^:\s]+):/.exec(line);
  if (m === null) return undefined;
  let path = m[1]!;
  for (;;) {
    if (b.fieldOf[path] !== undefined) return b.fieldOf[path];
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return undefined;
    path = path.slice(0, cut);
  }
};

const leverProblems = (): CardProblems => {
  const byCard = new Map<string, string[]>();
  const fields = new Set<string>();
  const add = (card: string, line: string): void => {
    byCard.set(card, [...(byCard.get(card) ?? []), line]);
  };
  for (const p of percentProblems(values)) {
    add(p.field.split('_')[0]!.replace(/^home\d+$/, 'homes'), p.message);
    fields.add(p.field);
  }
  const badPercent = new Set(percentProblems(values).map((p) => p.field));
  for (const b of pageLevers()) {
    const decoded = decodeWith(Lever, b.lever, b.title);
    if (E.isRight(decoded)) continue;
    for (const line of decoded.left) {
      const field = fieldOfProblem(b, line);
      if (field !== undefined && badPercent.has(field)) continue; // already said as a percentage
      add(b.card, line);
      if (field !== undefined) fields.add(field);
    }
  }
  return { byCard, fields };
};

// —— Rendering ——
const setHeader = (): void => {
  const opt = optionJson();
  const name = opt === undefined ? baseName() : str(opt.name, defaultOptionName());
  byId('scenario-name').textContent = name;
  const description = str((opt ?? loaded.base.json).description, '');
  byId('scenario-description').textContent = description;
  document.title = `${name}: placement sufficiency explorer`;
};

const runKey = (): string => JSON.stringify([loaded.base.json, optionJson() ?? null, yearsWanted()]);

const refresh = (): void => {
  const problems = leverProblems();
  panel?.show(pageLevers(), problems);
  const opt = optionJson();
  const lev = allLevers();
  byId('lever-count').textContent = lev.length === 0
    ? 'No levers chosen: the run forecasts the base scenario alone.'
    : `${lev.length} lever${lev.length === 1 ? '' : 's'} chosen: the run forecasts the option and the base on the same random numbers and compares them.`;
  byId('levers-json').textContent = `${JSON.stringify(opt?.levers ?? [], null, 2)}\n`;
  const blocked = problems.byCard.size > 0;
  const runButton = byId<HTMLButtonElement>('run');
  runButton.disabled = worker !== undefined || blocked;
  byId('run-blocked').hidden = !blocked;
  setHeader();
  const stale = document.getElementById('stale');
  if (stale !== null) stale.hidden = shownKey === undefined || shownKey === runKey();
};

const fileLeverList = (): HTMLElement | null => {
  if (fileLevers.length === 0) return null;
  return h('div', {},
    h('p', {}, h('strong', {}, `Levers in ${loaded.option?.file ?? 'the file'}`), ' (untick to leave one out):'),
    h('ul', { class: 'file-levers' }, fileLevers.map((l, i) => {
      const decoded = Lever.decode(l.lever);
      const d = E.isRight(decoded) ? describeLever(decoded.right) : { label: 'Lever', value: JSON.stringify(l.lever) };
      const box = h('input', { type: 'checkbox', id: `file-lever-${i}`, checked: l.keep });
      box.addEventListener('change', () => {
        l.keep = box.checked;
        refresh();
      });
      return h('li', {}, h('label', { for: `file-lever-${i}` }, box, h('span', {}, d.label, h('span', { class: 'detail' }, d.value))));
    })));
};

const renderLevers = (): void => {
  panel = leverPanel(values, ctx, refresh);
  const nameInput = h('input', { type: 'text', id: 'option-name', value: optionName, placeholder: defaultOptionName(), autocomplete: 'off' });
  nameInput.addEventListener('input', () => {
    optionName = nameInput.value;
    refresh();
  });
  replaceChildren(byId('levers'),
    fileLeverList(),
    panel.element,
    h('div', { class: 'field' }, h('label', { for: 'option-name' }, 'Name of the option'), nameInput,
      h('p', { class: 'hint' }, 'Shown on the charts and in the files you download.')),
    h('p', { id: 'lever-count', class: 'hint', 'aria-live': 'polite' }),
    h('details', {}, h('summary', {}, 'The option\'s levers as JSON (as in a scenario file)'), h('pre', { class: 'json', id: 'levers-json' })));
};

const renderScenarioBox = (): void => {
  const what = loaded.option === undefined
    ? [h('b', {}, baseName()), builtIn ? ' (built into this page)' : ` (from ${loaded.base.file})`]
    : [h('b', {}, str(loaded.option.json.name, loaded.option.file)), ` (${loaded.option.file}), on the base `, h('b', {}, baseName()),
      builtIn ? ' (built in)' : ` (${loaded.base.file})`];
  replaceChildren(byId('scenario-current'), loaded.option === undefined ? 'Base: ' : 'Option file: ', what);
};

const showScenarioErrors = (lines: readonly string[]): void => {
  replaceChildren(byId('scenario-errors'), lines.length === 0 ? null
    : h('div', { class: 'errors' }, h('strong', {}, 'This file could not be used:'), h('ul', {}, lines.map((l) => h('li', {}, l)))));
};

const useScenario = (next: LoadedScenario, isBuiltIn: boolean): void => {
  loaded = next;
  builtIn = isBuiltIn;
  fileLevers = ((next.option?.json.levers as unknown[] | undefined) ?? []).map((lever) => ({ lever, keep: true }));
  optionName = '';
  settings.years = '';
  byId<HTMLInputElement>('years').value = String(defaultYears());
  ctx = contextOf(next.base.json, defaultYears());
  values = initialValues(ctx);
  renderScenarioBox();
  renderLevers();
  refresh();
};

// —— Running ——
const progress = (): HTMLProgressElement => byId<HTMLProgressElement>('progress');
const status = (text: string): void => {
  byId('status').textContent = text;
};

const stopWorker = (): void => {
  worker?.terminate();
  worker = undefined;
  byId<HTMLButtonElement>('cancel').disabled = true;
  progress().hidden = true;
};

const showRunProblems = (lines: readonly string[], heading: string): void => {
  replaceChildren(byId('run-errors'), lines.length === 0 ? null
    : h('div', { class: 'errors', role: 'alert' }, h('strong', {}, heading), h('ul', {}, lines.map((l) => h('li', {}, l)))));
};

const startRun = (): void => {
  if (worker !== undefined) return;
  const runs = Number(settings.runs);
  const seed = Number(settings.seed);
  const years = Number(byId<HTMLInputElement>('years').value);
  const bad = [
    ...(Number.isInteger(runs) && runs >= 2 && runs <= 1_000_000 ? [] : [`Replications: expected a whole number from 2 to 1,000,000, found ${JSON.stringify(settings.runs)}`]),
    ...(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 31 ? [] : [`Seed: expected a whole number from 0 to 2147483648, found ${JSON.stringify(settings.seed)}`]),
    ...(Number.isInteger(years) && years >= 1 && years <= 50 ? [] : [`Financial years: expected a whole number from 1 to 50, found ${JSON.stringify(byId<HTMLInputElement>('years').value)}`]),
  ];
  if (bad.length > 0) {
    showRunProblems(bad, 'Please check the run settings:');
    return;
  }
  showRunProblems([], '');
  const opt = optionJson();
  const base: ScenarioInput = { file: loaded.base.file, json: loaded.base.json };
  const request: RunRequest = {
    base, seed, runs, years,
    ...(opt === undefined ? {} : { option: { file: loaded.option?.file ?? OPTION_FILE, json: opt } }),
  };
  const key = runKey();
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(workerUrl);
  worker = w;
  runStartedKey = key;
  byId<HTMLButtonElement>('run').disabled = true;
  byId<HTMLButtonElement>('cancel').disabled = false;
  const bar = progress();
  bar.hidden = false;
  bar.max = opt === undefined ? runs : 2 * runs;
  bar.value = 0;
  status(opt === undefined ? `Running ${runs.toLocaleString('en-GB')} replications…` : `Running the base, then the option: ${runs.toLocaleString('en-GB')} replications each…`);
  byId('results').setAttribute('aria-busy', 'true');
  w.onmessage = (event: MessageEvent<FromWorker>) => {
    if (w !== worker) return;
    const m = event.data;
    if (m.type === 'progress') {
      bar.value = m.done;
      bar.setAttribute('aria-valuetext', `${m.done} of ${m.total} replications`);
      byId('progress-text').textContent = `${m.phase === 'base' ? 'Base' : 'Option'}: ${m.done.toLocaleString('en-GB')} of ${m.total.toLocaleString('en-GB')} replications`;
      return;
    }
    stopWorker();
    byId('results').removeAttribute('aria-busy');
    byId('progress-text').textContent = '';
    if (m.type === 'invalid') {
      status('The scenario could not be run: see the problems listed.');
      showRunProblems(m.problems, 'The scenario could not be run:');
    } else if (m.type === 'error') {
      status('The run stopped with an internal error.');
      showRunProblems([m.message], 'Internal error (please report it with the scenario file):');
    } else {
      status(`Done in ${(m.computeMs / 1000).toFixed(1)} s.`);
      showResults(m.result, m.computeMs, request, runStartedKey ?? key);
    }
    refresh();
  };
  w.onerror = (event: ErrorEvent) => {
    if (w !== worker) return;
    stopWorker();
    byId('results').removeAttribute('aria-busy');
    status('The run stopped with an internal error.');
    showRunProblems([event.message || 'the worker failed'], 'Internal error:');
    refresh();
  };
  w.postMessage({ type: 'run', request } satisfies ToWorker);
};

const cancelRun = (): void => {
  if (worker === undefined) return;
  stopWorker();
  byId('results').removeAttribute('aria-busy');
  byId('progress-text').textContent = '';
  status('Cancelled. The results shown (if any) are from the previous run.');
  refresh();
  byId<HTMLButtonElement>('run').focus();
};

const showResults = (result: RunResult, computeMs: number, request: RunRequest, key: string): void => {
  shown?.finalize();
  releaseDownloads();
  const ran = request.option ?? request.base;
  const parse = (text: string): ForecastSummary => JSON.parse(text) as ForecastSummary;
  const rendered = renderResults({
    result, base: parse(result.base.summaryJson), option: result.option === undefined ? undefined : parse(result.option.summaryJson),
    scenarioText: `${JSON.stringify(ran.json, null, 2)}\n`, scenarioFile: ran.file, baseFile: request.base.file,
    computeMs, runDate: new Date().toISOString(),
  });
  shown = rendered;
  shownKey = key;
  const container = byId('results-area');
  container.setAttribute('data-compute-ms', String(Math.round(computeMs)));
  container.setAttribute('data-run', String(Number(container.getAttribute('data-run') ?? '0') + 1));
  replaceChildren(container, rendered.element);
  (byId('run-summary-title') as HTMLElement).focus({ preventScroll: true });
  void rendered.drawCharts();
};

// —— The page ——
const numberField = (id: keyof typeof settings, label: string, attrs: Record<string, string | number>): HTMLElement => {
  const el = h('input', { type: 'number', id, value: settings[id], inputmode: 'numeric', ...attrs, 'aria-describedby': 'run-hint' });
  el.addEventListener('input', () => {
    settings[id] = el.value;
  });
  if (id === 'years') {
    el.addEventListener('change', () => {
      const next = contextOf(loaded.base.json, yearsWanted());
      if (next.financialYears.join() === ctx.financialYears.join()) return;
      ctx = next;
      panel?.setYears(ctx);
      refresh();
    });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
};

const build = (): void => {
  const fileInput = h('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json', multiple: true, 'aria-describedby': 'scenario-file-hint' });
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    if (files.length === 0) return;
    void Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))).then((texts) => {
      fileInput.value = '';
      const next = loadScenarioFiles(texts, { file: BUILT_IN_FILE, json: MEDWAY });
      if (E.isLeft(next)) {
        showScenarioErrors(next.left);
        return;
      }
      showScenarioErrors([]);
      const usesBuiltIn = next.right.base.file === BUILT_IN_FILE && !texts.some((t) => t.name === BUILT_IN_FILE);
      useScenario(next.right, usesBuiltIn);
      status(`Loaded ${texts.map((t) => t.name).join(' and ')}.`);
    });
  });
  const baseline = h('button', { type: 'button', class: 'btn secondary small', id: 'use-baseline' }, 'Use the Medway baseline');
  baseline.addEventListener('click', () => {
    showScenarioErrors([]);
    useScenario({ base: { file: BUILT_IN_FILE, json: MEDWAY } }, true);
    status('Using the Medway 2022 baseline.');
  });
  // The form's submit button: Enter in any field runs too (the form's submit handler starts it).
  const run = h('button', { type: 'submit', class: 'btn', id: 'run' }, 'Run');
  const cancel = h('button', { type: 'button', class: 'btn secondary', id: 'cancel', disabled: true }, 'Cancel');
  cancel.addEventListener('click', cancelRun);

  const controls = h('form', { class: 'controls', id: 'controls', 'aria-label': 'Scenario, levers and run settings', novalidate: true },
    h('h2', {}, h('span', { class: 'step', 'aria-hidden': 'true' }, '1'), 'Scenario'),
    h('p', { class: 'current', id: 'scenario-current' }),
    h('div', { class: 'field' }, h('label', { for: 'scenario-file' }, 'Load a scenario file'), fileInput,
      h('p', { class: 'hint', id: 'scenario-file-hint' },
        'A scenario .json file, as the command line reads it. An option file ("extends" a base): select it and its base together (Ctrl- or ⌘-click); options on medway-2022.json use the copy built in.')),
    h('div', { id: 'scenario-errors', 'aria-live': 'polite' }),
    h('div', { class: 'buttons' }, baseline),
    h('h2', {}, h('span', { class: 'step', 'aria-hidden': 'true' }, '2'), 'Levers'),
    h('p', { class: 'hint' }, 'Open a lever to change it. A lever left at zero is off. The base keeps its own levers; the ones chosen here make the option.'),
    h('div', { id: 'levers' }),
    h('div', { class: 'run-panel' },
      h('h2', {}, h('span', { class: 'step', 'aria-hidden': 'true' }, '3'), 'Run'),
      h('div', { class: 'row3' },
        numberField('runs', 'Replications', { min: 2, max: 1_000_000, step: 1 }),
        numberField('seed', 'Seed', { min: 0, step: 1 }),
        numberField('years', 'Years', { min: 1, max: 50, step: 1 })),
      h('p', { class: 'hint', id: 'run-hint' }, 'Years: financial years to forecast. More replications: steadier figures. Same seed, same figures.'),
      h('p', { class: 'errors', id: 'run-blocked', hidden: true }, 'A lever needs checking before the run (see the cards marked “check”).'),
      h('div', { class: 'buttons' }, run, cancel),
      h('progress', { id: 'progress', max: 1, value: 0, hidden: true, 'aria-label': 'Replications done' }),
      h('p', { class: 'status', id: 'progress-text' }),
      h('p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' })));
  controls.addEventListener('submit', (e) => {
    e.preventDefault();
    startRun();
  });

  const results = h('main', { class: 'results', id: 'results', tabindex: '-1', 'aria-label': 'Results' },
    h('div', { id: 'run-errors' }),
    h('div', { id: 'results-area' }, h('section', { class: 'intro', id: 'intro' },
      h('h2', {}, 'Explore placement sufficiency options'),
      h('p', { class: 'lede' }, 'This page runs the same forecast model as the placement-sufficiency command line, entirely inside your browser: no data leaves this computer.'),
      h('ol', {},
        h('li', {}, 'Start from the Medway 2022 baseline, or load your own scenario file.'),
        h('li', {}, 'Change levers: carers recruited, homes opened, emergency beds, fostering hubs, prevention, step-down and prices.'),
        h('li', {}, 'Run. With levers chosen, the option and the base run on the same random numbers, so the differences shown come from the levers and not from chance.'),
        h('li', {}, 'Download the scenario, summary.json (the same bytes the command line writes for the same scenario and seed) and an Excel workbook.')),
      h('p', { class: 'hint' }, 'A few hundred replications give a quick view; use 1,000 for figures to quote.'))));
  replaceChildren(byId('app'), controls, results);
};

build();
useScenario(loaded, true);
