// What can happen in a replication, as a typed union: each event names its subjects and carries
// its priority, which orders events on the same day (the year-end snapshot comes first: it
// describes the end of the previous day; then arrivals, exits and changes of supply; then
// placement endings; then searches that wait for a vacancy).

/** Year `year`'s snapshot, taken on the day after its 31 March. */
export interface YearEnd { readonly kind: 'yearEnd'; readonly priority: 0; readonly year: number }
/** A child, or a sibling group (children `firstChild` … `firstChild + size - 1`), enters care. */
export interface Entry { readonly kind: 'entry'; readonly priority: 1; readonly firstChild: number; readonly size: number }
/** A child leaves care (stale when the exit day has changed). */
export interface Exit { readonly kind: 'exit'; readonly priority: 1; readonly child: number }
/** A household leaves: its children must move. */
export interface Deregister { readonly kind: 'deregister'; readonly priority: 1; readonly household: number }
/** A recruited household (approval `approval`) is approved. */
export interface Approve { readonly kind: 'approve'; readonly priority: 1; readonly approval: number }
/** Another authority's child arrives on flow `flow`. */
export interface ExternalArrive { readonly kind: 'externalArrive'; readonly priority: 1; readonly flow: number }
/** A household of the scenario (index into the resolved households) opens on a lever's date. */
export interface Open { readonly kind: 'open'; readonly priority: 1; readonly household: number }
/** The child's placement number `placement` ends, by a breakdown or as planned. */
export interface PlacementEnd { readonly kind: 'placementEnd'; readonly priority: 2; readonly child: number; readonly placement: number; readonly breakdown: boolean }
/** Another authority's child leaves a household (stale once the household has left: `generation`). */
export interface ExternalLeave { readonly kind: 'externalLeave'; readonly priority: 2; readonly household: number; readonly generation: number }
/** A step-down review of the child's residential placement number `placement`. */
export interface StepDown { readonly kind: 'stepDown'; readonly priority: 2; readonly child: number; readonly placement: number }
/** A child in an emergency bed or unregistered looks again for a placement. */
export interface Retry { readonly kind: 'retry'; readonly priority: 3; readonly child: number; readonly placement: number }

export type SimEvent = YearEnd | Entry | Exit | Deregister | Approve | ExternalArrive | Open | PlacementEnd | ExternalLeave | StepDown | Retry;

export const yearEnd = (year: number): YearEnd => ({ kind: 'yearEnd', priority: 0, year });
export const entry = (firstChild: number, size: number): Entry => ({ kind: 'entry', priority: 1, firstChild, size });
export const exit = (child: number): Exit => ({ kind: 'exit', priority: 1, child });
export const deregister = (household: number): Deregister => ({ kind: 'deregister', priority: 1, household });
export const approve = (approval: number): Approve => ({ kind: 'approve', priority: 1, approval });
export const externalArrive = (flow: number): ExternalArrive => ({ kind: 'externalArrive', priority: 1, flow });
export const open = (household: number): Open => ({ kind: 'open', priority: 1, household });
export const placementEnd = (child: number, placement: number, breakdown: boolean): PlacementEnd =>
  ({ kind: 'placementEnd', priority: 2, child, placement, breakdown });
export const externalLeave = (household: number, generation: number): ExternalLeave =>
  ({ kind: 'externalLeave', priority: 2, household, generation });
export const stepDown = (child: number, placement: number): StepDown => ({ kind: 'stepDown', priority: 2, child, placement });
export const retry = (child: number, placement: number): Retry => ({ kind: 'retry', priority: 3, child, placement });
