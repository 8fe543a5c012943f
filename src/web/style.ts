// The explorer's stylesheet, on top of the report's (src/report/style.ts): the same type, colours
// and tables, plus a control panel on the left and results on the right. Focus is always visible
// (a thick yellow outline, as on GOV.UK), text meets WCAG AA contrast on its background.
export const EXPLORER_CSS = `
body { background: #fff; }
.masthead { padding: 14px 0 12px; }
.masthead .inner { max-width: none; padding: 0 28px; display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 8px 28px; }
.masthead h1 { font-size: 28px; margin: 2px 0 2px; }
.masthead .description { margin: 0; font-size: 15px; max-width: 70em; display: -webkit-box; -webkit-line-clamp: 1; -webkit-box-orient: vertical; overflow: hidden; }
.masthead .provenance { font-size: 14px; }
.skip { position: absolute; left: -999px; top: 0; background: #ffbf47; color: #0b0c0c; padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; }
.layout { display: grid; grid-template-columns: minmax(330px, 410px) minmax(0, 1fr); align-items: start; }
.controls { background: #f3f5f8; border-right: 1px solid var(--rule); padding: 18px 20px 0; min-width: 0; }
/* On a screen wide enough, an application layout: the header stays, the controls and the results scroll on their own. */
@media screen and (min-width: 901px) {
  html, body { height: 100%; }
  body { display: flex; flex-direction: column; overflow: hidden; }
  .masthead { flex: none; }
  .layout { flex: 1; min-height: 0; align-items: stretch; }
  .controls, .results { overflow-y: auto; min-height: 0; }
}
.controls h2 { font-size: 18px; margin: 18px 0 8px; display: flex; align-items: center; gap: 8px; }
.controls h2:first-child { margin-top: 0; }
.step { display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; border-radius: 50%; background: var(--accent); color: #fff; font-size: 14px; font-weight: 700; flex: none; }
.controls p { font-size: 14px; margin: 4px 0 8px; }
.hint { color: var(--muted); font-size: 13.5px; }
.current { background: #fff; border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px; padding: 8px 12px; margin: 0 0 10px; font-size: 14px; }
.current b { overflow-wrap: anywhere; }
.field { display: flex; flex-direction: column; gap: 3px; margin: 0 0 10px; }
.field label, .field .label { font-size: 14px; font-weight: 600; color: var(--ink); }
.field .hint { margin: 0; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; }
.row3 { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0 10px; }
input[type=number], input[type=text], input[type=date], select {
  font: inherit; font-size: 15px; padding: 5px 8px; min-height: 36px; border: 1px solid #6b7580; border-radius: 4px;
  background: #fff; color: var(--ink); width: 100%; font-variant-numeric: tabular-nums;
}
input[type=file] { font: inherit; font-size: 14px; max-width: 100%; }
input[type=checkbox] { width: 17px; height: 17px; margin: 0; accent-color: var(--accent); flex: none; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid #b3261e; }
.checks { display: flex; flex-wrap: wrap; gap: 4px 14px; border: 0; padding: 0; margin: 0; }
.checks label { display: inline-flex; align-items: center; gap: 6px; font-weight: normal; font-size: 14px; }
details.lever { background: #fff; border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 8px; }
details.lever > summary { cursor: pointer; padding: 9px 12px; font-weight: 600; font-size: 15px; display: flex; align-items: center; gap: 8px; list-style: none; }
details.lever > summary::-webkit-details-marker { display: none; }
details.lever > summary::before { content: ""; width: 0; height: 0; border-style: solid; border-width: 5px 0 5px 7px; border-color: transparent transparent transparent var(--ink); flex: none; transition: transform 0.1s; }
details.lever[open] > summary::before { transform: rotate(90deg); }
details.lever > summary .title { flex: 1; }
details.lever .inside { padding: 0 12px 6px; }
details.lever .inside > p { margin-top: 0; }
.badge { font-size: 12px; font-weight: 700; border-radius: 10px; padding: 1px 8px; background: #e3e6ea; color: #3b4650; white-space: nowrap; }
.badge.on { background: #0b6b3a; color: #fff; }
.badge.bad { background: #b3261e; color: #fff; }
fieldset.group { border: 0; border-top: 1px solid var(--rule); margin: 6px 0 0; padding: 8px 0 0; }
fieldset.group > legend { font-size: 14px; font-weight: 700; padding: 0 6px 0 0; color: var(--accent-dark); }
.errors { color: #8a1c14; background: #fdf1ec; border-left: 4px solid #b3261e; padding: 8px 12px; margin: 6px 0 10px; font-size: 14px; border-radius: 0 4px 4px 0; }
.errors ul { margin: 4px 0 0; padding-left: 18px; }
.errors li { overflow-wrap: anywhere; margin: 2px 0; }
.warnings { color: #5c3b00; background: #fff6dd; border-left: 4px solid #b8860b; padding: 8px 12px; margin: 6px 0 10px; font-size: 14px; }
.file-levers { list-style: none; margin: 0 0 10px; padding: 0; }
.file-levers li { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px; margin: 0 0 6px; font-size: 14px; }
.file-levers label { display: flex; gap: 8px; align-items: flex-start; font-weight: 600; }
.file-levers .detail { display: block; font-weight: normal; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
pre.json { background: #fff; border: 1px solid var(--rule); border-radius: 4px; padding: 8px 10px; font-size: 12.5px; max-height: 320px; overflow: auto; margin: 6px 0 0; }
.btn { font: inherit; font-size: 16px; font-weight: 600; padding: 8px 18px; min-height: 42px; border-radius: 4px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
.btn:hover:not(:disabled) { background: var(--accent-dark); border-color: var(--accent-dark); }
.btn.secondary { background: #fff; color: var(--accent); }
.btn.secondary:hover:not(:disabled) { background: #e8eef6; color: var(--accent-dark); }
.btn.small { font-size: 14px; padding: 4px 12px; min-height: 34px; }
.btn:disabled { opacity: 0.45; cursor: not-allowed; }
.buttons { display: flex; gap: 10px; flex-wrap: wrap; margin: 10px 0 8px; }
.run-panel { position: sticky; bottom: 0; background: #f3f5f8; padding: 8px 0 14px; border-top: 1px solid var(--rule); margin-top: 10px; box-shadow: 0 -6px 10px -8px rgba(27, 42, 58, 0.25); }
progress { width: 100%; height: 14px; accent-color: var(--accent); }
.status { font-size: 14px; margin: 4px 0 0; }
.status:empty { display: none; }
.run-panel .buttons { margin: 6px 0 4px; }
.run-panel .hint { margin: 0 0 4px; }
.results { padding: 22px 34px 60px; min-width: 0; max-width: none; margin: 0; }
.chart-body .vega-embed { display: block; max-width: 100%; }
.chart-body .vega-embed svg { max-width: 100%; height: auto; }
.results > section { margin: 0 0 34px; }
.results h2 { border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
.results section.chart { margin: 24px 0 0; }
.results section.chart h3 { margin: 0 0 2px; }
.intro { max-width: 62em; }
#results-area > section:first-child { margin-top: 0; }
.intro ol { padding-left: 20px; }
.intro li { margin: 0 0 6px; }
.download-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin: 0 0 18px; }
.download-row h3 { margin: 0; font-size: 16px; }
.downloads { display: flex; flex-wrap: wrap; gap: 8px; }
a.download { display: inline-flex; align-items: center; gap: 6px; padding: 5px 12px; border: 2px solid var(--accent); border-radius: 4px; color: var(--accent); font-weight: 600; text-decoration: none; font-size: 14.5px; background: #fff; }
a.download .arrow { font-size: 15px; line-height: 1; }
a.download:hover { background: #e8eef6; }
a.download[aria-disabled="true"] { opacity: 0.5; pointer-events: none; }
a.download .what { font-weight: normal; color: var(--muted); font-size: 13px; }
.stale { background: #fff6dd; border-left: 4px solid #b8860b; padding: 6px 12px; font-size: 14px; margin: 0 0 16px; }
.run-facts { font-size: 14px; color: var(--muted); margin: 0 0 12px; }
.cards { grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 14px; margin-bottom: 18px; }
#results-body > section:first-child { margin-top: 0; }
#results-body > section { margin: 0 0 36px; }
.card .value { font-size: 28px; }
.card .versus { font-size: 14px; margin: 2px 0 0; font-weight: 600; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 900px) {
  .layout { grid-template-columns: 1fr; }
  .controls { border-right: 0; border-bottom: 1px solid var(--rule); }
  .results { padding: 18px 16px 40px; }
}
@media print { .controls, .skip { display: none; } .layout { display: block; } }
`;
