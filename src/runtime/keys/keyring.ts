/**
 * The keyring: the SECRET half of a trust root. One Ed25519 seed per service role, so each
 * simulated service signs with its own key and a verifier can tell who vouched for what.
 *
 * It is a local file (written 0600 by `clawproof keys init`) and never part of a bundle. The
 * published demo keyring is marked `purpose: "demo"`: anyone can sign with it.
 */
import { base64Decode, base64Encode, bytesEqual } from '../../core/bytes.js';
import { isClawproofError } from '../../core/errors.js';
import { ED25519_SEED_LENGTH, keyPairFromSeed } from '../../core/ed25519/index.js';
import { isDigest, type Digest } from '../../core/hash.js';
import { parseStrictJson } from '../../core/json.js';
import { keyId } from '../../core/keyid.js';
import { escapePointerToken } from '../../core/pointer.js';
import { formatUtcTimestamp, parseUtcTimestamp } from '../../core/time.js';
import { TRUST_ROOT_ROLES, type TrustRole } from '../../core/trust-root.js';
import { runtimeError } from '../errors.js';

export const KEYRING_MEDIA_TYPE = 'application/vnd.clawproof.keyring+json';
export const KEYRING_VERSION = 1;

/** Roles a run signs with; `log` may be present but nothing signs with it yet. */
export const SIGNING_ROLES = ['controls', 'scope', 'proxy', 'harness', 'approver'] as const satisfies readonly TrustRole[];
export type SigningRole = (typeof SIGNING_ROLES)[number];

export type KeyringPurpose = 'demo' | 'local';

export interface KeyringEntry {
  readonly role: TrustRole;
  readonly keyid: Digest;
  /** Standard base64 of the raw 32-byte public key. */
  readonly publicKey: string;
  /** Standard base64 of the 32-byte Ed25519 seed (RFC 8032 sec 5.1.5 secret key). */
  readonly secretSeed: string;
  readonly validFrom: string;
  readonly validUntil?: string;
}

export interface Keyring {
  readonly mediaType: typeof KEYRING_MEDIA_TYPE;
  readonly version: typeof KEYRING_VERSION;
  readonly name: string;
  /** demo: published secrets, for demos and tests only. local: made on this machine by `keys init`. */
  readonly purpose: KeyringPurpose;
  readonly warning: string;
  readonly keys: readonly KeyringEntry[];
}

/** What a service signs with. */
export interface Signer {
  readonly role: TrustRole;
  readonly keyid: Digest;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

const FIELDS = ['mediaType', 'version', 'name', 'purpose', 'warning', 'keys'];
const KEY_FIELDS = ['role', 'keyid', 'publicKey', 'secretSeed', 'validFrom', 'validUntil'];

/**
 * Parses a keyring given as JSON text, bytes or a parsed value, and checks that every public key
 * and key id follows from its seed. Throws KEYRING_INVALID with every problem in
 * `details.problems` ({pointer, message}[]).
 */
export function parseKeyring(input: unknown): Keyring {
  let value = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      value = parseStrictJson(input);
    } catch (cause) {
      const reason = isClawproofError(cause) ? cause.message : 'unreadable';
      throw invalid([{ pointer: '', message: `is not strict JSON: ${reason}` }], cause);
    }
  }
  const problems: { pointer: string; message: string }[] = [];
  const add = (pointer: string, message: string): void => void problems.push({ pointer, message });
  if (!isRecord(value)) throw invalid([{ pointer: '', message: 'must be a JSON object' }]);
  for (const k of Object.keys(value)) if (!FIELDS.includes(k)) add(`/${escapePointerToken(k)}`, 'unknown field');
  if (value.mediaType !== KEYRING_MEDIA_TYPE) add('/mediaType', `must be ${JSON.stringify(KEYRING_MEDIA_TYPE)}`);
  if (value.version !== KEYRING_VERSION) add('/version', `must be ${KEYRING_VERSION}`);
  if (typeof value.name !== 'string' || value.name.length === 0) add('/name', 'must be a non-empty string');
  if (value.purpose !== 'demo' && value.purpose !== 'local') add('/purpose', 'must be "demo" or "local"');
  if (typeof value.warning !== 'string') add('/warning', 'must be a string');
  const keys = Array.isArray(value.keys) ? value.keys : [];
  if (!Array.isArray(value.keys) || keys.length === 0) add('/keys', 'must be a non-empty array');
  const seenRoles = new Set<string>();
  keys.forEach((entry: unknown, i: number) => {
    const at = `/keys/${i}`;
    if (!isRecord(entry)) return add(at, 'must be a JSON object');
    for (const k of Object.keys(entry)) if (!KEY_FIELDS.includes(k)) add(`${at}/${escapePointerToken(k)}`, 'unknown field');
    const { role, keyid, publicKey, secretSeed, validFrom, validUntil } = entry;
    if (typeof role !== 'string' || !(TRUST_ROOT_ROLES as readonly string[]).includes(role)) {
      add(`${at}/role`, `must be one of ${TRUST_ROOT_ROLES.join(', ')}`);
    } else if (seenRoles.has(role)) {
      add(`${at}/role`, `role ${role} is listed twice; a keyring holds one signing key per role`);
    } else seenRoles.add(role);
    if (parseUtcTimestamp(validFrom) === undefined) add(`${at}/validFrom`, 'must be an RFC 3339 UTC timestamp');
    if (validUntil !== undefined && parseUtcTimestamp(validUntil) === undefined) {
      add(`${at}/validUntil`, 'must be an RFC 3339 UTC timestamp');
    }
    const seed = decode(secretSeed);
    if (seed === undefined || seed.length !== ED25519_SEED_LENGTH) {
      return add(`${at}/secretSeed`, `must be standard base64 of a ${ED25519_SEED_LENGTH}-byte Ed25519 seed`);
    }
    const pair = keyPairFromSeed(seed);
    const pub = decode(publicKey);
    if (pub === undefined || !bytesEqual(pub, pair.publicKey)) add(`${at}/publicKey`, 'does not match secretSeed');
    if (!isDigest(keyid) || keyid !== keyId(pair.publicKey)) add(`${at}/keyid`, 'is not the key id of the public key');
  });
  if (problems.length > 0) throw invalid(problems);
  return value as unknown as Keyring;
}

/** The signer for `role`; KEY_ROLE_MISSING when the keyring has none. */
export function signerFor(keyring: Keyring, role: TrustRole): Signer {
  const entry = keyring.keys.find((k) => k.role === role);
  if (entry === undefined) {
    throw runtimeError('KEY_ROLE_MISSING', `keyring "${keyring.name}" has no ${role} key; every service signs with its own key`);
  }
  const pair = keyPairFromSeed(base64Decode(entry.secretSeed));
  return Object.freeze({ role, keyid: entry.keyid, publicKey: pair.publicKey, secretKey: pair.secretKey });
}

/**
 * Refuses (KEY_NOT_VALID) when the key of a signing role is outside its validity window at `atMs`:
 * whatever it signed then would be rejected by any verifier holding the matching trust root.
 */
export function checkKeysValidAt(keyring: Keyring, atMs: number): void {
  for (const role of SIGNING_ROLES) {
    const entry = keyring.keys.find((k) => k.role === role);
    if (entry === undefined) continue; // signerFor reports the missing role
    const from = parseUtcTimestamp(entry.validFrom)!;
    const until = entry.validUntil === undefined ? undefined : parseUtcTimestamp(entry.validUntil)!;
    if (atMs < from || (until !== undefined && atMs >= until)) {
      const window = `from ${entry.validFrom}${entry.validUntil === undefined ? '' : ` until ${entry.validUntil}`}`;
      throw runtimeError('KEY_NOT_VALID', `the ${role} key of keyring "${keyring.name}" is valid ${window}, not at ${formatUtcTimestamp(atMs) ?? String(atMs)}`);
    }
  }
}

/** A keyring entry for a key pair, with fields in document order. */
export function keyringEntry(
  role: TrustRole,
  seed: Uint8Array,
  validFrom: string,
  validUntil?: string,
): KeyringEntry {
  const pair = keyPairFromSeed(seed);
  return {
    role,
    keyid: keyId(pair.publicKey),
    publicKey: base64Encode(pair.publicKey),
    secretSeed: base64Encode(pair.secretKey),
    validFrom,
    ...(validUntil === undefined ? {} : { validUntil }),
  };
}

/** Indented JSON, fields in document order, ending in a newline. */
export function serializeKeyring(keyring: Keyring): string {
  return `${JSON.stringify(parseKeyring(keyring), null, 2)}\n`;
}

function decode(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return base64Decode(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(problems: { pointer: string; message: string }[], cause?: unknown) {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return runtimeError('KEYRING_INVALID', `keyring: ${first.pointer === '' ? 'the document' : first.pointer} ${first.message}${more}`, {
    pointer: first.pointer,
    details: { problems },
    cause,
  });
}
