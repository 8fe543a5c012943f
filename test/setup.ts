// Property tests run on a fixed seed, so CI is deterministic; set FC_SEED to explore other inputs
// (and put a failing seed in the test when you fix the bug it found).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });
