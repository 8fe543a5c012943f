// The test trace: what a replication kept for the model's laws to be checked from outside —
// every placement segment, daily counts, law violations seen, households and children.
import type { ExitReason } from '../domain/vocabulary.js';
import { ageYearsAt } from './placement.js';
import type { PlacementSegment, ReplicationState, SimChild } from './state.js';

export interface ReplicationTrace {
  readonly segments: PlacementSegment[];
  /** Per simulated day: children in care at the end of the day, starts and ceases so far. */
  readonly daily: { inCare: number; initial: number; starts: number; ceases: number }[];
  /** Violations of model laws seen while running (empty when all is well). */
  readonly violations: string[];
  /** Per household: places and id, to check capacity from the segments; its pool, zone and hub membership; whether it is still open at the horizon. */
  readonly households: readonly {
    readonly places: number; readonly ageMin: number; readonly ageMax: number; readonly needsMask: number; readonly type: number;
    readonly availableFromDay: number; readonly emergencyOnly: boolean;
    readonly pool: number; readonly zone: number; readonly hub: boolean; readonly siblingCapacity: number; readonly active: boolean;
  }[];
  /** Per financial year: free places by household id at the end of 31 March (0 for a household that has left; households opened later are missing). */
  readonly yearEndFree: number[][];
  /** Per child: entry and exit day (exit beyond the horizon when still in care), birth day, home zone, need at the end, exit reason, sibling group (-1: none); `entered` false for children whose entry falls after the horizon. */
  readonly children: readonly {
    readonly entryDay: number; readonly exitDay: number; readonly initial: boolean; readonly entered: boolean;
    readonly dobDay: number; readonly homeZone: number; readonly exitReason: ExitReason; readonly need: number; readonly group: number;
  }[];
}

/** Record the child's current placement as a segment ending on day `to`. */
export const traceSegment = (trace: ReplicationTrace, c: SimChild, to: number, ended: PlacementSegment['ended']): void => {
  trace.segments.push({
    child: c.idx, type: c.type, household: c.household, weekly: c.weekly, from: c.placementStart, to, need: c.need,
    ageYears: ageYearsAt(c, c.placementStart), isMove: c.isMove, via: c.via, zone: c.zone, ended,
  });
};

/** Daily counts for the days before `upTo` not yet recorded. */
export const recordDaily = (st: ReplicationState, upTo: number): void => {
  const trace = st.trace;
  if (!trace) return;
  for (let d = st.lastDay; d < upTo && d < st.horizon; d++) {
    trace.daily.push({ inCare: st.children.reduce((s, c) => s + (c.inCare ? 1 : 0), 0), initial: st.initialInCare, starts: st.startsSoFar, ceases: st.ceasesSoFar });
  }
  st.lastDay = Math.max(st.lastDay, upTo);
};

/** Close the trace at the horizon (after the rows are final): open placements, households, children. */
export const finishTrace = (st: ReplicationState, trace: ReplicationTrace): void => {
  for (const c of st.children) if (c.inCare) traceSegment(trace, c, st.horizon, 'open');
  const t = trace as { households: ReplicationTrace['households']; children: ReplicationTrace['children'] };
  t.households = st.households.map((h) => ({
    places: h.approvedPlaces, ageMin: h.ageMin, ageMax: h.ageMax, needsMask: h.needsMask, type: h.type,
    availableFromDay: h.availableFromDay, emergencyOnly: h.emergencyOnly,
    pool: h.pool, zone: h.zone, hub: h.hub, siblingCapacity: h.siblingCapacity, active: h.active,
  }));
  t.children = st.children.map((c) => ({
    entryDay: c.entryDay, exitDay: c.inCare ? Number.POSITIVE_INFINITY : c.exitDay, initial: c.initial, entered: c.entered,
    dobDay: c.dobDay, homeZone: c.homeZone, exitReason: c.exitReason, need: c.need, group: c.group,
  }));
};
