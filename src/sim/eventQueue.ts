// A binary min-heap of events ordered by (day, priority, insertion order): one clock, one queue,
// and a total order, so a replication is the same sequence of state changes every time. The
// event carries its priority; the queue keeps it beside the day so the heap compares plain numbers.

export interface Prioritised { readonly priority: number }

export interface QueuedEvent<E extends Prioritised> {
  readonly day: number;
  readonly priority: number;
  readonly seq: number;
  readonly event: E;
}

const before = <E extends Prioritised>(x: QueuedEvent<E>, y: QueuedEvent<E>): boolean =>
  x.day < y.day || (x.day === y.day && (x.priority < y.priority || (x.priority === y.priority && x.seq < y.seq)));

export class EventQueue<E extends Prioritised> {
  private readonly heap: QueuedEvent<E>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(day: number, event: E): void {
    const e: QueuedEvent<E> = { day, priority: event.priority, seq: this.counter++, event };
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = e;
  }

  pop(): QueuedEvent<E> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
