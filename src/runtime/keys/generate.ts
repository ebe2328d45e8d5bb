/**
 * Making keyrings: fresh random ones for `clawproof keys init`, and the published demo keyring,
 * derived from a fixed text so anyone can regenerate it and check that the committed fixture is
 * exactly that (and so nobody mistakes it for a secret).
 */
import { ED25519_SEED_LENGTH } from '../../core/ed25519/index.js';
import { sha256Bytes } from '../../core/hash.js';
import { TRUST_ROOT_ROLES, type TrustRole } from '../../core/trust-root.js';
import { runtimeError } from '../errors.js';
import { KEYRING_MEDIA_TYPE, KEYRING_VERSION, keyringEntry, parseKeyring, type Keyring } from './keyring.js';

/** The fixed text every demo key seed is derived from. */
export const DEMO_KEYRING_SEED = 'clawproof demo keyring v1';
export const DEMO_VALID_FROM = '2025-01-01T00:00:00Z';
export const DEMO_VALID_UNTIL = '2031-01-01T00:00:00Z';

const DEMO_WARNING =
  'DEMO KEYS: these secret seeds are published with Clawproof. Anything signed with them proves nothing. ' +
  'Use them for demos and tests only; run `clawproof keys init <dir>` for keys of your own.';
const LOCAL_WARNING =
  'SECRET KEYS made by `clawproof keys init` for local runs. Keep this file private (mode 0600); ' +
  'share only trust-root.json.';

/** The seed of the demo key for `role`: sha256 of "<DEMO_KEYRING_SEED> <role>". */
export function demoSeed(role: TrustRole): Uint8Array {
  return sha256Bytes(`${DEMO_KEYRING_SEED} ${role}`);
}

/** The published demo keyring (every role, including log), deterministic. */
export function demoKeyring(): Keyring {
  return parseKeyring({
    mediaType: KEYRING_MEDIA_TYPE,
    version: KEYRING_VERSION,
    name: 'Clawproof demo keyring (published secrets: demos only)',
    purpose: 'demo',
    warning: DEMO_WARNING,
    keys: TRUST_ROOT_ROLES.map((role) => keyringEntry(role, demoSeed(role), DEMO_VALID_FROM, DEMO_VALID_UNTIL)),
  });
}

export interface NewKeyringOptions {
  readonly name?: string;
  readonly validFrom: string;
  readonly validUntil?: string;
  /** Source of randomness; defaults to globalThis.crypto.getRandomValues. */
  readonly randomBytes?: (length: number) => Uint8Array;
}

/** A keyring of fresh random keys, one per role. */
export function newKeyring(options: NewKeyringOptions): Keyring {
  const random = options.randomBytes ?? webRandomBytes;
  return parseKeyring({
    mediaType: KEYRING_MEDIA_TYPE,
    version: KEYRING_VERSION,
    name: options.name ?? 'Local keyring (clawproof keys init)',
    purpose: 'local',
    warning: LOCAL_WARNING,
    keys: TRUST_ROOT_ROLES.map((role) => {
      const seed = random(ED25519_SEED_LENGTH);
      if (!(seed instanceof Uint8Array) || seed.length !== ED25519_SEED_LENGTH) {
        throw runtimeError('RUN_INPUT_INVALID', `randomBytes must return ${ED25519_SEED_LENGTH} bytes`);
      }
      return keyringEntry(role, seed, options.validFrom, options.validUntil);
    }),
  });
}

function webRandomBytes(length: number): Uint8Array {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (typeof c?.getRandomValues !== 'function') {
    throw runtimeError('RUN_INPUT_INVALID', 'no source of randomness: globalThis.crypto.getRandomValues is missing');
  }
  return c.getRandomValues(new Uint8Array(length));
}
