// Proof bundle format v2 (specified in docs/FORMATS.md, "Proof bundle format v2"; rationale in
// docs/design/format-v2.md): line schemas, the encoder from a v1 bundle, the streaming trust-free
// reader and the tree-head check. The runtime writes it (src/runtime/bundle/export-v2.ts) and the
// verifier reads it (src/verify/v2/).
export * from './media-types.js';
export * from './header-line.js';
export * from './entry-lines.js';
export * from './record-line.js';
export * from './signed-lines.js';
export * from './line.js';
export * from './errors.js';
export { encodeBundleV2, joinLines, type EncodedV2, type V2Signers } from './encode.js';
export { DEFAULT_MAX_LINE_BYTES, readBundleV2, type ReadLine, type ReadV2Options, type RecomputedTree, type V2ReadResult } from './read.js';
export { checkTreeHead, treeHeadCoverage, type TreeHeadProblem } from './tree-head.js';
export { recordIdOf } from './record-id.js';
export { signLinePayload, splitLineSignature, verifyLinePayload } from './sign-line.js';
