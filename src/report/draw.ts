// Drawing a chart spec in a browser page: vega-embed as SVG, no actions menu, and Vega's
// expression interpreter, so a page whose content security policy forbids `unsafe-eval` (the
// report's does) can draw it. Shared by the report's runtime and the explorer (src/web), so both
// draw the same specs the same way. Browser-only: the engine never imports it.
import * as vegaEmbed from 'vega-embed';
import type { EmbedOptions, Result, VisualizationSpec } from 'vega-embed';

// vega-embed's types describe a CommonJS module under NodeNext, where the function sits at
// `.default.default`; bundled from its ES module, `.default` is the function.
type Embed = (el: unknown, spec: VisualizationSpec, opts?: EmbedOptions) => Promise<Result>;
const loaded = vegaEmbed as unknown as { default: Embed | { default: Embed } };
const embed: Embed = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;

export const EMBED_OPTIONS: EmbedOptions = { actions: false, renderer: 'svg', ast: true, tooltip: { theme: 'light' } };

/** Draws `spec` into the element `target` (an HTMLElement); resolves with the Vega view's handle. */
export const drawChart = (target: unknown, spec: unknown): Promise<Result> => embed(target, spec as VisualizationSpec, EMBED_OPTIONS);
