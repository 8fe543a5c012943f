/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A few DOM helpers for the explorer. Text always goes in as text nodes (never as HTML), so
// names and messages from a loaded file cannot become markup; the only HTML inserted is built by
// src/report's `html` template, which escapes every value.
import type { Html } from '../report/htmlText.js';

type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Readonly<Record<string, string | number | boolean | undefined | null>>;

const append = (parent: Node, child: Child): void => {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (typeof child === 'string' || typeof child === 'number') {
    parent.appendChild(document.createTextNode(String(child)));
  } else {
    parent.appendChild(child as Node);
  }
};

/** `h('p', { class: 'hint' }, 'text', child)`: attributes false/null/undefined are left out, true is present. */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
};

export const replaceChildren = (el: Element, ...children: Child[]): void => {
  el.replaceChildren();
  append(el, children);
};

/** An element holding markup from src/report (escaped by its `html` template). */
export const fromReportHtml = (tag: 'div' | 'section', fragment: Html, attrs: Attrs = {}): HTMLElement => {
  const el = h(tag, attrs);
  el.innerHTML = fragment.value;
  return el;
};

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`internal: #${id} missing`);
  return el as T;
};
