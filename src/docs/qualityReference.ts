// The data-quality rules as a README table, generated from their catalogue
// (src/domain/ssda903Quality.ts) so the documentation cannot drift from what the reader does.
// Pure: text out.
import { QUALITY_RULES } from '../domain/ssda903Quality.js';

export const QUALITY_RULES_START = '<!-- quality-rules:start -->';
export const QUALITY_RULES_END = '<!-- quality-rules:end -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** @example qualityRulesReference() // '| rule | what it finds | … |\n| --- | …' */
export const qualityRulesReference = (): string => [
  '| rule | what it finds | what is done | DfE rule | guidance |',
  '| --- | --- | --- | --- | --- |',
  ...QUALITY_RULES.map((r) => `| \`${r.id}\` | ${cell(r.finds)} | ${cell(r.done)} (${r.action}) | ${'dfeRule' in r ? r.dfeRule : ''} | ${cell(r.guidance)} |`),
].join('\n');
