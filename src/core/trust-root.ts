/**
 * The trust root: the auditor's own list of trusted Ed25519 keys, each for one role and a
 * validity window. A verifier takes it from the auditor, never from the bundle it checks (a
 * bundle that names its own keys proves only that someone signed it).
 *
 * Parsing is strict and exhaustive: every problem is reported at once, each with a JSON Pointer,
 * so a hand-edited file can be fixed in one pass. A parsed root is deeply frozen.
 */
import { z } from 'zod';
import { base64Decode } from './bytes.js';
import { canonicalBytes } from './canonical.js';
import { coreError, isClawproofError, type TextPosition } from './errors.js';
import { isDigest, sha256, type Digest } from './hash.js';
import { parseStrictJson } from './json.js';
import { keyId } from './keyid.js';
import { escapePointerToken, formatPointer } from './pointer.js';
import { parseUtcTimestamp } from './time.js';

export const TRUST_ROOT_MEDIA_TYPE = 'application/vnd.clawproof.trust-root+json';
export const TRUST_ROOT_VERSION = 1;

/**
 * controls: signs WPCs; scope: signs CSTs; proxy: signs gateway receipts; harness: signs
 * tool-decision records and the bundle manifest; approver: signs approvals; log: signs
 * transparency-log checkpoints.
 */
export const TRUST_ROOT_ROLES = ['controls', 'scope', 'proxy', 'harness', 'approver', 'log'] as const;
export type TrustRole = (typeof TRUST_ROOT_ROLES)[number];

export interface TrustedKey {
  readonly role: TrustRole;
  readonly keyid: Digest;
  /** Standard base64 of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** RFC 3339 UTC; the key is valid from this instant (inclusive). */
  readonly validFrom: string;
  /** RFC 3339 UTC; the key is valid until this instant (exclusive). Absent: no end. */
  readonly validUntil?: string;
  readonly comment?: string;
}

export interface TrustRoot {
  readonly mediaType: typeof TRUST_ROOT_MEDIA_TYPE;
  readonly version: typeof TRUST_ROOT_VERSION;
  readonly name: string;
  /** Marks roots whose secret keys are published (demos, tests); a UI must say so loudly. */
  readonly demoOnly?: boolean;
  readonly keys: readonly TrustedKey[];
}

export interface TrustRootProblem {
  /** RFC 6901 JSON Pointer into the trust root document. */
  readonly pointer: string;
  readonly message: string;
}

export type TrustedKeyLookup =
  | { readonly ok: true; readonly key: TrustedKey; readonly publicKey: Uint8Array }
  | { readonly ok: false; readonly code: 'KEY_NOT_TRUSTED' | 'KEY_OUTSIDE_VALIDITY'; readonly message: string };

const MAX_NAME_LENGTH = 200;
const MAX_COMMENT_LENGTH = 2000;
const PUBLIC_KEY_LENGTH = 32;

function decodesToPublicKey(text: string): boolean {
  try {
    return base64Decode(text).length === PUBLIC_KEY_LENGTH;
  } catch {
    return false;
  }
}

const timestamp = z
  .string()
  .refine((s) => parseUtcTimestamp(s) !== undefined, 'must be an RFC 3339 UTC timestamp YYYY-MM-DDTHH:MM:SS(.sss)Z');

const trustedKeySchema = z.strictObject({
  role: z.enum(TRUST_ROOT_ROLES),
  keyid: z.string().refine(isDigest, 'must be sha256: followed by 64 lowercase hex digits'),
  publicKey: z
    .string()
    .refine(decodesToPublicKey, `must be strict standard base64 of a raw ${PUBLIC_KEY_LENGTH}-byte Ed25519 public key`),
  validFrom: timestamp,
  validUntil: timestamp.optional(),
  comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
});

const trustRootSchema = z.strictObject({
  mediaType: z.literal(TRUST_ROOT_MEDIA_TYPE),
  version: z.literal(TRUST_ROOT_VERSION),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  demoOnly: z.boolean().optional(),
  keys: z.array(trustedKeySchema).min(1, 'must list at least one key'),
});

/** Messages for zod's generic issues; the schema's own messages (refinements) take precedence. */
const issueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && issue.code !== 'unrecognized_keys') return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : undefined;
    case 'too_big':
      return `must be at most ${String(issue.maximum)} characters`;
    default:
      return undefined;
  }
};

/**
 * Parses and checks a trust root given as JSON text, UTF-8 bytes or an already parsed value.
 * Text is parsed strictly (duplicate keys and the like are errors). Throws TRUST_ROOT_INVALID
 * listing every problem in `details.problems` ({ pointer, message }[]).
 */
export function parseTrustRoot(input: unknown): TrustRoot {
  let value: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      value = parseStrictJson(input);
    } catch (cause) {
      const reason = isClawproofError(cause) ? cause.message : 'unreadable';
      throw invalid([{ pointer: '', message: `is not strict JSON: ${reason}` }], {
        cause,
        position: isClawproofError(cause) ? cause.position : undefined,
      });
    }
  }
  const result = trustRootSchema.safeParse(value, { error: issueMessage });
  const problems: TrustRootProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const base = toPointer(issue.path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({ pointer: `${base}/${escapePointerToken(key)}`, message: 'unknown field' });
        }
      } else {
        problems.push({ pointer: base, message: issue.message });
      }
    }
  }
  problems.push(...crossFieldProblems(value));
  if (!result.success || problems.length > 0) throw invalid(problems);
  return freezeRoot(result.data);
}

/**
 * Checks that need several fields of one key, or several keys. Runs on the raw value so they
 * are reported even when other fields are broken; each looks only at fields that are valid.
 */
function crossFieldProblems(value: unknown): TrustRootProblem[] {
  const keys = isRecord(value) && Array.isArray(value.keys) ? (value.keys as unknown[]) : [];
  const problems: TrustRootProblem[] = [];
  const firstSeen = new Map<string, number>(); // role + public key -> index
  keys.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const at = `/keys/${i}`;
    const { role, keyid, publicKey, validFrom, validUntil } = entry;
    const keyBytes =
      typeof publicKey === 'string' && decodesToPublicKey(publicKey) ? base64Decode(publicKey) : undefined;
    if (keyBytes !== undefined && isDigest(keyid)) {
      const actual = keyId(keyBytes);
      // A mismatched keyid would let a familiar id vouch for a different key.
      if (actual !== keyid) {
        problems.push({ pointer: `${at}/keyid`, message: `does not match publicKey, whose key id is ${actual}` });
      }
    }
    const from = parseUtcTimestamp(validFrom);
    const until = parseUtcTimestamp(validUntil);
    if (from !== undefined && until !== undefined && until <= from) {
      problems.push({ pointer: `${at}/validUntil`, message: 'must be later than validFrom' });
    }
    if (keyBytes !== undefined && typeof role === 'string' && (TRUST_ROOT_ROLES as readonly string[]).includes(role)) {
      const identity = `${role} ${publicKey as string}`;
      const earlier = firstSeen.get(identity);
      if (earlier !== undefined) {
        problems.push({ pointer: at, message: `lists the same key for role ${role} as /keys/${earlier}` });
      } else {
        firstSeen.set(identity, i);
      }
    }
  });
  return problems;
}

/**
 * The trusted key `keyid` for `role` at instant `at` (RFC 3339 UTC). Windows include validFrom
 * and exclude validUntil. A key trusted only for other roles is not trusted for this one.
 * Throws INPUT_INVALID for an unknown role or a malformed `at`.
 */
export function findTrustedKey(root: TrustRoot, role: TrustRole, keyid: string, at: string): TrustedKeyLookup {
  if (!(TRUST_ROOT_ROLES as readonly string[]).includes(role)) {
    throw coreError('INPUT_INVALID', `unknown trust role ${JSON.stringify(role)}`);
  }
  const instant = parseUtcTimestamp(at);
  if (instant === undefined) throw coreError('INPUT_INVALID', `${JSON.stringify(at)} is not an RFC 3339 UTC timestamp`);
  const sameKey = root.keys.filter((k) => k.keyid === keyid);
  const key = sameKey.find((k) => k.role === role);
  if (key === undefined) {
    const otherRoles = [...new Set(sameKey.map((k) => k.role))];
    const why =
      otherRoles.length > 0
        ? `the trust root "${root.name}" lists it only for role ${otherRoles.join(', ')}`
        : `it is not in the trust root "${root.name}"`;
    return { ok: false, code: 'KEY_NOT_TRUSTED', message: `key ${keyid} is not trusted for role ${role}: ${why}` };
  }
  const from = parseUtcTimestamp(key.validFrom)!;
  const until = key.validUntil === undefined ? undefined : parseUtcTimestamp(key.validUntil)!;
  if (instant < from || (until !== undefined && instant >= until)) {
    const window = `from ${key.validFrom}${key.validUntil === undefined ? '' : ` until ${key.validUntil}`}`;
    return {
      ok: false,
      code: 'KEY_OUTSIDE_VALIDITY',
      message: `key ${keyid} is trusted for role ${role} ${window}, not at ${at}`,
    };
  }
  return { ok: true, key, publicKey: base64Decode(key.publicKey) };
}

/** sha256 of the RFC 8785 canonical JSON of the (re-checked) trust root: names exactly what was trusted. */
export function trustRootDigest(root: TrustRoot): Digest {
  return sha256(canonicalBytes(parseTrustRoot(root)));
}

/** The (re-checked) trust root as indented JSON text with fields in document order, ending in a newline. */
export function serializeTrustRoot(root: TrustRoot): string {
  return `${JSON.stringify(parseTrustRoot(root), null, 2)}\n`;
}

// --- helpers ----------------------------------------------------------------------------------

type ParsedRoot = z.output<typeof trustRootSchema>;

/** A frozen copy with fields in a fixed order and absent optionals left out (not `undefined`). */
function freezeRoot(data: ParsedRoot): TrustRoot {
  const keys = data.keys.map((k) =>
    Object.freeze({
      role: k.role,
      keyid: k.keyid as Digest,
      publicKey: k.publicKey,
      validFrom: k.validFrom,
      ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil }),
      ...(k.comment === undefined ? {} : { comment: k.comment }),
    }),
  );
  return Object.freeze({
    mediaType: data.mediaType,
    version: data.version,
    name: data.name,
    ...(data.demoOnly === undefined ? {} : { demoOnly: data.demoOnly }),
    keys: Object.freeze(keys),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toPointer(path: readonly PropertyKey[]): string {
  return formatPointer(path.map((p) => String(p)));
}

function invalid(problems: TrustRootProblem[], extra: { cause?: unknown; position?: TextPosition | undefined } = {}) {
  const first = problems[0];
  const where = first?.pointer === '' ? 'the document' : first?.pointer;
  const summary = first === undefined ? 'it is invalid' : `${where} ${first.message}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return coreError('TRUST_ROOT_INVALID', `trust root: ${summary}${more}`, {
    pointer: first?.pointer,
    details: { problems },
    ...extra,
  });
}
