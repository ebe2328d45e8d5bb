// The isomorphic core: formats and crypto shared by the runtime and the verifier.
export * from './errors.js';
export * from './bytes.js';
export * from './json.js';
export * from './canonical.js';
export * from './canonical-parse.js';
export * from './pointer.js';
export * from './hash.js';
export * from './sha256-backend.js';
export * from './ed25519/index.js';
export * from './keyid.js';
export * from './dsse.js';
export * from './jws.js';
export * from './time.js';
export * from './trust-root.js';
export * from './merkle.js';
export * from './bundle/index.js';
