// Surviving mutants that are equivalent (the mutated program behaves the same), with a one-line reason each.
// Read by scripts/mutation-summary.mjs, which shows them in docs/mutation.md. Matched on file, the mutant's
// start line and column, Stryker's mutator name and its replacement text (as in reports/mutation/*.json).
//
// Keep the list short and honest: a mutant that a test could kill belongs in a test, not here.

const d = 'src/metrics/disclosure.ts';
const cmp = 'src/metrics/compare.ts';
const gs = 'src/metrics/goalSeek.ts';
const inp = 'src/matching/referral/input.ts';
const suit = 'src/matching/referral/suitability.ts';
const ps = 'src/matching/referral/pairScore.ts';
const ex = 'src/matching/referral/explain.ts';
const ab = 'src/matching/referral/assignBatch.ts';
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
  // src/matching/referral/input.ts
  { file: inp, line: 84, column: 115, mutator: 'ArrowFunction', replacement: '() => undefined', reason: 'isBad reads `bad[row]?.has`, so a missing set reads as "no bad cells", like the empty set' },
  { file: inp, line: 87, column: 85, mutator: 'OptionalChaining', replacement: 'rows.bad[row].has', reason: '`bad` has a set for every row (asPartial makes one per row; PartialRows promises one per row)' },
  { file: inp, line: 152, column: 50, mutator: 'ConditionalExpression', replacement: 'false', reason: 'an undefined id in the set of ids matches no group name (group names are strings)' },
  { file: inp, line: 152, column: 71, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'differs only for a row without an id beside a sibling group named "Stryker was here" (the mutant\'s own text)' },
  { file: inp, line: 170, column: 49, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'checkRows returns only its problems; its collector\'s notes are never read' },
  { file: inp, line: 183, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'a comparison with a missing age bound (undefined) is false, so `ageMin > ageMax` alone decides' },
  { file: inp, line: 183, column: 9, mutator: 'LogicalOperator', replacement: 'v.ageMin !== undefined || v.ageMax !== undefined', reason: 'as above' },
  { file: inp, line: 183, column: 35, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as above' },
  { file: inp, line: 252, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'undefined is never added to `done`, so `done.has(undefined)` is false' },
  { file: inp, line: 254, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'adding undefined to `done` is harmless: it is only looked up for a defined group' },
  { file: inp, line: 257, column: 103, mutator: 'ConditionalExpression', replacement: 'true', reason: 'a less urgent child never has an earlier day (today ≤ match day < under5days ≤ +4 < later), so `b.day < a.day` alone never picks one' },
  { file: inp, line: 300, column: 38, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', reason: 'resolveMatchInput reads only the notes of this collector (its problems were found by checkRows before)' },
  // src/matching/referral/suitability.ts: guards that only save work (the checks inside repeat them)
  { file: suit, line: 45, column: 10, mutator: 'ConditionalExpression', replacement: 'true', reason: 'the `b + 1 < length` half: past the last band AGE_BANDS[b + 1] is undefined, and `age >= undefined` is false' },
  { file: suit, line: 45, column: 10, mutator: 'EqualityOperator', replacement: 'b + 1 <= AGE_BANDS.length', reason: 'as above' },
  { file: suit, line: 45, column: 10, mutator: 'ArithmeticOperator', replacement: 'b - 1', reason: 'as above: the lower-age comparison alone stops at the last band' },
  { file: suit, line: 66, column: 78, mutator: 'ConditionalExpression', replacement: 'true', reason: '`restricted` only lets the careAlongside check be skipped; a withOthers child can live alongside anyone anyway' },
  { file: suit, line: 66, column: 98, mutator: 'StringLiteral', replacement: '""', reason: 'as above' },
  { file: suit, line: 74, column: 23, mutator: 'ConditionalExpression', replacement: 'true', reason: 'differs only for sameSchool without a school postcode, which input.ts refuses' },
  { file: suit, line: 97, column: 34, mutator: 'ConditionalExpression', replacement: 'true', reason: '`school` only lets the school check be skipped; milesToSchool checks sameSchool and the school again' },
  { file: suit, line: 97, column: 34, mutator: 'LogicalOperator', replacement: 'c.sameSchool || c.school !== undefined', reason: 'as above' },
  { file: suit, line: 97, column: 50, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as above' },
  { file: suit, line: 113, column: 7, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as for line 66: the check below finds nothing for unrestricted children or an empty home' },
  { file: suit, line: 113, column: 7, mutator: 'LogicalOperator', replacement: 'p.restricted || v.currentChildren.length > 0', reason: 'as above' },
  { file: suit, line: 113, column: 23, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as above' },
  { file: suit, line: 113, column: 23, mutator: 'EqualityOperator', replacement: 'v.currentChildren.length >= 0', reason: 'as above' },
  { file: suit, line: 119, column: 7, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as for line 97: milesToSchool is undefined for every child when no child must keep a school' },
  { file: suit, line: 122, column: 11, mutator: 'ConditionalExpression', replacement: 'true', reason: 'the `miles !== undefined` half: `undefined > schoolMiles` is false' },
  // src/matching/referral/pairScore.ts
  { file: ps, line: 65, column: 83, mutator: 'ConditionalExpression', replacement: 'true', reason: '`undefined < EXPERIENCED_CARER_YEARS` is false, as the check it replaces' },
  { file: ps, line: 66, column: 7, mutator: 'ConditionalExpression', replacement: 'false', reason: 'the early return only saves work: without wishes or an experience need the checks below find nothing' },
  { file: ps, line: 99, column: 49, mutator: 'ConditionalExpression', replacement: 'false', reason: 'suitability[undefined] is undefined, which is not "preferred", as the check it replaces' },
  { file: ps, line: 104, column: 9, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with no unmet wishes, appending none and subtracting 0 changes nothing' },
  { file: ps, line: 104, column: 9, mutator: 'EqualityOperator', replacement: 'missing.length >= 0', reason: 'as above' },
  { file: ps, line: 105, column: 15, mutator: 'ConditionalExpression', replacement: 'false', reason: 'appending to an empty list gives the same wishes (a copy instead of the shared array)' },
  { file: ps, line: 108, column: 9, mutator: 'EqualityOperator', replacement: 'fromHome >= miles', reason: 'assigns an equal value' },
  { file: ps, line: 110, column: 9, mutator: 'EqualityOperator', replacement: 'r >= risk', reason: 'assigns an equal value' },
  ...(['distance', 'cost', 'hierarchy', 'specialism', 'typePreference', 'soft'].map((part, k) => ({
    file: ps, line: 114, column: [15, 35, 56, 83, 115, 141][k], mutator: 'ArithmeticOperator', replacement: `${part} - 0`,
    reason: 'each part starts at +0 and only adds or subtracts, so it is never −0 (0 + −0 is +0), and x − 0 is x + 0 for every other x',
  }))),
  // src/matching/referral/explain.ts
  { file: ex, line: 76, column: 77, mutator: 'OptionalChaining', replacement: 'c.school.code', reason: 'the school reason is only given for a child who has a school (milesToSchool is undefined otherwise)' },
  { file: ex, line: 102, column: 5, mutator: 'ConditionalExpression', replacement: "case 'soft': // listed separately", reason: 'an emptied case falls off the end of the switch: undefined, as returned' },
  { file: ex, line: 102, column: 10, mutator: 'StringLiteral', replacement: '""', reason: 'as above: soft then matches no case and the function returns undefined' },
  { file: ex, line: 131, column: 82, mutator: 'ArithmeticOperator', replacement: 'parts.indexOf(a.p) + parts.indexOf(b.p)', reason: 'diffs are already in score-part order and sort is stable, so the tie-break never reorders; the mutant is never negative either' },
  { file: ex, line: 133, column: 80, mutator: 'ArithmeticOperator', replacement: 'parts.indexOf(a.p) + parts.indexOf(b.p)', reason: 'as above' },
  { file: ex, line: 133, column: 17, mutator: 'MethodExpression', replacement: 'diffs.filter(x => x.d > NOTABLE).sort((a, b) => b.d - a.d || parts.indexOf(a.p) - parts.indexOf(b.p)).map(x => gain(x.p, v, best.v, s, best.s, search)).filter((x): x is string => x !== undefined)', reason: 'without `.slice(0, 1)`: only gains[0] is ever read' },
  { file: ex, line: 133, column: 17, mutator: 'MethodExpression', replacement: 'diffs.filter(x => x.d > NOTABLE).sort((a, b) => b.d - a.d || parts.indexOf(a.p) - parts.indexOf(b.p)).map(x => gain(x.p, v, best.v, s, best.s, search))', reason: 'as above, and gain never returns undefined (every part has words)' },
  { file: ex, line: 134, column: 85, mutator: 'ConditionalExpression', replacement: 'true', reason: 'gain never returns undefined (every part has words), so the filter keeps everything anyway' },
  // src/matching/referral/assignBatch.ts
  { file: ab, line: 56, column: 56, mutator: 'EqualityOperator', replacement: 'a <= b', reason: 'differs only for equal ids: vacancy ids are unique, and two referrals never share a row, so the id tie-break only meets different ids' },
  { file: ab, line: 56, column: 69, mutator: 'ConditionalExpression', replacement: 'true', reason: 'as above: 1 instead of 0 only for equal ids' },
  { file: ab, line: 56, column: 69, mutator: 'EqualityOperator', replacement: 'a >= b', reason: 'as above' },
  { file: ab, line: 56, column: 69, mutator: 'ConditionalExpression', replacement: 'false', reason: 'turns 1 into 0 for a later id; Array.prototype.sort (V8) only asks whether the comparator is negative' },
  { file: ab, line: 56, column: 69, mutator: 'EqualityOperator', replacement: 'a <= b', reason: 'as above (and 1 for equal ids, which do not occur)' },
  { file: ab, line: 70, column: 46, mutator: 'ConditionalExpression', replacement: 'false', reason: 'vacancyOfCol[undefined] is undefined, which no ranked vacancy\'s index equals, so find returns undefined' },
  { file: ab, line: 120, column: 9, mutator: 'ConditionalExpression', replacement: 'false', reason: 'passes `maxSolves: undefined` when not given, which optimalJoint treats as missing (`opts.maxSolves ?? 40`)' },
  { file: ab, line: 121, column: 9, mutator: 'ConditionalExpression', replacement: 'false', reason: 'as above (`opts.conflictWork ?? 2e6`)' },
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
  { file: 'src/matching/referral/rank.ts', line: 42, column: 70, mutator: 'ConditionalExpression', replacement: 'true', reason: 'differs only for two vacancies with the same id, which input.ts refuses' },
  { file: 'src/matching/referral/rank.ts', line: 42, column: 70, mutator: 'ConditionalExpression', replacement: 'false', reason: 'turns 1 into 0 for a later id; Array.prototype.sort (V8) only asks whether the comparator is negative' },
  // src/sim/moves.ts
  { file: 'src/sim/moves.ts', line: 28, column: 22, mutator: 'EqualityOperator', replacement: 'c.rng.next() <= st.rs.escalationToComplex', reason: 'differs only when the uniform draw equals the probability exactly: a draw is a multiple of 2^-32 and the probability a user value (0 and 1 agree: a draw is never 1, and is 0 with chance 2^-32)' },
  // src/sim/snapshot.ts: a share of nobody is NaN whichever branch computes it
  { file: 'src/sim/snapshot.ts', line: 89, column: 8, mutator: 'ArithmeticOperator', replacement: 'base - M.cic', reason: 'M.cic is 0 (the first metric), so base − 0 is base + 0' },
  { file: 'src/sim/snapshot.ts', line: 90, column: 27, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 90, column: 27, mutator: 'EqualityOperator', replacement: 'n >= 0', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 91, column: 30, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 91, column: 30, mutator: 'EqualityOperator', replacement: 'n >= 0', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 93, column: 32, mutator: 'ConditionalExpression', replacement: 'false', reason: 'with no child the other branch takes (miles[-1] + miles[0]) / 2, undefined + undefined, which is NaN too' },
  { file: 'src/sim/snapshot.ts', line: 95, column: 30, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 95, column: 30, mutator: 'EqualityOperator', replacement: 'n >= 0', reason: 'with no child in care every count it divides is 0 too, and 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 96, column: 30, mutator: 'ConditionalExpression', replacement: 'true', reason: 'with no child eligible for long-term stability none is stable either: 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 96, column: 30, mutator: 'EqualityOperator', replacement: 'ltsDen >= 0', reason: 'as above' },
  { file: 'src/sim/snapshot.ts', line: 111, column: 36, mutator: 'ConditionalExpression', replacement: 'true', reason: 'free places lie between 0 and the places (the capacity law), so with no places nothing is filled: 0 / 0 is NaN either way' },
  { file: 'src/sim/snapshot.ts', line: 111, column: 36, mutator: 'EqualityOperator', replacement: 'places >= 0', reason: 'as above' },
];
