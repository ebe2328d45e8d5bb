// The caps moved to src/format/limits.ts (one home for the verifier and the v2 line schemas);
// this re-export keeps scripts/bench.ts's import working until it imports from there.
export * from '../format/limits.js';
