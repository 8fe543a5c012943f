// A binary min-heap of events ordered by (day, priority, insertion order): one clock, one queue,
// and a total order, so a replication is the same sequence of state changes every time. The
// event carries its priority; the queue keeps it beside the day so the heap compares plain numbers.
// The heap is three parallel arrays (no object per queued event: a replication pushes thousands),
// and (priority, insertion order) is one number, priority × 2^32 + sequence, exact for integer
// priorities and fewer than 2^32 pushes per queue. As the order is total, the pops come out in the
// same order from any correct heap.

export interface Prioritised { readonly priority: number }

export interface QueuedEvent<E extends Prioritised> {
  readonly day: number;
  readonly priority: number;
  readonly seq: number;
  readonly event: E;
}

const SEQ_SPAN = 4294967296;

export class EventQueue<E extends Prioritised> {
  private readonly days: number[] = [];
  private readonly keys: number[] = [];
  private readonly events: E[] = [];
  private counter = 0;
  /** Day of the event `popEvent` last returned. */
  day = 0;
  private lastKey = 0;

  get size(): number {
    return this.days.length;
  }

  push(day: number, event: E): void {
    const key = event.priority * SEQ_SPAN + this.counter++;
    const { days, keys, events } = this;
    let i = days.length;
    days.push(day);
    keys.push(key);
    events.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = days[parent]!;
      if (!(day < pd || (day === pd && key < keys[parent]!))) break;
      days[i] = pd;
      keys[i] = keys[parent]!;
      events[i] = events[parent]!;
      i = parent;
    }
    days[i] = day;
    keys[i] = key;
    events[i] = event;
  }

  /** The next event, its day in `day`; undefined when the queue is empty. */
  popEvent(): E | undefined {
    const { days, keys, events } = this;
    if (days.length === 0) return undefined;
    const top = events[0]!;
    this.day = days[0]!;
    this.lastKey = keys[0]!;
    const lastDay = days.pop()!;
    const lastKey = keys.pop()!;
    const lastEvent = events.pop()!;
    const n = days.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (days[r]! < days[l]! || (days[r] === days[l] && keys[r]! < keys[l]!)) ? r : l;
        const cd = days[c]!;
        if (!(cd < lastDay || (cd === lastDay && keys[c]! < lastKey))) break;
        days[i] = cd;
        keys[i] = keys[c]!;
        events[i] = events[c]!;
        i = c;
      }
      days[i] = lastDay;
      keys[i] = lastKey;
      events[i] = lastEvent;
    }
    return top;
  }

  /** The next event with its day, priority and sequence (an object per call: tests, not the loop). */
  pop(): QueuedEvent<E> | undefined {
    const event = this.popEvent();
    return event === undefined ? undefined : { day: this.day, priority: event.priority, seq: this.lastKey % SEQ_SPAN, event };
  }
}
