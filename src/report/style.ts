// The report's stylesheet: system fonts, sizes that read on a projector, and a print layout
// (A4 landscape, each chart on its own page).
import { FONT_STACK } from './fanChart.js';

export const REPORT_CSS = `
:root { --ink: #1b2a3a; --muted: #56616c; --rule: #d5dbe1; --accent: #1d4e89; --accent-dark: #133a68; --band: #f2f5f8; --warn: #fbe3d6; --warn-strong: #f4b69a; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: var(--ink); background: #fff; font-size: 17px; line-height: 1.5; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
a { color: var(--accent); }
.masthead { background: linear-gradient(90deg, var(--accent-dark), var(--accent)); color: #fff; padding: 26px 0 22px; }
.masthead .inner, main, .colophon .inner { max-width: 1200px; margin: 0 auto; padding: 0 40px; }
.kicker { text-transform: uppercase; letter-spacing: 0.09em; font-size: 13px; font-weight: 600; opacity: 0.85; margin: 0; }
h1 { font-size: 34px; line-height: 1.2; margin: 6px 0 6px; font-weight: 700; overflow-wrap: anywhere; }
.masthead .description { margin: 0 0 12px; max-width: 60em; opacity: 0.95; }
.provenance { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; padding: 0; list-style: none; font-size: 14px; opacity: 0.92; }
.provenance b { font-weight: 600; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
main { padding-top: 26px; padding-bottom: 40px; }
h2 { font-size: 25px; line-height: 1.25; margin: 0 0 6px; }
h3 { font-size: 19px; margin: 22px 0 6px; }
.lede { font-size: 17px; max-width: 62em; margin: 0 0 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 16px; margin: 0 0 26px; }
.card { border: 1px solid var(--rule); border-top: 5px solid var(--accent); border-radius: 4px; padding: 12px 16px 14px; background: #fff; }
.card .label { font-size: 14px; color: var(--muted); margin: 0; }
.card .value { font-size: 32px; font-weight: 700; line-height: 1.15; margin: 4px 0 2px; font-variant-numeric: tabular-nums; }
.card .range { font-size: 14px; color: var(--muted); margin: 0; }
nav.contents { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 10px 0; margin: 0 0 8px; font-size: 15px; }
nav.contents ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 20px; }
section { margin: 34px 0 0; }
.caption { color: var(--muted); font-size: 15px; max-width: 68em; margin: 0 0 12px; }
.chart-body { min-height: 120px; }
.chart-body svg { max-width: 100%; height: auto; }
.chart-body[data-rendered="error"], .empty { color: #8a2a0b; background: #fdf1ec; padding: 12px 16px; border-radius: 4px; }
.footnote { font-size: 14px; color: var(--muted); margin: 8px 0 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 15px; margin: 6px 0 4px; }
table.gap + * { margin-top: 0; }
.table-wrap + .table-wrap { margin-top: 22px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
thead th { background: var(--band); font-weight: 600; border-bottom: 2px solid #b9c2cb; vertical-align: bottom; }
thead tr.group th { text-align: center; border-bottom: 1px solid var(--rule); }
th.text, td.text { text-align: left; }
td.muted, .muted { color: var(--muted); }
tbody th { text-align: left; font-weight: 600; background: #fff; }
table.gap tbody th, table.gap td.text { white-space: nowrap; }
td.first-of-year, th.first-of-year { border-left: 1px solid var(--rule); }
td.short { background: var(--warn); }
td.short.strong { background: var(--warn-strong); font-weight: 600; }
.legend-swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; border-radius: 2px; margin: 0 4px 0 0; }
.diff { font-weight: 600; }
.better { color: #0b6b3a; }
.worse { color: #a3320b; }
.sub { display: block; font-size: 13px; color: var(--muted); font-weight: normal; }
.sub.diff { color: var(--ink); font-weight: 600; font-size: 14px; }
table.params td { text-align: left; }
table.params th { width: 26%; }
table.sources td, table.sources th { text-align: left; }
table.sources td:first-child { white-space: nowrap; }
.notes li { margin: 0 0 6px; max-width: 68em; }
.colophon { border-top: 1px solid var(--rule); margin-top: 40px; padding: 18px 0 30px; font-size: 14px; color: var(--muted); }
.colophon table { font-size: 14px; }
.colophon td, .colophon th { text-align: left; border: 0; padding: 2px 14px 2px 0; }
@media (max-width: 700px) { .masthead .inner, main, .colophon .inner { padding: 0 16px; } h1 { font-size: 26px; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  html { font-size: 11pt; }
  .masthead { padding: 0 0 10px; background: none; color: var(--ink); border-bottom: 3px solid var(--accent); }
  .masthead .inner, main, .colophon .inner { max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  nav.contents { display: none; }
  section { margin-top: 0; }
  section.chart { break-before: page; break-inside: avoid; }
  section.table-section { break-before: page; }
  .chart-body svg { max-height: 135mm; width: auto; }
  .caption, .footnote { font-size: 9.5pt; margin-bottom: 4px; }
  h2 { font-size: 16pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  .card, td.short, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
