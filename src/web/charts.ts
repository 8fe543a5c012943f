/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Draws the report's chart specifications (src/report/charts.ts, compareCharts.ts) in the
// explorer, with vega-embed as the report's runtime does: SVG, no actions menu, and Vega's
// expression interpreter, so the page's content security policy needs no `unsafe-eval`.
import * as vegaEmbed from 'vega-embed';
import type { EmbedOptions, Result, VisualizationSpec } from 'vega-embed';
import type { ReportChart } from '../report/charts.js';
import { h } from './dom.js';

// vega-embed's types describe a CommonJS module under NodeNext; the bundle uses its ES module.
type Embed = (el: HTMLElement, spec: VisualizationSpec, opts?: EmbedOptions) => Promise<Result>;
const loaded = vegaEmbed as unknown as { default: Embed | { default: Embed } };
const embed: Embed = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;

/** A chart's section: title, caption, then the drawing (`data-rendered` = true | error when done). */
export const chartSection = (c: ReportChart, prefix: string, note: string | undefined): { section: HTMLElement; draw: () => Promise<Result | undefined> } => {
  const body = h('div', { class: 'chart-body', id: `vis-${prefix}-${c.id}`, 'data-chart': c.id });
  const section = h('section', { class: 'chart', id: `${prefix}-${c.id}`, 'aria-labelledby': `${prefix}-${c.id}-title` },
    h('h3', { id: `${prefix}-${c.id}-title` }, c.title),
    h('p', { class: 'caption' }, c.caption),
    c.spec === null ? h('p', { class: 'empty' }, 'Nothing to draw for this run.') : body,
    note === undefined || c.years.every((y) => !y.endsWith('*')) ? null : h('p', { class: 'footnote' }, note));
  const draw = async (): Promise<Result | undefined> => {
    if (c.spec === null) return undefined;
    try {
      const result = await embed(body, c.spec as VisualizationSpec, { actions: false, renderer: 'svg', ast: true, tooltip: { theme: 'light' } });
      body.setAttribute('data-rendered', 'true');
      return result;
    } catch (err) {
      body.setAttribute('data-rendered', 'error');
      body.textContent = `This chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
      return undefined;
    }
  };
  return { section, draw };
};
