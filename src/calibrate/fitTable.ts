// The fit as a plain-text table: measure, target, achieved, tolerance, ✓/✗. Pure string work.
import { withinTolerance, type Measure } from './measures.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
const num = (x: number): string => (Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : '–');
const whole = (x: number): string => (Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : '–');

const targetText = (m: Measure): string => {
  if (!m.fitted) return 'not a target';
  const value = m.kind === 'count' ? whole(m.target) : pct(m.target);
  return m.national ? `${value} (national)` : value;
};
const toleranceText = (m: Measure): string => {
  if (!m.fitted) return '';
  if (m.kind === 'count') return `± ${Math.round((100 * m.tolerance) / m.target)}%`;
  return `± ${Math.round(100 * m.tolerance)} points`;
};
const verdict = (m: Measure): string => (!m.fitted ? '' : withinTolerance(m) ? '✓' : '✗');

/**
 * Lines of the fit table, header first.
 *
 * @example fitTableLines(measures)[2] // 'Children in care     434     434.1        ± 5%    ✓' (columns padded to fit)
 */
export const fitTableLines = (measures: readonly Measure[]): string[] => {
  const rows = measures.map((m) => (m.suppressed
    ? [m.label, 'c', 'c', toleranceText(m), verdict(m)]
    : [m.label, targetText(m), m.kind === 'count' ? num(m.achieved) : pct(m.achieved), toleranceText(m), verdict(m)]));
  const header = ['measure', 'target', 'achieved', 'tolerance', 'fit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
};
