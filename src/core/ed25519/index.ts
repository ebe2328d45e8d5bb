// Strict Ed25519: keys, signing, and verification with libsodium's verdicts on every backend.
export {
  type StrictRejection,
  ED25519_PUBLIC_KEY_LENGTH,
  ED25519_SIGNATURE_LENGTH,
  SMALL_ORDER_BLOCKLIST,
  strictPrecheck,
} from './precheck.js';
export {
  type Ed25519Backend,
  registerEd25519Backend,
  getEd25519Backend,
  listEd25519Backends,
  defaultEd25519Backend,
} from './backend.js';
export { nobleEd25519Backend, verifyCofactorless } from './noble.js';
export { webCryptoEd25519Backend, webCryptoSupportsEd25519 } from './webcrypto.js';
export { type VerifySignatureOptions, verifySignature, verifySignatureSync } from './verify.js';
export {
  type Ed25519KeyPair,
  ED25519_SEED_LENGTH,
  keyPairFromSeed,
  generateKeyPair,
  publicKeyFromSecret,
  sign,
} from './keys.js';
export { type Ed25519Signer, nobleEd25519Signer, useEd25519Signer, ed25519Signer } from './signer.js';
