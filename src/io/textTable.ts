// Terminal tables that fit the terminal: a label column and one column per financial year.

/**
 * Rows of label + one cell per year as text lines no wider than `width`: the years go in blocks,
 * each under its own header, with as many years per block as fit (at least one).
 */
export const yearBlocks = (header: readonly string[], rows: readonly (readonly [string, readonly string[]])[], width: number): string[] => {
  const labelWidth = Math.max(header[0]!.length, ...rows.map((r) => r[0].length));
  const yearWidth = (k: number): number => Math.max(header[k + 1]!.length, ...rows.map((r) => r[1][k]!.length));
  const years = header.length - 1;
  const blocks: number[][] = [];
  let block: number[] = [];
  let used = labelWidth;
  for (let k = 0; k < years; k++) {
    const w = 2 + yearWidth(k);
    if (block.length > 0 && used + w > width) {
      blocks.push(block);
      block = [];
      used = labelWidth;
    }
    block.push(k);
    used += w;
  }
  if (block.length > 0) blocks.push(block);
  const widths = blocks.map((b) => b.map(yearWidth));
  return blocks.flatMap((b, i) => {
    const line = (label: string, cells: readonly string[]): string =>
      [label.padEnd(labelWidth), ...b.map((k, j) => cells[k]!.padStart(widths[i]![j]!))].join('  ').trimEnd();
    return [...(i > 0 ? [''] : []), line(header[0]!, header.slice(1)), ...rows.map(([label, cells]) => line(label, cells))];
  });
};

/** `text` broken at spaces into lines no wider than `width` (a longer word stands alone); later lines start with `indent`. */
export const wrapText = (text: string, width: number, indent = ''): string[] => {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const next = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() !== '' && next.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = next;
    }
  }
  return [...lines, line];
};
