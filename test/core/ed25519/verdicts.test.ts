/**
 * The rule of docs/FORMATS.md (Ed25519): every backend's verdict equals libsodium's
 * crypto_sign_verify_detached on every input. Runs all third-party vectors and ~900 generated
 * edge cases through each backend via verifySignature, and through verifySignatureSync.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNodeEd25519Backend } from '../../../src/node/ed25519-node.js';
import { createEd25519WorkerPool } from '../../../src/node/ed25519-pool.js';
import { hexDecode } from '../../../src/core/bytes.js';
import { getEd25519Backend, registerEd25519Backend, strictPrecheck, verifySignature, verifySignatureSync } from '../../../src/core/ed25519/index.js';
import { generatedCases, type VerdictCase } from './cases.js';
import { libsodiumVerdicts } from './libsodium.js';
import { rfc8032Cases, speccheckCases, vectorCases, wycheproofCases } from './vectors.js';

registerNodeEd25519Backend();
// The worker pool (src/node/ed25519-pool.ts) is a backend like the others: two threads, as on CI.
const pool = createEd25519WorkerPool({ size: 2 });
registerEd25519Backend(pool);
afterAll(() => pool.close());
const BACKENDS = ['noble', 'webcrypto', 'node', pool.name] as const;

const cases: readonly VerdictCase[] = [...vectorCases(), ...generatedCases()];
let reference: boolean[] = [];

beforeAll(async () => {
  reference = await libsodiumVerdicts(cases);
});

function bytesOf(c: VerdictCase): [Uint8Array, Uint8Array, Uint8Array] {
  return [hexDecode(c.publicKey), hexDecode(c.message), hexDecode(c.signature)];
}

function mismatches(verdicts: readonly boolean[]): string[] {
  return cases.flatMap((c, i) => (verdicts[i] === reference[i] ? [] : [`${c.id}: got ${verdicts[i]}, libsodium ${reference[i]}`]));
}

describe('the verdict suite', () => {
  it('holds every third-party vector: 151 Wycheproof, 12 speccheck, 5 RFC 8032', () => {
    expect(wycheproofCases()).toHaveLength(151);
    expect(speccheckCases()).toHaveLength(12);
    expect(rfc8032Cases()).toHaveLength(5);
  });

  it('cannot pass vacuously: libsodium both accepts and rejects among vectors and among generated cases', () => {
    for (const source of [(c: VerdictCase) => c.expected !== undefined, (c: VerdictCase) => c.expected === undefined]) {
      const verdicts = cases.flatMap((c, i) => (source(c) ? [reference[i]] : []));
      expect(verdicts).toContain(true);
      expect(verdicts).toContain(false);
    }
  });

  it('[R-EDDSA-2] contains inputs a cofactored verifier accepts and libsodium rejects, and inputs each pre-check rule rejects', () => {
    const cofactoredOnly = cases.filter((c, i) => {
      const [pk, m, sig] = bytesOf(c);
      let cofactored = false;
      try {
        cofactored = ed25519.verify(sig, m, pk, { zip215: true });
      } catch {
        cofactored = false;
      }
      return cofactored && !reference[i] && strictPrecheck(pk, sig) === null;
    });
    expect(cofactoredOnly.length).toBeGreaterThan(50);
    const rules = new Set(cases.map((c) => strictPrecheck(hexDecode(c.publicKey), hexDecode(c.signature))));
    expect([...rules].sort()).toEqual(
      ['A_NOT_CANONICAL', 'A_SMALL_ORDER', 'LENGTH', 'R_SMALL_ORDER', 'S_NOT_REDUCED', null].sort(),
    );
  });

  it('libsodium agrees with every stated result: Wycheproof, RFC 8032 and the speccheck LibSodium column', () => {
    const disagreements = cases.flatMap((c, i) =>
      c.expected === undefined || c.expected === reference[i] ? [] : [c.id],
    );
    expect(disagreements).toEqual([]);
  });
});

describe.each(BACKENDS)('[R-EDDSA-1] backend %s through verifySignature', (backend) => {
  it("gives libsodium's verdict on every case", async () => {
    const verdicts: boolean[] = [];
    for (const c of cases) verdicts.push(await verifySignature(...bytesOf(c), { backend }));
    expect(mismatches(verdicts)).toEqual([]);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it('on its own (no pre-checks) differs from libsodium only on inputs a pre-check rejects', async () => {
    const raw = getEd25519Backend(backend);
    if (raw === undefined) throw new Error(`backend ${backend} is not registered`);
    const unexplained: string[] = [];
    for (const [i, c] of cases.entries()) {
      const [pk, m, sig] = bytesOf(c);
      if ((await raw.verify(pk, m, sig)) !== reference[i] && strictPrecheck(pk, sig) === null) unexplained.push(c.id);
    }
    expect(unexplained).toEqual([]);
  });

  it('gives the published result on every Wycheproof and RFC 8032 vector', async () => {
    const wrong: string[] = [];
    for (const c of [...wycheproofCases(), ...rfc8032Cases()]) {
      if ((await verifySignature(...bytesOf(c), { backend })) !== c.expected) wrong.push(c.id);
    }
    expect(wrong).toEqual([]);
  });
});

describe('verifySignatureSync', () => {
  it("gives libsodium's verdict on every case", () => {
    expect(mismatches(cases.map((c) => verifySignatureSync(...bytesOf(c))))).toEqual([]);
  });
});

describe('the default backend', () => {
  it("gives libsodium's verdict on every case", async () => {
    const verdicts: boolean[] = [];
    for (const c of cases) verdicts.push(await verifySignature(...bytesOf(c)));
    expect(mismatches(verdicts)).toEqual([]);
  });
});
