// Excel's rules for sheet names: 1–31 characters, none of * ? : \ / [ ], not starting or ending
// with an apostrophe, unique ignoring case, and not "History" (reserved). Option names come from
// scenario files and may break any of these, so they are made to fit here, predictably.

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[*?:\\/[\]]/g;
// Control characters are not allowed in sheet names either.
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** At most `max` UTF-16 units (Excel's measure), cut between code points so an emoji is never split. */
const fit = (s: string, max: number): string => {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

/** A name that obeys the character and length rules (uniqueness is `uniqueSheetNames`' job). */
export const sheetNameOf = (wanted: string, fallback = 'Sheet'): string => {
  const cleaned = fit(wanted.replace(CONTROL, ' ').replace(FORBIDDEN, '-').trim(), MAX_SHEET_NAME)
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned === '' ? fallback : cleaned;
};

/**
 * Names for the wanted sheets, in order, each fitted with `sheetNameOf` and made unique (ignoring
 * case, and against `taken`, e.g. "Summary" and "About") by a " (2)", " (3)"… suffix that still
 * fits in 31 characters.
 */
export const uniqueSheetNames = (wanted: readonly string[], taken: readonly string[] = [], fallback = 'Sheet'): string[] => {
  const used = new Set([...taken, 'History'].map((n) => n.toLowerCase()));
  return wanted.map((w) => {
    const base = sheetNameOf(w, fallback);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = `${fit(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
};
