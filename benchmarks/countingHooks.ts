// Module hooks for the floor benchmark only (benchmarks/floor.ts): they rewrite the compiled
// random streams and event queue as they load, so each draw, stream, push and pop bumps a counter
// on globalThis. The engine's own code stays as it is; the counting copy runs in its own process.
interface LoadResult { format?: string; source?: string | ArrayBuffer | Uint8Array; shortCircuit?: boolean }
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

const C = 'globalThis.__floorCounts';
const PATCHES: [string, [string, string][]][] = [
  ['/src/random/rng.js', [
    ['const alea = seedrandom.alea(', `${C}.processStreams++; const alea = seedrandom.alea(`],
    ['return { next: () => alea() };', `return { next: () => (${C}.processDraws++, alea()) };`],
    ['    return { next };', `    ${C}.entityStreams++;\n    return { next: () => (${C}.entityDraws++, next()) };`],
  ]],
  ['/src/sim/eventQueue.js', [
    ['push(day, event) {', `push(day, event) { ${C}.pushes++;`],
    ['popEvent() {', `popEvent() { ${C}.pops++;`],
  ]],
];

export const load = async (url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> => {
  const result = await nextLoad(url, context);
  const patch = PATCHES.find(([suffix]) => url.endsWith(suffix));
  if (patch === undefined || result.source === undefined) return result;
  let source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
  for (const [from, to] of patch[1]) {
    if (!source.includes(from)) throw new Error(`floor benchmark: ${url} no longer contains "${from}"`);
    source = source.replace(from, to);
  }
  return { ...result, source };
};
