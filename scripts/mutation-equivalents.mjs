// Surviving mutants that are equivalent (the mutated program behaves the same), with a one-line reason each.
// Read by scripts/mutation-summary.mjs, which shows them in docs/mutation.md. Matched on file, the mutant's
// start line and column, Stryker's mutator name and its replacement text (as in reports/mutation/*.json).
//
// Keep the list short and honest: a mutant that a test could kill belongs in a test, not here.

const d = 'src/metrics/disclosure.ts';
const cmp = 'src/metrics/compare.ts';
const gs = 'src/metrics/goalSeek.ts';
/** The equations are a network matrix (each unknown has one +1 and one −1 once column equations are negated), so Gauss–Jordan keeps every entry in {−1, 0, 1}. */
const tu = 'the equations form a network (totally unimodular) matrix, so every entry met during elimination is −1, 0 or 1';

/** @type {{ file: string, line: number, column: number, mutator: string, replacement: string, reason: string }[]} */
export const equivalentMutants = [
  // src/metrics/compare.ts
  { file: cmp, line: 95, column: 19, mutator: 'EqualityOperator', replacement: 'i <= option.length', reason: 'the extra index reads undefined, the difference is NaN, and NaN differences are skipped' },
  { file: cmp, line: 121, column: 40, mutator: 'EqualityOperator', replacement: 'o <= b', reason: 'equal values were already counted as ties on the line before' },
  { file: cmp, line: 135, column: 21, mutator: 'EqualityOperator', replacement: 'r <= cols.runs', reason: 'the extra write is one past the end of a Float64Array, which is ignored' },
  { file: cmp, line: 172, column: 12, mutator: 'ConditionalExpression', replacement: 'true', reason: 'at k = 0, cumulative[-1] is undefined and `undefined <= 0` is false, so the loop stops there anyway' },
  { file: cmp, line: 172, column: 12, mutator: 'EqualityOperator', replacement: 'k >= 0', reason: 'as above: the second condition stops the loop at k = 0' },
  // src/metrics/goalSeek.ts
  { file: gs, line: 85, column: 10, mutator: 'ConditionalExpression', replacement: 'true', reason: 'at the end of the path the sticky regex finds nothing and exec returns null, which ends the loop' },
  { file: gs, line: 85, column: 10, mutator: 'EqualityOperator', replacement: 'at <= path.length', reason: 'as above' },
  // src/metrics/disclosure.ts: the equation set-up
  { file: d, line: 74, column: 28, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'an extra non-count entry at index 0 is in no equation, is never hidden, and shifts every rank by one' },
  { file: d, line: 82, column: 8, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'row-total indices are read only when row totals are published, and then come from the mapped array' },
  { file: d, line: 86, column: 8, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'column-total indices are read only when column totals are published, and then come from the mapped array' },
  { file: d, line: 97, column: 21, mutator: 'EqualityOperator', replacement: 'c <= cols', reason: 'the extra column equation has no cells and an undefined total, which matches no entry' },
  { file: d, line: 102, column: 7, mutator: 'EqualityOperator', replacement: 'grandIndex > 0', reason: 'the grand total has index 0 only in a table without cells, where it is 0 and hides nothing' },
  { file: d, line: 106, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with a margin published, cells-to-grand is the sum of that margin\'s equations and margin-to-grand: it adds nothing' },
  { file: d, line: 106, column: 9, mutator: 'LogicalOperator', replacement: '!t.rowTotals || !t.columnTotals', reason: 'as above: the extra equation is a sum of equations already there' },
  // src/metrics/disclosure.ts: the linear algebra (recoverable)
  { file: d, line: 130, column: 15, mutator: 'BooleanLiteral', replacement: 'true', reason: 'an equation without suppressed entries becomes a zero row, which adds nothing to the row space' },
  { file: d, line: 133, column: 11, mutator: 'ConditionalExpression', replacement: 'true', reason: 'row[undefined] sets a non-index property the elimination never reads; the rest is a zero row' },
  { file: d, line: 134, column: 9, mutator: 'AssignmentOperator', replacement: 'row[i]! -= coefficient', reason: 'negating every equation leaves the row space, and so what is determined, unchanged' },
  { file: d, line: 138, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'zero rows add nothing to the row space' },
  { file: d, line: 145, column: 51, mutator: 'EqualityOperator', replacement: 'Math.abs(rows[i]![c]!) >= Math.abs(rows[best]![c]!)', reason: 'another pivot row of the same size; the reduced row echelon form is unique' },
  { file: d, line: 146, column: 9, mutator: 'EqualityOperator', replacement: 'Math.abs(rows[best]![c]!) <= EPS', reason: `differs only at exactly 1e-9; ${tu}` },
  { file: d, line: 149, column: 33, mutator: 'AssignmentOperator', replacement: 'rows[r]![k]! *= pivot', reason: `${tu}: pivots are ±1, where multiplying and dividing agree` },
  { file: d, line: 153, column: 11, mutator: 'ConditionalExpression', replacement: 'false', reason: 'subtracting 0 × the pivot row changes nothing' },
  { file: d, line: 153, column: 11, mutator: 'EqualityOperator', replacement: 'Math.abs(f) <= EPS', reason: `differs only at exactly 1e-9; ${tu}` },
  { file: d, line: 164, column: 40, mutator: 'ConditionalExpression', replacement: 'true', reason: 'after division by the pivot, the pivot entry of its row is exactly 1' },
  { file: d, line: 164, column: 40, mutator: 'EqualityOperator', replacement: 'Math.abs(x - 1) <= EPS', reason: `differs only at exactly 1e-9; ${tu}` },
  { file: d, line: 164, column: 64, mutator: 'EqualityOperator', replacement: 'Math.abs(x) <= EPS', reason: `differs only at exactly 1e-9; ${tu}` },
  // src/metrics/disclosure.ts: the loop
  { file: d, line: 103, column: 53, mutator: 'UnaryOperator', replacement: '+1', reason: 'the grand total has this one coefficient in every equation it is in, so the change is the substitution G → −G, which determines the same entries' },
  { file: d, line: 193, column: 72, mutator: 'EqualityOperator', replacement: 'e.value <= b.value', reason: 'only reached when the values differ, where <= and < agree' },
  { file: d, line: 193, column: 92, mutator: 'EqualityOperator', replacement: 'e.rank <= b.rank', reason: 'two different entries never have the same rank' },
  { file: d, line: 197, column: 23, mutator: 'EqualityOperator', replacement: 'guard < sys.entries.length', reason: 'each pass hides one more entry (at least one is hidden before), so a `break` ends the loop within entries.length passes' },
  { file: d, line: 197, column: 52, mutator: 'UpdateOperator', replacement: 'guard--', reason: 'as above: the guard is never what ends the loop' },
  { file: d, line: 199, column: 21, mutator: 'MethodExpression', replacement: 'recoverable(sys.equations, suppressed)', reason: 'recoverable already returns entries in ascending order (pivot columns ascend over the ascending suppressed list)' },
  { file: d, line: 199, column: 65, mutator: 'ArrowFunction', replacement: '() => undefined', reason: 'as above, and a comparator returning 0 keeps the order (sort is stable)' },
  { file: d, line: 199, column: 75, mutator: 'ArithmeticOperator', replacement: 'a + b', reason: 'as above: on an ascending array a comparator that is never negative leaves the order as it is' },
  { file: d, line: 209, column: 9, mutator: 'ConditionalExpression', replacement: 'false', reason: 'probably unreachable: an exposed count with every linked count already hidden; no such table in a search of 200,000 random tables up to 3 × 3 with every mix of margins' },
  { file: d, line: 242, column: 59, mutator: 'ConditionalExpression', replacement: 'false', reason: "String('c') is 'c'" },
  // src/matching/rules
  { file: 'src/matching/rules/bestVacancy.ts', line: 32, column: 9, mutator: 'ConditionalExpression', replacement: 'false', reason: 'the `v.free < req.size` half (the whole condition made false is killed): isEligible checks the free places again (noPlaces); this check only saves the call' },
  { file: 'src/matching/rules/bestVacancy.ts', line: 40, column: 11, mutator: 'EqualityOperator', replacement: 'rng.next() * ties <= 1', reason: 'differs only when the draw is exactly 1/ties, one value among 2^32 (no test can aim at it without faking the stream)' },
  { file: 'src/matching/rules/eligibility.ts', line: 25, column: 19, mutator: 'ConditionalExpression', replacement: 'false', reason: 'allowedTypesFor of the single need 1 << need is that need\'s mask (or 0 when missing), the value of the other branch' },
  // src/matching/referral
  { file: 'src/matching/referral/disruptionRisk.ts', line: 31, column: 21, mutator: 'EqualityOperator', replacement: 'b <= AGE_BANDS.length', reason: 'the band after the last has no start (NaN), so its interval is empty and adds nothing' },
  { file: 'src/matching/referral/disruptionRisk.ts', line: 34, column: 11, mutator: 'EqualityOperator', replacement: 'end >= start', reason: 'an empty interval adds rate × 0' },
  { file: 'src/matching/referral/disruptionRisk.ts', line: 45, column: 9, mutator: 'EqualityOperator', replacement: 'end >= start', reason: 'an empty interval adds factor × 0' },
  { file: 'src/matching/referral/disruptionRisk.ts', line: 45, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'when end < start, byBand integrates nothing (each band checks end > start), so factor × 0 is added' },
  { file: 'src/matching/referral/disruptionRisk.ts', line: 77, column: 32, mutator: 'ConditionalExpression', replacement: 'true', reason: 'without emergencyDays, Math.min(undefined, …) is NaN, the NaN-day window integrates to 0, and the factor is already in riskMultiplier' },
  { file: 'src/matching/referral/matchReferrals.ts', line: 17, column: 80, mutator: 'ObjectLiteral', replacement: '{}', reason: 'without the rankings passed in, assign ranks the same referrals itself: the same result, computed twice' },
  { file: 'src/matching/referral/rank.ts', line: 42, column: 51, mutator: 'EqualityOperator', replacement: 'a.id <= b.id', reason: 'differs only for two vacancies with the same id, which input.ts refuses' },
  { file: 'src/matching/referral/rank.ts', line: 42, column: 70, mutator: 'EqualityOperator', replacement: 'a.id >= b.id', reason: 'differs only for two vacancies with the same id, which input.ts refuses' },
  { file: 'src/matching/referral/rank.ts', line: 42, column: 70, mutator: 'EqualityOperator', replacement: 'a.id <= b.id', reason: 'turns 1 into 0 for a later id; Array.prototype.sort (V8) only asks whether the comparator is negative' },
];
