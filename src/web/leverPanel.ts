/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The lever controls: one collapsible card per lever (src/web/leverForm.ts describes them), each
// input with its own label and hint, and each card's problems listed under it in the codec's
// words, with the offending inputs marked invalid. Values live in the record the page owns.
import { CARDS, type BuiltLever, type CardDef, type FieldDef, type FieldGroup, type FormContext, type Values } from './leverForm.js';
import { BAND_CHOICES, NEED_CHOICES } from './leverForm.js';
import { h, replaceChildren } from './dom.js';

export interface CardProblems {
  /** Problem lines by card id. */
  readonly byCard: ReadonlyMap<string, readonly string[]>;
  /** Ids of the fields a problem points at. */
  readonly fields: ReadonlySet<string>;
}

export interface LeverPanel {
  readonly element: HTMLElement;
  /** Show which cards make levers and their problems. */
  show(built: readonly BuiltLever[], problems: CardProblems): void;
  /** The horizon changed: offer its financial years in the year choices (in place, keeping focus and open cards). */
  setYears(ctx: FormContext): void;
}

const fieldId = (id: string): string => `f-${id}`;

const input = (fd: FieldDef, values: Record<string, string | readonly string[]>, ctx: FormContext, changed: () => void): HTMLElement => {
  const id = fieldId(fd.id);
  const value = values[fd.id];
  const hintId = fd.hint === undefined ? undefined : `${id}-hint`;
  const describedBy = [hintId, `card-errors-${fd.id.split('_')[0]!.replace(/^home\d+$/, 'homes')}`].filter((x) => x !== undefined).join(' ');
  if (fd.kind === 'needs' || fd.kind === 'bands') {
    const choices = fd.kind === 'needs' ? NEED_CHOICES : BAND_CHOICES;
    const chosen = new Set(Array.isArray(value) ? value : []);
    const boxes = choices.map(([key, label]) => {
      const box = h('input', { type: 'checkbox', id: `${id}-${key}`, value: key, checked: chosen.has(key) });
      box.addEventListener('change', () => {
        const now = new Set(Array.isArray(values[fd.id]) ? (values[fd.id] as readonly string[]) : []);
        if (box.checked) now.add(key);
        else now.delete(key);
        values[fd.id] = choices.map(([k]) => k).filter((k) => now.has(k));
        changed();
      });
      return h('label', { for: `${id}-${key}` }, box, label);
    });
    return h('fieldset', { class: 'field checks-field', id, 'aria-describedby': describedBy },
      h('legend', { class: 'label' }, fd.label), h('div', { class: 'checks' }, boxes));
  }
  let control: HTMLInputElement | HTMLSelectElement;
  if (fd.kind === 'zone' || fd.kind === 'year') {
    const options = fd.kind === 'zone' ? [...ctx.zones] : [...ctx.financialYears];
    const current = typeof value === 'string' ? value : '';
    if (current !== '' && !options.includes(current)) options.unshift(current);
    control = h('select', { id, 'aria-describedby': describedBy }, options.map((o) => h('option', { value: o, selected: o === current }, o)));
  } else {
    control = h('input', {
      id, type: fd.kind === 'date' ? 'date' : 'number', value: typeof value === 'string' ? value : '',
      min: fd.min, max: fd.max, step: fd.step, inputmode: fd.kind === 'date' ? undefined : 'decimal', 'aria-describedby': describedBy,
    });
  }
  control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
    values[fd.id] = control.value;
    changed();
  });
  control.dataset.field = fd.id;
  control.dataset.kind = fd.kind;
  return h('div', { class: 'field' }, h('label', { for: id }, fd.label), control, fd.hint === undefined ? null : h('p', { class: 'hint', id: hintId }, fd.hint));
};

const groupElement = (g: FieldGroup, values: Record<string, string | readonly string[]>, ctx: FormContext, changed: () => void): HTMLElement => {
  const fields = g.fields.map((fd) => input(fd, values, ctx, changed));
  const body = fields.length === 2 ? h('div', { class: 'row2' }, fields) : fields;
  return g.legend === undefined ? h('div', {}, body) : h('fieldset', { class: 'group' }, h('legend', {}, g.legend), body);
};

/** The panel of lever cards. `changed` is called after every edit (values already updated). */
export const leverPanel = (values: Record<string, string | readonly string[]>, ctx: FormContext, changed: () => void): LeverPanel => {
  const badges = new Map<string, HTMLElement>();
  const errorLists = new Map<string, HTMLElement>();
  const cardElement = (card: CardDef): HTMLElement => {
    const badge = h('span', { class: 'badge' }, 'off');
    badges.set(card.id, badge);
    const errors = h('div', { id: `card-errors-${card.id}`, 'aria-live': 'polite' });
    errorLists.set(card.id, errors);
    const groups = h('div', {});
    const renderGroups = (): void => {
      const [first, ...rest] = card.groups(values as Values);
      replaceChildren(groups, first === undefined ? null : groupElement(first, values, ctx, onEdit), rest.map((g) => groupElement(g, values, ctx, onEdit)));
    };
    // A change in the number of homes adds or removes their groups; focus stays on the count.
    function onEdit(): void {
      if (card.id === 'homes') {
        const active = document.activeElement as HTMLElement | null;
        const focused = active?.dataset.field;
        const before = card.groups(values as Values).length;
        if (groups.childElementCount !== before) {
          renderGroups();
          if (focused !== undefined) (groups.querySelector(`[data-field="${focused}"]`) as HTMLElement | null)?.focus();
        }
      }
      changed();
    }
    renderGroups();
    return h('details', { class: 'lever', id: `lever-${card.id}` },
      h('summary', {}, h('span', { class: 'title' }, card.title), badge),
      h('div', { class: 'inside' }, h('p', { class: 'hint' }, card.summary), groups, errors));
  };
  const element = h('div', { class: 'lever-cards' }, CARDS.map(cardElement));
  const show = (built: readonly BuiltLever[], problems: CardProblems): void => {
    for (const card of CARDS) {
      const n = built.filter((b) => b.card === card.id).length;
      const lines = problems.byCard.get(card.id) ?? [];
      const badge = badges.get(card.id)!;
      badge.className = `badge${lines.length > 0 ? ' bad' : n > 0 ? ' on' : ''}`;
      badge.textContent = lines.length > 0 ? 'check' : n === 0 ? 'off' : n === 1 ? 'on' : `${n} on`;
      const list = errorLists.get(card.id)!;
      replaceChildren(list, lines.length === 0 ? null : h('div', { class: 'errors' }, h('strong', {}, 'Please check:'), h('ul', {}, lines.map((l) => h('li', {}, l)))));
      if (lines.length > 0) (list.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
    }
    for (const el of element.querySelectorAll<HTMLElement>('[data-field], fieldset.checks-field')) {
      const id = el.dataset.field ?? el.id.replace(/^f-/, '');
      if (problems.fields.has(id)) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
  };
  const setYears = (next: FormContext): void => {
    for (const select of element.querySelectorAll<HTMLSelectElement>('select[data-kind="year"]')) {
      const id = select.dataset.field!;
      const current = typeof values[id] === 'string' ? (values[id] as string) : '';
      const chosen = next.financialYears.includes(current) ? current : next.financialYears[1] ?? next.financialYears[0] ?? '';
      values[id] = chosen;
      replaceChildren(select, next.financialYears.map((y) => h('option', { value: y, selected: y === chosen }, y)));
      select.value = chosen;
    }
  };
  return { element, show, setYears };
};
