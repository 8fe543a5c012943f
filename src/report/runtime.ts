// The chart runtime inlined in every report.html (bundled by scripts/build-report-runtime.mjs
// into dist/report/charts.js): finds each chart spec embedded in the page
// (`<script type="application/json" data-chart-for="ID">`) and draws it into element ID
// (draw.ts). Browser-only: it is never imported by the engine.
import { drawChart } from './draw.js';

/** The few DOM members used here, typed locally so the package compiles without the DOM library. */
interface Element {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}
interface Document {
  readonly readyState: string;
  readonly documentElement: Element;
  querySelectorAll(selector: string): ArrayLike<Element>;
  getElementById(id: string): Element | null;
  addEventListener(type: string, listener: () => void): void;
}

const doc = (globalThis as unknown as { document: Document }).document;

const drawOne = async (script: Element): Promise<boolean> => {
  const target = doc.getElementById(script.getAttribute('data-chart-for') ?? '');
  if (target === null) return false;
  try {
    await drawChart(target, JSON.parse(script.textContent ?? 'null'));
    target.setAttribute('data-rendered', 'true');
    return true;
  } catch (err) {
    target.setAttribute('data-rendered', 'error');
    (target as unknown as { textContent: string }).textContent = `This chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
    return false;
  }
};

/** Draws every chart; `<html data-charts="done" data-charts-drawn="n" data-charts-failed="m">` when finished. */
const drawAll = async (): Promise<void> => {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/json"][data-chart-for]'));
  const results = await Promise.all(scripts.map(drawOne));
  const root = doc.documentElement;
  root.setAttribute('data-charts-drawn', String(results.filter((r) => r).length));
  root.setAttribute('data-charts-failed', String(results.filter((r) => !r).length));
  root.setAttribute('data-charts', 'done');
};

if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', () => void drawAll());
else void drawAll();
