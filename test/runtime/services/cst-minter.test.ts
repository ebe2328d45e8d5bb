import { describe, expect, it } from 'vitest';
import { compactVerify, importJWK } from 'jose';
import { base64urlEncode } from '../../../src/core/bytes.js';
import { parseCompactJws } from '../../../src/core/jws.js';
import { sha256 } from '../../../src/core/hash.js';
import { SimulatedClock, parseTimestamp } from '../../../src/runtime/clock.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { CstMinter } from '../../../src/runtime/services/cst-minter.js';
import { defaultScopes } from '../../../src/runtime/services/scopes.js';
import { WpcStore } from '../../../src/runtime/services/wpc-store.js';
import { AUTO_ASSIGN_WPC, KEYRING, ROUTING_WPC, START, ZENDESK_WPC } from '../support.js';

const scope = signerFor(KEYRING, 'scope');
const store = new WpcStore(signerFor(KEYRING, 'controls'));
const routing = store.put(ROUTING_WPC());
const zendesk = store.put(ZENDESK_WPC());
const minter = new CstMinter(scope, new SimulatedClock(parseTimestamp(START)));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('CstMinter', () => {
  it('mints a job-bound, policy-pinned EdDSA token that an independent JOSE library verifies', async () => {
    const cst = minter.mint({ jobId: 'job_a', jti: 'cst_1', scopes: defaultScopes(routing.policy), wpc: routing, ttlSeconds: 600 });
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(scope.publicKey) }, 'EdDSA');
    const { protectedHeader } = await compactVerify(cst.token, key);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'cst+jwt', kid: scope.keyid });
    const iat = parseTimestamp(START) / 1000;
    expect(parseCompactJws(cst.token).claims).toEqual({
      iss: 'clawscope',
      sub: 'job:job_a',
      aud: 'clawproxy',
      jti: 'cst_1',
      job_id: 'job_a',
      scope: ['tickets.read', 'tickets.add_label', 'tickets.add_internal_note'],
      policy_hash: routing.hash,
      iat,
      nbf: iat,
      exp: iat + 600,
    });
    expect(cst.hash).toBe(sha256(cst.token));
  });

  it('defaults to the least scope: no writes for a propose-only WPC, the allowed writes in apply mode', () => {
    expect(defaultScopes(routing.policy)).toEqual(['tickets.read', 'tickets.add_label', 'tickets.add_internal_note']);
    expect(defaultScopes(zendesk.policy)).toEqual(['tickets.read', 'tickets.add_internal_note', 'users.read']);
    const auto = store.put(AUTO_ASSIGN_WPC());
    expect(defaultScopes(auto.policy)).toContain('tickets.assign');
  });

  it('refuses scopes wider than the WPC allows, naming each one and the rule', () => {
    const request = { jobId: 'job_a', jti: 'cst_1', wpc: routing, scopes: ['tickets.read', 'tickets.assign', 'macros.write'] };
    let error: { code?: string; message?: string } | undefined;
    try {
      minter.mint(request);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('CST_SCOPE_TOO_WIDE');
    expect(error?.message).toContain('tickets.assign is denied by /tools/deny/2');
    expect(error?.message).toContain('macros.write is not on the allow list at /tools/allow');
    // Either spelling names the same action: tickets:assign cannot slip past a deny of tickets.assign.
    expect(codeOf(() => minter.mint({ ...request, scopes: ['tickets:assign'] }))).toBe('CST_SCOPE_TOO_WIDE');
    expect(codeOf(() => minter.mint({ ...request, wpc: zendesk, scopes: ['tickets.delete'] }))).toBe('CST_SCOPE_TOO_WIDE');
  });

  it('refuses malformed or empty scopes, an unpinned token under a pinning WPC, and bad lifetimes', () => {
    const base = { jobId: 'job_a', jti: 'cst_1', wpc: zendesk, scopes: ['tickets.read'] };
    expect(codeOf(() => minter.mint({ ...base, scopes: [] }))).toBe('CST_SCOPE_INVALID');
    expect(codeOf(() => minter.mint({ ...base, scopes: ['Tickets Read'] }))).toBe('CST_SCOPE_INVALID');
    expect(codeOf(() => minter.mint({ ...base, pinPolicyHash: false }))).toBe('CST_PIN_REQUIRED');
    expect(codeOf(() => minter.mint({ ...base, ttlSeconds: 0 }))).toBe('RUN_INPUT_INVALID');
    expect(codeOf(() => minter.mint({ ...base, jobId: 'job a' }))).toBe('RUN_INPUT_INVALID');
  });

  it('signs only with the scope key', () => {
    expect(() => new CstMinter(signerFor(KEYRING, 'proxy'), new SimulatedClock(0))).toThrow(/scope key/);
  });
});
