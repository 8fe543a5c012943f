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

describe('event queue, interleaved pushes and pops (deterministic: the same cases under mutation runs)', () => {
  /** A reference: every pending event in a list, the least (day, priority, insertion) taken each time. */
  const referencePop = (pending: { day: number; priority: number; seq: number }[]) => {
    let best = 0;
    for (let i = 1; i < pending.length; i++) {
      const a = pending[i]!;
      const b = pending[best]!;
      if (a.day < b.day || (a.day === b.day && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))) best = i;
    }
    return pending.splice(best, 1)[0];
  };

  it('matches a sorted list over 3,000 operations: every pop, its day, priority, sequence and the size', () => {
    // a linear congruential sequence: many equal days and priorities, heaps of every depth
    let x = 12345;
    const next = (m: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % m;
    };
    const q = new EventQueue<{ priority: number; id: number }>();
    const pending: { day: number; priority: number; seq: number }[] = [];
    let seq = 0;
    let now = 0;
    for (let op = 0; op < 3000; op++) {
      if (next(3) > 0 || pending.length === 0) {
        const day = now + next(20);
        const priority = next(4);
        q.push(day, { priority, id: seq });
        pending.push({ day, priority, seq });
        seq++;
      } else {
        const want = referencePop(pending)!;
        const got = q.pop()!;
        expect([got.day, got.priority, got.seq, got.event.id]).toEqual([want.day, want.priority, want.seq, want.seq]);
        expect(q.day).toBe(want.day);
        now = want.day;
      }
      expect(q.size).toBe(pending.length);
    }
    while (pending.length > 0) {
      const want = referencePop(pending)!;
      expect(q.popEvent()!.id).toBe(want.seq);
      expect(q.day).toBe(want.day);
    }
    expect([q.size, q.pop(), q.popEvent()]).toEqual([0, undefined, undefined]);
  });
});
