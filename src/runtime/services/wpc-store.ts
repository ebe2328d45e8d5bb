/**
 * The WPC store (clawcontrols): validates a Work Policy Contract, signs its RFC 8785 bytes as a
 * DSSE envelope with the controls key, and files it under its policy hash.
 *
 * Content is immutable by construction: the address IS the sha256 of the signed bytes, so a
 * different WPC cannot live under an existing hash, and putting the same WPC again returns the
 * entry already there. Entries are frozen copies; a caller mutating its input changes nothing.
 */
import { canonicalBytes } from '../../core/canonical.js';
import { signDsse, type DsseEnvelope } from '../../core/dsse.js';
import { sha256, type Digest } from '../../core/hash.js';
import { parseStrictJson, type JsonObject } from '../../core/json.js';
import { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import { validateWpc, type NormalizedPolicy, type Problem, type WpcShape } from '../../policy/index.js';
import { runtimeError } from '../errors.js';
import type { Signer } from '../keys/keyring.js';

export interface WpcEntry {
  /** The policy hash: sha256 of the WPC's RFC 8785 bytes, which are the envelope's payload. */
  readonly hash: Digest;
  /** The WPC document as signed (deeply frozen). */
  readonly document: JsonObject;
  readonly shape: WpcShape;
  readonly policy: NormalizedPolicy;
  readonly envelope: DsseEnvelope;
  readonly warnings: readonly Problem[];
}

export class WpcStore {
  readonly #signer: Signer;
  readonly #entries = new Map<Digest, WpcEntry>();

  constructor(signer: Signer) {
    if (signer.role !== 'controls') {
      throw runtimeError('RUN_INPUT_INVALID', `the WPC store signs with the controls key, not the ${signer.role} key`);
    }
    this.#signer = signer;
  }

  /**
   * Validates, canonicalises, signs and stores `wpc` (a parsed JSON document). Throws WPC_INVALID
   * with `details.problems` (each with its JSON Pointer) when validation finds any error.
   */
  put(wpc: unknown): WpcEntry {
    const validation = validateWpc(wpc);
    if (!validation.ok) {
      const errors = validation.problems.filter((p) => p.severity === 'error');
      const first = errors[0] ?? validation.problems[0];
      const where = first === undefined ? '' : ` (first: ${first.pointer === '' ? 'the document' : first.pointer}: ${first.message})`;
      throw runtimeError('WPC_INVALID', `the WPC is invalid: ${errors.length} problem${errors.length === 1 ? '' : 's'}${where}`, {
        pointer: first?.pointer,
        details: { problems: validation.problems },
      });
    }
    const bytes = canonicalBytes(wpc);
    const hash = sha256(bytes);
    const existing = this.#entries.get(hash);
    if (existing !== undefined) return existing;
    const entry: WpcEntry = Object.freeze({
      hash,
      // Re-read from the signed bytes: the stored document is exactly what was signed.
      document: deepFreeze(parseStrictJson(bytes) as JsonObject),
      shape: validation.shape,
      policy: validation.policy,
      envelope: deepFreeze(signDsse(PAYLOAD_TYPES.wpc, bytes, [this.#signer])),
      warnings: Object.freeze([...validation.warnings]),
    });
    this.#entries.set(hash, entry);
    return entry;
  }

  get(hash: Digest): WpcEntry | undefined {
    return this.#entries.get(hash);
  }

  /** The entry for `hash`; WPC_NOT_FOUND when there is none. */
  require(hash: Digest): WpcEntry {
    const entry = this.#entries.get(hash);
    if (entry === undefined) throw runtimeError('WPC_NOT_FOUND', `no WPC with policy hash ${hash} is in the store`);
    return entry;
  }

  hashes(): Digest[] {
    return [...this.#entries.keys()];
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
