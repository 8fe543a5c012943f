// Saving and restoring a flow's state, for the heuristic's trial moves.
import type { UnitFlow } from './minCostFlow.js';

/** The arrays a flow's state lives in: what a snapshot saves and restores. */
interface FlowArrays {
  readonly colOf: Int32Array;
  readonly edgeOf: Int32Array;
  readonly used: Int32Array;
  readonly cap: Int32Array;
  readonly pi: Float64Array;
  readonly head: Int32Array;
  readonly nxt: Int32Array;
  readonly prv: Int32Array;
}

const copyFlowArrays = (from: FlowArrays, to: FlowArrays): void => {
  to.colOf.set(from.colOf);
  to.edgeOf.set(from.edgeOf);
  to.used.set(from.used);
  to.cap.set(from.cap);
  to.pi.set(from.pi);
  to.head.set(from.head);
  to.nxt.set(from.nxt);
  to.prv.set(from.prv);
};

export class FlowSnapshot implements FlowArrays {
  readonly colOf: Int32Array;
  readonly edgeOf: Int32Array;
  readonly used: Int32Array;
  readonly cap: Int32Array;
  readonly pi: Float64Array;
  readonly head: Int32Array;
  readonly nxt: Int32Array;
  readonly prv: Int32Array;
  private count = 0;
  private scoreRun = 0;
  constructor(f: UnitFlow) {
    this.colOf = new Int32Array(f.colOf.length);
    this.edgeOf = new Int32Array(f.edgeOf.length);
    this.used = new Int32Array(f.used.length);
    this.cap = new Int32Array(f.cap.length);
    this.pi = new Float64Array(f.pi.length);
    this.head = new Int32Array(f.head.length);
    this.nxt = new Int32Array(f.nxt.length);
    this.prv = new Int32Array(f.prv.length);
  }
  save(f: UnitFlow): this {
    f.work += f.pi.length;
    copyFlowArrays(f, this);
    this.count = f.count;
    this.scoreRun = f.scoreRun;
    return this;
  }
  load(f: UnitFlow): void {
    f.work += f.pi.length;
    copyFlowArrays(this, f);
    f.count = this.count;
    f.scoreRun = this.scoreRun;
  }
}
