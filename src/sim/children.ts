// Children: a new child with its own stream and its exit from care drawn up front (the exit
// hazard by age band and time in care, or the 18th birthday), and leaving care on that day.
import { AGE_BAND_LOWER_YEARS, AGE_BANDS, CARE_LEAVING_AGE_YEARS, type ExitReason } from '../domain/vocabulary.js';
import { DAYS_PER_YEAR } from '../domain/time.js';
import type { Miles, PoundsPerWeek, SimDay } from '../domain/units.js';
import { unitExponential } from '../random/distributions.js';
import { entityStream, type Rng } from '../random/rng.js';
import type { PlacementTypeIndex, ZoneIndex } from '../scenario/resolved.js';
import type { Exit } from './events.js';
import { bandIndexAt, eighteenthBirthday, exitHazardTime } from './hazards.js';
import { add, METRICS as M, yearOfDay } from './ledger.js';
import { closeSegment } from './placement.js';
import { NO_HOUSEHOLD, type ReplicationState, type SimChild } from './state.js';

/** Youngest and oldest age in days of an age band (ages are drawn uniformly between them). */
export const bandAgeDays = (band: number): [number, number] => {
  const next = AGE_BANDS[band + 1];
  return [
    AGE_BAND_LOWER_YEARS[AGE_BANDS[band]!] * DAYS_PER_YEAR,
    (next === undefined ? CARE_LEAVING_AGE_YEARS : AGE_BAND_LOWER_YEARS[next]) * DAYS_PER_YEAR - 1,
  ];
};

/** A child (not yet in care) whose exit is drawn from day `from`; its own stream is seeded from `src`. */
export const newChild = (
  st: ReplicationState, src: Rng, dobDay: SimDay, need: number, homeZone: ZoneIndex, group: number, entryDay: SimDay, from: SimDay, initial: boolean,
): SimChild => {
  const rs = st.rs;
  // Every per-child draw comes from the child's own stream, made in a fixed order.
  const rng = entityStream(src);
  const budget = unitExponential(rng);
  const reasonU = rng.next();
  const emergencyU = rng.next();
  const routeDraw = rng.next();
  const leave18 = eighteenthBirthday(dobDay, rs.startEpochDay);
  const t = exitHazardTime(budget, from, leave18, dobDay, entryDay, rs.exitHazards);
  const exitDay = Number.isFinite(t) ? Math.max(Math.floor(t), from + 1) : leave18;
  const band = bandIndexAt(dobDay, Math.min(exitDay, leave18 - 1));
  const r = rs.exitReasons[band]!;
  const exitReason: ExitReason = exitDay >= leave18 ? 'turned18' : r.reasons[st.exitReasonDraw[band]!(reasonU)]!;
  const c: SimChild = {
    idx: st.children.length, dobDay, need, homeZone, group, initial, entryDay, exitDay, exitReason,
    emergencyAtEntry: emergencyU < rs.emergencyShare, routeDraw, rng, inCare: false, entered: false, via: 'match', isMove: false,
    type: -1 as PlacementTypeIndex, household: NO_HOUSEHOLD, zone: homeZone, miles: 0 as Miles, placementStart: entryDay, seq: 0, weekly: 0 as PoundsPerWeek, costFrom: from, starts: [],
  };
  st.children.push(c);
  return c;
};

export const onExit = (st: ReplicationState, e: Exit, day: number): void => {
  const c = st.children[e.child]!;
  if (!c.inCare || day !== c.exitDay) return;
  leaveCare(st, c, day);
};

/** Child `c` leaves care on `day`, from the placement it is in. */
export const leaveCare = (st: ReplicationState, c: SimChild, day: number): void => {
  closeSegment(st, c, day, 'exit');
  c.inCare = false;
  c.seq++;
  add(st, yearOfDay(st, day), M.ceases, 1);
  st.ceasesSoFar++;
};
