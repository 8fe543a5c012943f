// Types for scripts/build-explorer.mjs (imported by the explorer's tests).
export declare const EXPLORER_PATH: string;
export declare const compactGazetteer: (dir: string) => { laCodes: string[]; zones: string };
export declare const buildExplorer: (outfile?: string) => Promise<{ outfile: string; bytes: number; workerBytes: number; scriptBytes: number }>;
