/**
 * Ed25519 keys and signing (RFC 8032 5.1.5 and 5.1.6, deterministic). The secret key is
 * the 32-byte seed; the 64-byte "seed || public key" layout of NaCl is not used.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { isBytes } from '@noble/curves/utils.js';
import { coreError } from '../errors.js';
import { ed25519Signer } from './signer.js';

export interface Ed25519KeyPair {
  readonly publicKey: Uint8Array;
  /** The 32-byte seed. */
  readonly secretKey: Uint8Array;
}

export const ED25519_SEED_LENGTH = 32;

function checkSeed(secretKey: unknown, what: string): Uint8Array {
  if (!isBytes(secretKey) || secretKey.length !== ED25519_SEED_LENGTH) {
    const got = isBytes(secretKey) ? `${secretKey.length} bytes` : typeof secretKey;
    throw coreError('KEY_INVALID', `${what} must be a ${ED25519_SEED_LENGTH}-byte Ed25519 seed, got ${got}`);
  }
  return secretKey;
}

export function keyPairFromSeed(seed: Uint8Array): Ed25519KeyPair {
  const secretKey = checkSeed(seed, 'seed').slice();
  return Object.freeze({ publicKey: ed25519.getPublicKey(secretKey), secretKey });
}

/** A new key pair from `globalThis.crypto.getRandomValues`. */
export function generateKeyPair(): Ed25519KeyPair {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (typeof c?.getRandomValues !== 'function') {
    throw coreError('KEY_INVALID', 'cannot generate an Ed25519 key: globalThis.crypto.getRandomValues is missing');
  }
  const seed = new Uint8Array(ED25519_SEED_LENGTH);
  c.getRandomValues(seed);
  return keyPairFromSeed(seed);
}

export function publicKeyFromSecret(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(checkSeed(secretKey, 'secret key'));
}

/** The 64-byte signature R || S of `message`. Same key and message, same signature. */
export function sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  const seed = checkSeed(secretKey, 'secret key');
  if (!isBytes(message)) throw coreError('INPUT_INVALID', 'the message to sign must be a Uint8Array');
  return ed25519Signer().sign(seed, message);
}
