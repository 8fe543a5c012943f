// The benchmark block of docs/benchmarks.md, rendered from benchmarks/results.json, which
// `npm run bench` (benchmarks/run.ts) writes. Pure: the parsed file in, Markdown out.
export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';
export const BENCH_RESULTS = 'benchmarks/results.json';

export interface BenchResults {
  readonly machine: {
    readonly date: string | null;
    readonly node: string | null;
    readonly cpus: number;
    readonly cpuModel: string | null;
    readonly loadAverageAtStart: number | null;
    readonly note?: string;
  };
  readonly results: readonly { readonly name: string; readonly lines: readonly string[] }[];
}

/** Throws on a file that is not a results file: a bug in whoever wrote it, not user input. */
export const parseBenchResults = (json: string): BenchResults => {
  const r = JSON.parse(json) as BenchResults;
  if (typeof r?.machine?.cpus !== 'number' || !Array.isArray(r.results) || r.results.some((b) => typeof b.name !== 'string' || !Array.isArray(b.lines))) {
    throw new Error(`${BENCH_RESULTS}: expected { machine: { cpus, … }, results: [{ name, lines }] }`);
  }
  return r;
};

const machineLine = (m: BenchResults['machine']): string => {
  const parts = [
    m.date === null ? undefined : `on ${m.date}`,
    `${m.cpus} cores${m.cpuModel === null ? '' : ` (${m.cpuModel})`}`,
    m.node === null ? undefined : `Node ${m.node}`,
    m.loadAverageAtStart === null ? undefined : `load average ${m.loadAverageAtStart} at the start`,
  ].filter((p) => p !== undefined);
  return `\`npm run bench\`, ${parts.join(', ')}${m.note === undefined ? '' : ` — ${m.note}`}:`;
};

/** The text between the markers: a line on the machine, then every benchmark's lines. */
export const benchReference = (r: BenchResults): string =>
  ['', machineLine(r.machine), '', '```', ...r.results.flatMap((b) => b.lines), '```', ''].join('\n');
