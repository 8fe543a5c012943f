import { describe, expect, it } from 'vitest';
import { uascChildren } from '../../../src/calibrate/ssda903/uascChildren.js';

describe('uascChildren (rule 10)', () => {
  it('a child in the UASC table of any year is UASC', () => {
    expect(uascChildren([{ CHILD: 'a', src: 0 }, { CHILD: 'b', src: 2 }, { CHILD: 'a', src: 1 }])).toEqual(new Set(['a', 'b']));
  });
});
