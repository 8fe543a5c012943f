// Progress bars for long commands: replications or rows done, rate and time left, on stderr.
// Drawn only when both stdout and stderr are terminals and the user did not ask for --quiet or
// --json, so pipes, files and scripts never see them. The one adapter to cli-progress.
import cliProgress from 'cli-progress';

export interface ProgressBar {
  /** `done` of `total` (the total may change, e.g. from one fitting forecast to the next). */
  readonly update: (done: number, total: number) => void;
  /** Clear the bar so the command's own output starts on a clean line. */
  readonly stop: () => void;
}

const NONE: ProgressBar = { update: () => undefined, stop: () => undefined };

export const progressWanted = (o: { quiet?: boolean; json?: boolean }): boolean =>
  o.quiet !== true && o.json !== true && process.stdout.isTTY === true && process.stderr.isTTY === true;

const rate = (done: number, seconds: number): string => {
  if (seconds <= 0 || done === 0) return '…';
  const r = done / seconds;
  return r >= 100 ? Math.round(r).toLocaleString('en-GB') : r.toFixed(1);
};

/**
 * A bar labelled `label` counting `unit` (e.g. "replications"), or one that draws nothing.
 *
 * @example const bar = progressBar(progressWanted(o), 'Forecast', 'replications'); bar.update(10, 1000); bar.stop();
 */
export const progressBar = (enabled: boolean, label: string, unit: string): ProgressBar => {
  if (!enabled) return NONE;
  const started = performance.now();
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {value}/{total} ${unit} · {rate}/s · {eta_formatted} left`,
    barsize: 24, stream: process.stderr, clearOnComplete: true, hideCursor: false, etaBuffer: 50, fps: 8,
    formatValue: (v: number, _o: unknown, type: string) => (type === 'value' || type === 'total' ? v.toLocaleString('en-GB') : String(v)),
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update: (done, total) => {
      const payload = { rate: rate(done, (performance.now() - started) / 1000) };
      if (!begun) {
        bar.start(total, done, payload);
        begun = true;
      } else {
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop: () => {
      if (begun) bar.stop();
    },
  };
};

/** Read 903 files with a bar in kilobytes read (a million-row folder takes several seconds). */
export const readWithProgress = async <A>(o: { quiet?: boolean; json?: boolean }, read: (progress: (done: number, total: number) => void) => Promise<A>): Promise<A> => {
  const bar = progressBar(progressWanted(o), 'Reading', 'kB');
  try {
    return await read((done, total) => bar.update(Math.floor(done / 1000), Math.max(1, Math.ceil(total / 1000))));
  } finally {
    bar.stop();
  }
};
