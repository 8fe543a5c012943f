// One replication: a discrete-event simulation of individual children and carer households
// at daily resolution, from the start date to the last 31 March of the horizon. Pure: the same
// resolved scenario, seed and replication index give the same rows, in any process.
//
// As in SimPy, a clock, an event queue and processes: the processes schedule what they know in
// advance (households and their leaving dates, the starting population, entries, recruitment,
// external demand, year ends), then the loop pops events in (day, priority, insertion) order and
// hands each to the process it belongs to, which may schedule more.
import type { ResolvedScenario } from '../scenario/resolved.js';
import { onEntry, onExternalLeave, occupyExternal, scheduleEntries, scheduleExternalDemand } from './arrivals.js';
import { layOutHouseholds, onApprove, onDeregister, onOpen, scheduleRecruitment } from './carers.js';
import { onExit } from './children.js';
import { yearEnd } from './events.js';
import { addLeverCosts } from './ledger.js';
import { onPlacementEnd, onRetry, onStepDown } from './moves.js';
import { placeStartingPopulation } from './population.js';
import { onYearEnd } from './snapshot.js';
import { createState } from './state.js';
import { finishTrace, recordDaily, type ReplicationTrace } from './trace.js';

export type { ReplicationTrace } from './trace.js';

export interface ReplicationOptions {
  readonly seed: number;
  readonly replication: number;
  readonly years: number;
  /** Keep every placement segment and daily counts, for tests. */
  readonly trace?: boolean;
}

export interface ReplicationResult {
  /** years × METRIC_COUNT, row-major by financial year. */
  readonly rows: Float64Array;
  readonly events: number;
  readonly trace?: ReplicationTrace;
}

export const runReplication = (rs: ResolvedScenario, opts: ReplicationOptions): ReplicationResult => {
  const st = createState(rs, opts);
  const { queue, horizon, trace } = st;

  // What is known in advance, in a fixed order (the queue breaks ties by insertion).
  layOutHouseholds(st);
  placeStartingPopulation(st);
  scheduleEntries(st);
  scheduleRecruitment(st);
  scheduleExternalDemand(st);
  st.years.forEach((y, k) => queue.push(y.endDay + 1, yearEnd(k)));
  addLeverCosts(st);

  for (let e = queue.popEvent(); e !== undefined; e = queue.popEvent()) {
    const day = queue.day;
    if (day >= horizon && e.kind !== 'yearEnd') continue;
    if (trace && day > st.lastDay) recordDaily(st, day);
    st.events++;
    switch (e.kind) {
      case 'yearEnd': onYearEnd(st, e); break;
      case 'entry': onEntry(st, e, day); break;
      case 'exit': onExit(st, e, day); break;
      case 'placementEnd': onPlacementEnd(st, e, day); break;
      case 'retry': onRetry(st, e, day); break;
      case 'stepDown': onStepDown(st, e, day); break;
      case 'open': onOpen(st, e, day); break;
      case 'deregister': onDeregister(st, e, day); break;
      case 'approve': onApprove(st, e, day); break;
      case 'externalArrive': occupyExternal(st, e.flow, day); break;
      case 'externalLeave': onExternalLeave(st, e, day); break;
    }
  }
  recordDaily(st, horizon);
  if (trace) finishTrace(st, trace);
  return trace ? { rows: st.rows, events: st.events, trace } : { rows: st.rows, events: st.events };
};
