/**
 * Where Ed25519 signatures are made: @noble/curves by default (every platform); a host with a
 * native implementation (Node: node:crypto, src/node/ed25519-node-signer.ts) may install its own.
 * Signing is deterministic (RFC 8032 5.1.6), so every correct signer gives the same bytes for the
 * same seed and message: a native one changes speed, never a bundle. A signer is checked against
 * RFC 8032 7.1 before it is used, so a wrong one is refused rather than trusted.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { coreError } from '../errors.js';

export interface Ed25519Signer {
  readonly name: string;
  /** The 64-byte signature R || S of `message` under the 32-byte `seed`. */
  sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
}

export const nobleEd25519Signer: Ed25519Signer = Object.freeze({
  name: 'noble',
  sign: (seed: Uint8Array, message: Uint8Array): Uint8Array => ed25519.sign(message, seed),
});

// RFC 8032 section 7.1: TEST 1 (empty message), TEST 2 (one byte) and TEST 3 (two bytes).
const SELF_TEST: readonly { seed: string; message: string; signature: string }[] = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    seed: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    message: 'af82',
    signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

let current: Ed25519Signer = nobleEd25519Signer;

/** Installs `signer` for every later `sign`; null puts noble back. Throws INPUT_INVALID if it gives a wrong signature. */
export function useEd25519Signer(signer: Ed25519Signer | null): void {
  if (signer === null) {
    current = nobleEd25519Signer;
    return;
  }
  if (typeof signer !== 'object' || typeof signer.name !== 'string' || signer.name === '' || typeof signer.sign !== 'function') {
    throw coreError('INPUT_INVALID', 'an Ed25519 signer needs a non-empty string `name` and a `sign` function');
  }
  for (const t of SELF_TEST) {
    let out: unknown;
    try {
      out = signer.sign(hexToBytes(t.seed), hexToBytes(t.message));
    } catch {
      out = null;
    }
    if (!(out instanceof Uint8Array) || out.length !== 64 || bytesToHex(out) !== t.signature) {
      throw coreError('INPUT_INVALID', `the Ed25519 signer "${signer.name}" does not reproduce RFC 8032's test vectors; it is not used`);
    }
  }
  current = signer;
}

export function ed25519Signer(): Ed25519Signer {
  return current;
}
