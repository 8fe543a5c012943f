import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/eventQueue.js';

describe('event queue', () => {
  it('pops in (day, priority, insertion) order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(3))), (items) => {
      const q = new EventQueue<{ priority: number; id: number }>();
      items.forEach(([day, priority], i) => q.push(day, { priority, id: i }));
      const out: number[] = [];
      for (let e = q.pop(); e; e = q.pop()) out.push(e.event.id);
      const expected = items.map((x, i) => ({ x, i }))
        .sort((p, q2) => p.x[0] - q2.x[0] || p.x[1] - q2.x[1] || p.i - q2.i).map((p) => p.i);
      expect(out).toEqual(expected);
    }));
  });
});
