// How an option file with `extends` combines with its base, as JSON, before decoding. Pure and
// shared: src/io/scenarioFile.ts follows `extends` chains on disk with it, and the explorer
// (src/web) merges an option file with the base the user loaded beside it.

export type ScenarioJson = Record<string, unknown>;

/**
 * The option's JSON over its base's: the base's levers come first, then the option's; `sources`
 * are combined (the option's win on the same key) and `notes` appended; any other top-level key
 * of the option replaces the base's. The option's `extends` itself is dropped.
 */
export const mergeExtends = (base: ScenarioJson, option: ScenarioJson): ScenarioJson => {
  const { extends: _ignored, ...mine } = option;
  void _ignored;
  return {
    ...base,
    ...mine,
    levers: [...((base.levers as unknown[] | undefined) ?? []), ...((mine.levers as unknown[] | undefined) ?? [])],
    sources: { ...((base.sources as ScenarioJson | undefined) ?? {}), ...((mine.sources as ScenarioJson | undefined) ?? {}) },
    notes: [...((base.notes as unknown[] | undefined) ?? []), ...((mine.notes as unknown[] | undefined) ?? [])],
  };
};
