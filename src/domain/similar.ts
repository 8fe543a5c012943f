// "Did you mean …?" for a misspelt name: the candidates nearest by edit distance, by the rule the
// command line uses for flags (commander's suggestSimilar): at most 3 edits, more than 40% of the
// longer word unchanged, only the nearest kept. Case is ignored (`Households` → `households`).

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
 * neighbours each cost 1.
 *
 * @example editDistance('deregistation', 'deregistration') // 1
 */
export const editDistance = (a: string, b: string): number => {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
  }
  return rows[a.length]![b.length]!;
};

const MAX_DISTANCE = 3;
const MIN_SIMILARITY = 0.4;

/**
 * The candidates nearest to `word` (ties all kept, in the order given), or none when nothing is
 * near enough. Words longer than 100 characters are not compared (no one misspells those).
 *
 * @example similarTo('deregistation', ['perYear', 'deregistration']) // ['deregistration']
 */
export const similarTo = (word: string, candidates: readonly string[]): string[] => {
  if (word.length > 100) return [];
  const w = word.toLowerCase();
  let best = MAX_DISTANCE + 1;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate.length <= 1 || Math.abs(candidate.length - w.length) > MAX_DISTANCE) continue;
    const d = editDistance(w, candidate.toLowerCase());
    const length = Math.max(w.length, candidate.length);
    if ((length - d) / length <= MIN_SIMILARITY || d > best) continue;
    if (d < best) {
      best = d;
      found = [candidate];
    } else found.push(candidate);
  }
  return found;
};

/** ` Did you mean `a` or `b`?` style suffix (with a leading "; "), or '' when nothing is near. */
export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const near = similarTo(word, candidates);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `\`${n}\``);
  return `; did you mean ${quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}`}?`;
};
