// The terminal table fits the terminal: years go in blocks no wider than the width given.
import { describe, expect, it } from 'vitest';
import { wrapText, yearBlocks } from '../../src/io/textTable.js';

const header = ['', '2022/23*', '2023/24', '2024/25'];
const rows: [string, string[]][] = [
  ['Children in care', ['460 (446–476)', '462 (434–492)', '461 (430–489)']],
  ['Total spend', ['£7.2m (£6.9m–£7.4m)', '£29.9m (£27.7m–£32.4m)', '£30.7m (£27.3m–£33.8m)']],
];

describe('yearBlocks', () => {
  it('puts every year side by side when they fit', () => {
    expect(yearBlocks(header, rows, 200)).toEqual([
      '                             2022/23*                 2023/24                 2024/25',
      'Children in care        460 (446–476)           462 (434–492)           461 (430–489)',
      'Total spend       £7.2m (£6.9m–£7.4m)  £29.9m (£27.7m–£32.4m)  £30.7m (£27.3m–£33.8m)',
    ]);
  });

  it('splits the years into blocks, each under its own header, none wider than the width', () => {
    const lines = yearBlocks(header, rows, 70);
    expect(lines).toEqual([
      '                             2022/23*                 2023/24',
      'Children in care        460 (446–476)           462 (434–492)',
      'Total spend       £7.2m (£6.9m–£7.4m)  £29.9m (£27.7m–£32.4m)',
      '',
      '                                 2024/25',
      'Children in care           461 (430–489)',
      'Total spend       £30.7m (£27.3m–£33.8m)',
    ]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(70);
  });

  it('keeps at least one year a block when even one is wider than the width', () => {
    const lines = yearBlocks(header, rows, 10);
    expect(lines.filter((l) => l.startsWith('Total spend'))).toHaveLength(3);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and indents the lines after the first', () => {
    expect(wrapText('* 2022/23: flows and cost cover 2022-12-31 to 2023-03-31 only (the scenario starts mid-year).', 60, '  ')).toEqual([
      '* 2022/23: flows and cost cover 2022-12-31 to 2023-03-31',
      '  only (the scenario starts mid-year).',
    ]);
    expect(wrapText('short', 60)).toEqual(['short']);
  });
});

describe('wrapText keeps a leading indent', () => {
  it('indents the first line as the text does', () => {
    expect(wrapText('  saves £136,599 per child-year kept within 20 miles', 31, '    ')).toEqual(['  saves £136,599 per child-year', '    kept within 20 miles']);
  });
});
