/**
 * The `clawproof` library entry: the isomorphic core (canonical JSON, hashing, Ed25519, DSSE,
 * JWS, trust roots), usable from Node and from browsers without the app.
 */
export * from './core/index.js';
