// The data-quality rules applied to an authority's own SSDA903 extract when it is read leniently
// (the default): each fault a real extract has is a rule with an id, one line on what it finds,
// the guidance it follows (and the DfE validation rule code where one matches, as numbered in the
// Data to Insight 903 validator; see src/domain/ssda903.ts), and what is done about it. The rules
// themselves are small functions elsewhere (the reader for cells and codes, cleaning for rows of a
// child); this module is their catalogue and the tally they fill. Pure.

/** What a rule does with what it finds. */
export type QualityAction = 'repaired' | 'episode dropped' | 'row dropped' | 'child dropped' | 'kept as is' | 'kept as other';

export interface QualityRule {
  readonly id: string;
  /** One line on what the rule finds. */
  readonly finds: string;
  /** What is done, in a few words (the action and its detail). */
  readonly done: string;
  readonly action: QualityAction;
  /** The guidance followed. */
  readonly guidance: string;
  /** The DfE validation rule code where one matches (validator numbering), else undefined. */
  readonly dfeRule?: string;
}

const GUIDE = 'DfE SSDA903 guide 2024 to 2025';

/** Every rule, in the order the report lists them when counts tie. */
export const QUALITY_RULES = [
  { id: 'unreadable-cell', finds: 'a row whose CHILD, DECOM (Episodes) or DOB (Header) is blank or not a date, or whose DEC is not a date', done: 'row not used', action: 'row dropped', guidance: `${GUIDE}: CHILD, DECOM and DOB are required` },
  { id: 'unknown-place', finds: 'a PLACE code outside the year\'s code list, or blank', done: 'read as Z1 (other placement)', action: 'kept as other', guidance: `${GUIDE}: PLACE code list`, dfeRule: '146' },
  { id: 'unknown-ls', finds: 'an LS (legal status) code outside the code list, or blank', done: 'read as C2 (legal status only tells short breaks, V3/V4, apart here)', action: 'kept as other', guidance: `${GUIDE}: LS code list`, dfeRule: '144' },
  { id: 'unknown-rne', finds: 'an RNE (reason for new episode) code outside the code list, or blank', done: 'read as P (change of placement)', action: 'kept as other', guidance: `${GUIDE}: RNE code list`, dfeRule: '143' },
  { id: 'unknown-rec', finds: 'a REC (reason episode ceased) code outside the code list, or blank on a closed episode', done: 'read as X1 when the next episode starts that day, else E8 (any other reason)', action: 'kept as other', guidance: `${GUIDE}: REC code list`, dfeRule: '149' },
  { id: 'unknown-cin', finds: 'a CIN (category of need) code outside the code list, or blank', done: 'read as N8 (absent parenting)', action: 'kept as other', guidance: `${GUIDE}: CIN code list` },
  { id: 'unknown-provider', finds: 'a PLACE_PROVIDER code outside the code list', done: 'read as blank (the authority\'s own provision)', action: 'kept as other', guidance: `${GUIDE}: PLACE_PROVIDER code list`, dfeRule: '178' },
  { id: 'unknown-reason-place-change', finds: 'a REASON_PLACE_CHANGE code outside the code list', done: 'read as OTHER', action: 'kept as other', guidance: `${GUIDE}: REASON_PLACE_CHANGE code list`, dfeRule: '1009' },
  { id: 'place-not-in-force', finds: 'a PLACE code not in force on the episode\'s dates (K3 before 28/10/2023; H5 or P2 after)', done: 'read as supported accommodation either way', action: 'kept as is', guidance: `${GUIDE}: K3 from 28 October 2023`, dfeRule: '217' },
  { id: 'missing-provider', finds: 'a blank PLACE_PROVIDER where the placement needs one, or PR0 with a PLACE other than P1', done: 'read as the authority\'s own provision', action: 'kept as is', guidance: `${GUIDE}: PLACE_PROVIDER`, dfeRule: '178' },
  { id: 'open-episode-with-reason', finds: 'an open episode (no DEC) with REC or REASON_PLACE_CHANGE filled', done: 'the episode is open; the stray codes are ignored', action: 'repaired', guidance: `${GUIDE}: REC and REASON_PLACE_CHANGE only on an episode that ends` },
  { id: 'open-episode-followed', finds: 'an open episode followed by a later episode of the same child', done: 'closed at the later DECOM', action: 'repaired', guidance: `${GUIDE}: one episode open at a time`, dfeRule: '501' },
  { id: 'overlapping-episodes', finds: 'an episode ending after the next episode of the same child starts', done: 'cut at the next DECOM', action: 'repaired', guidance: `${GUIDE}: episodes may not overlap`, dfeRule: '501' },
  { id: 'revised-episode', finds: 'the same episode (CHILD, DECOM) in several returns with different DECs', done: 'the latest return\'s kept', action: 'repaired', guidance: 'The latest return holds the latest correction' },
  { id: 'ends-before-start', finds: 'an episode whose DEC is before its DECOM', done: 'episode not used', action: 'episode dropped', guidance: `${GUIDE}: DEC on or after DECOM`, dfeRule: '356' },
  { id: 'starts-before-birth', finds: 'an episode starting before the child\'s date of birth', done: 'episode not used', action: 'episode dropped', guidance: `${GUIDE}: DECOM on or after DOB` },
  { id: 'starts-after-18', finds: 'an episode starting on or after the child\'s 18th birthday', done: 'episode not used', action: 'episode dropped', guidance: `${GUIDE}: a child ceases to be looked after at 18` },
  { id: 'runs-past-18', finds: 'an episode open or ending after the child\'s 18th birthday', done: 'closed at the 18th birthday', action: 'repaired', guidance: `${GUIDE}: a child ceases to be looked after at 18` },
  { id: 'conflicting-dob', finds: 'a child whose date of birth differs between returns', done: 'the latest return\'s used', action: 'repaired', guidance: 'The latest return holds the latest correction' },
  { id: 'dob-from-other-table', finds: 'a child with episodes but no Header row, whose date of birth another 903 table gives', done: 'date of birth taken from that table', action: 'repaired', guidance: `${GUIDE}: every child looked after has a Header row` },
  { id: 'no-date-of-birth', finds: 'a child with episodes but no date of birth in any table', done: 'child not used', action: 'child dropped', guidance: `${GUIDE}: every child looked after has a Header row` },
  { id: 'postcode-not-known', finds: 'an episode with HOME_POST or PL_POST blank, or not a known postcode sector or district', done: 'distance "not known", as the DfE counts it', action: 'kept as is', guidance: 'DfE distance method: not known when either postcode is missing' },
] as const satisfies readonly QualityRule[];

export type QualityRuleId = (typeof QUALITY_RULES)[number]['id'];

export const QUALITY_RULE_IDS: readonly QualityRuleId[] = QUALITY_RULES.map((r) => r.id);

/** One thing a rule found: on a row (`src` file, `line`, `column`) and/or of a child. */
export interface QualityFinding {
  readonly rule: QualityRuleId;
  readonly child?: string;
  readonly src?: number;
  readonly line?: number;
  readonly column?: string;
}
