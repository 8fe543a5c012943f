// Modules that scripts/build-explorer.mjs supplies at build time (esbuild plugin), typed here.
declare module 'explorer:gazetteer' {
  /** The CompactGazetteer of src/web/gazetteer.ts. */
  const gazetteer: { readonly laCodes: readonly string[]; readonly zones: string };
  export default gazetteer;
}
declare module 'explorer:worker-source' {
  /** The worker bundle (src/web/worker.ts), as JavaScript source text. */
  const source: string;
  export default source;
}
declare module 'explorer:medway' {
  /** scenarios/medway-2022.json as parsed at build time. */
  const scenario: Record<string, unknown>;
  export default scenario;
}
