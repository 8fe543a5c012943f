// The explorer's HTML page around its script: one self-contained file, the report's styles and
// content security policy (nothing may be fetched; the one extra permission is a worker from a
// blob: URL, which is how the engine's worker starts). scripts/build-explorer.mjs calls
// `explorerHtml` with the bundled script. Pure.
import { ENGINE_VERSION } from '../domain/version.js';
import { html, raw, scriptText } from '../report/htmlText.js';
import { REPORT_CSS } from '../report/style.js';
import { EXPLORER_CSS } from './style.js';

export const EXPLORER_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

export const explorerHtml = (script: string): string => html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPLORER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="placement-sufficiency ${ENGINE_VERSION}">
<title>Placement sufficiency explorer</title>
<style>${raw(REPORT_CSS)}${raw(EXPLORER_CSS)}</style>
</head>
<body>
<a class="skip" href="#results">Skip to the results</a>
<header class="masthead"><div class="inner">
<div>
<p class="kicker">Placement sufficiency explorer</p>
<h1 id="scenario-name">Placement sufficiency explorer</h1>
<p class="description" id="scenario-description"></p>
</div>
<ul class="provenance">
<li>Runs in this browser: <b>nothing is uploaded or sent</b></li>
<li>Engine <b>${ENGINE_VERSION}</b></li>
</ul>
</div></header>
<div class="layout" id="app">
<noscript><p class="empty">The explorer runs the forecast model with JavaScript inside this file (it fetches nothing). Allow scripts for this file to use it.</p></noscript>
</div>
<script>${scriptText(script)}</script>
</body>
</html>
`.value;
