/**
 * The CST minter (clawscope): one job-scoped token per job, signed with the scope key as a
 * compact JWS (`typ: cst+jwt`). It refuses to mint:
 *  - a scope the pinned WPC cannot allow (CST_SCOPE_TOO_WIDE, naming each scope and its rule);
 *  - without the policy-hash pin when the WPC sets cst_policy_hash_pin (CST_PIN_REQUIRED);
 * so a leaked or replayed token can never do more than the policy of its own job.
 */
import type { CstClaims } from '../../core/bundle/types.js';
import { CST_TYP } from '../../core/bundle/media-types.js';
import { sha256, type Digest } from '../../core/hash.js';
import type { JsonObject } from '../../core/json.js';
import { signCompactJws } from '../../core/jws.js';
import { numericDate, type Clock } from '../clock.js';
import { runtimeError } from '../errors.js';
import type { Signer } from '../keys/keyring.js';
import { CST_AUDIENCE, CST_ISSUER, DEFAULT_CST_TTL_SECONDS, MAX_CST_TTL_SECONDS, cstSubject } from './cst.js';
import { scopeVerdict } from './scopes.js';
import type { WpcEntry } from './wpc-store.js';

export interface MintRequest {
  readonly jobId: string;
  /** Deterministic per job (see ids.ts). */
  readonly jti: string;
  readonly scopes: readonly string[];
  /** The WPC the job runs under. */
  readonly wpc: WpcEntry;
  /** Put the WPC's hash in the token. Default true; false is refused when the WPC requires the pin. */
  readonly pinPolicyHash?: boolean;
  readonly ttlSeconds?: number;
}

export interface MintedCst {
  readonly token: string;
  readonly claims: CstClaims;
  /** sha256 of the token's ASCII bytes: what receipts and the manifest bind to. */
  readonly hash: Digest;
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export class CstMinter {
  readonly #signer: Signer;
  readonly #clock: Clock;

  constructor(signer: Signer, clock: Clock) {
    if (signer.role !== 'scope') {
      throw runtimeError('RUN_INPUT_INVALID', `the CST minter signs with the scope key, not the ${signer.role} key`);
    }
    this.#signer = signer;
    this.#clock = clock;
  }

  mint(request: MintRequest): MintedCst {
    const { jobId, jti, wpc } = request;
    if (typeof jobId !== 'string' || !ID_PATTERN.test(jobId)) throw runtimeError('RUN_INPUT_INVALID', `job id ${JSON.stringify(jobId)} is malformed`);
    if (typeof jti !== 'string' || !ID_PATTERN.test(jti)) throw runtimeError('RUN_INPUT_INVALID', `jti ${JSON.stringify(jti)} is malformed`);
    const ttl = request.ttlSeconds ?? DEFAULT_CST_TTL_SECONDS;
    if (!Number.isSafeInteger(ttl) || ttl < 1 || ttl > MAX_CST_TTL_SECONDS) {
      throw runtimeError('RUN_INPUT_INVALID', `CST lifetime must be 1 to ${MAX_CST_TTL_SECONDS} seconds, got ${String(ttl)}`);
    }
    const scope = this.#checkScopes(request.scopes, wpc);
    const pin = request.pinPolicyHash ?? true;
    if (!pin && wpc.policy.pinPolicyHash.value) {
      const rule = wpc.policy.pinPolicyHash.pointer ?? '(default)';
      throw runtimeError('CST_PIN_REQUIRED', `the WPC ${wpc.hash} requires the CST to pin its policy hash (${rule}); refusing to mint an unpinned token`, {
        pointer: wpc.policy.pinPolicyHash.pointer ?? undefined,
      });
    }
    const iat = numericDate(this.#clock.now());
    const claims: CstClaims = {
      iss: CST_ISSUER,
      sub: cstSubject(jobId),
      aud: CST_AUDIENCE,
      jti,
      job_id: jobId,
      scope,
      ...(pin ? { policy_hash: wpc.hash } : {}),
      iat,
      nbf: iat,
      exp: iat + ttl,
    };
    const token = signCompactJws({ typ: CST_TYP, kid: this.#signer.keyid }, claims as unknown as JsonObject, this.#signer.secretKey);
    return Object.freeze({ token, claims: Object.freeze(claims), hash: sha256(token) });
  }

  /** Canonical, de-duplicated scopes, each one the WPC can allow; otherwise a refusal naming every offender. */
  #checkScopes(scopes: readonly string[], wpc: WpcEntry): string[] {
    if (!Array.isArray(scopes) || scopes.length === 0) {
      throw runtimeError('CST_SCOPE_INVALID', 'a CST needs at least one scope (an action name such as tickets.read)');
    }
    const out: string[] = [];
    const tooWide: string[] = [];
    for (const [i, scope] of scopes.entries()) {
      const verdict = scopeVerdict(wpc.policy, scope);
      if (verdict.action === null) {
        throw runtimeError('CST_SCOPE_INVALID', `scope ${i} (${JSON.stringify(scope)}) is not a well-formed action name`, { pointer: `/scope/${i}` });
      }
      if (!verdict.ok) tooWide.push(`${verdict.action}: ${verdict.reason}`);
      else if (!out.includes(verdict.action)) out.push(verdict.action);
    }
    if (tooWide.length > 0) {
      throw runtimeError('CST_SCOPE_TOO_WIDE', `refusing to mint a CST wider than the WPC ${wpc.hash} allows: ${tooWide.join('; ')}`, {
        details: { scopes: tooWide },
      });
    }
    return out;
  }
}
