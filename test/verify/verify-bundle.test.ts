import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { canonicalBytes } from '../../src/core/canonical.js';
import { sha256 } from '../../src/core/hash.js';
import { trustRootDigest } from '../../src/core/trust-root.js';
import { bundleBytes, serializeBundle } from '../../src/runtime/bundle/serialize.js';
import { trustRootFromKeyring } from '../../src/runtime/keys/trust-root.js';
import { CHECK_IDS } from '../../src/verify/report.js';
import { LIMITATIONS } from '../../src/verify/limitations.js';
import { VERIFIER_VERSION } from '../../src/verify/version.js';
import type { Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { STRANGER, TRUST_ROOT, ROOT, checkOf, codesOf, failedChecks, makeBundle, payloadOf, reseal, verify } from './support.js';

describe('verifyBundle on bundles the runtime produced', () => {
  for (const policy of ['ticket-routing', 'zendesk'] as const) {
    for (const model of ['local', 'compromised'] as const) {
      it(`finds a ${policy} bundle of the ${model} model valid, every check passing but the demo-root warning`, async () => {
        const bundle = await makeBundle({ policy, model, tickets: 6 });
        const report = await verify(bundle);
        expect(report.verdict).toBe('valid');
        expect(failedChecks(report)).toEqual([]);
        expect(report.checks.filter((c) => c.status === 'skipped')).toEqual([]);
        expect(checkOf(report, 'trust').code).toBe('TRUST_ROOT_DEMO_ONLY');
        expect(report.bundle.policyHash).toBe(payloadOf<{ policy_hash: string }>(bundle.manifest).policy_hash);
      });
    }
  }

  it('finds the committed demo bundles valid against the committed demo trust root', async () => {
    const root = readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json'));
    const dir = join(ROOT, 'fixtures', 'bundles');
    const files = readdirSync(dir).filter((f) => f.endsWith('.clawproof'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const report = await verifyBundle(new Uint8Array(readFileSync(join(dir, file))), new Uint8Array(root));
      expect([file, report.verdict, failedChecks(report)]).toEqual([file, 'valid', []]);
    }
  });

  it('gives the same report for bytes, text and parsed JSON, hashing the bytes (canonical bytes for parsed input)', async () => {
    const bundle = await makeBundle();
    const text = serializeBundle(bundle);
    const fromBytes = await verify(utf8Encode(text));
    const fromText = await verify(text);
    const fromValue = await verify(JSON.parse(text));
    expect(fromBytes.bundle.hash).toBe(sha256(utf8Encode(text)));
    expect(fromText.bundle.hash).toBe(fromBytes.bundle.hash);
    expect(fromValue.bundle.hash).toBe(sha256(canonicalBytes(bundle)));
    expect(fromBytes.bundle.bytes).toBe(utf8Encode(text).length);
    const shape = (r: typeof fromBytes) => r.checks.map((c) => [c.id, c.status, c.code]);
    expect(shape(fromText)).toEqual(shape(fromBytes));
    expect(shape(fromValue)).toEqual(shape(fromBytes));
    expect([fromBytes.verdict, fromText.verdict, fromValue.verdict]).toEqual(['valid', 'valid', 'valid']);
  });

  it('[R-BUNDLE-2] does not depend on whitespace or member order: the bundle re-spelled gives the same checks', async () => {
    const bundle = await makeBundle();
    // Every object's members in reverse order, tab-indented with CRLF line ends.
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    const respelled = JSON.stringify(reversed(bundle), null, '\t').replaceAll('\n', '\r\n');
    expect(respelled.startsWith('{\r\n\t"manifest"')).toBe(true);
    const shape = (r: Report) => r.checks.map((c) => [c.id, c.status, c.code, c.issues.length]);
    const [original, other] = await Promise.all([verify(serializeBundle(bundle)), verify(respelled)]);
    expect(shape(other)).toEqual(shape(original));
    expect(other.verdict).toBe('valid');
  });

  it('lists every check once, in the stable order, with its title, and carries the verifier, trust root and limitations', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle);
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of report.checks) expect(c.title.length).toBeGreaterThan(0);
    expect(report.reportVersion).toBe(1);
    expect(report.verifier).toEqual({ name: 'clawproof', version: VERIFIER_VERSION });
    expect(report.trustRoot).toEqual({ name: TRUST_ROOT.name, hash: trustRootDigest(TRUST_ROOT), demoOnly: true });
    expect(report.limitations).toEqual(LIMITATIONS);
    expect(report.bundle.jobId).toBe(payloadOf<{ job_id: string }>(bundle.manifest).job_id);
    expect(report.tickets.length).toBe(bundle.tickets.length);
    expect(report.timeline.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(report.checkedAt))).toBe(false);
    expect(report.summary).toMatch(/^Valid: 1[34] of 15 checks passed, [12] warnings?: the trust root is demo-only/);
    expect(report.causes).toEqual([]);
  });

  it('runs every check after a failure: an edited ticket entry fails tickets and manifest, and the rest still pass', async () => {
    const bundle = await makeBundle();
    bundle.tickets[0]!.after.status = 'closed';
    const report = await verify(bundle);
    expect(report.verdict).toBe('invalid');
    expect(failedChecks(report)).toEqual(['tickets', 'manifest']);
    expect(codesOf(report, 'manifest')).toContain('MERKLE_ROOT_MISMATCH');
    // One cause (the edited entry); the manifest's broken seal follows from it.
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]).toMatchObject({ check: 'tickets', pointers: expect.arrayContaining([expect.stringMatching(/^\/tickets\/0/)]) });
    expect(report.causes[0]?.consequences.map((c) => c.code)).toContain('MERKLE_ROOT_MISMATCH');
    expect(report.summary).toMatch(/^Invalid: ticket \d+'s recorded after-state is not what its applied actions give: .*\. 2 of 15 checks failed, 2 warnings\.$/);
  });

  it('reports progress after each check and survives a progress callback that throws', async () => {
    const bundle = await makeBundle();
    const seen: string[] = [];
    const report = await verify(bundle, TRUST_ROOT, {
      onProgress: (done, total, id) => {
        seen.push(`${done}/${total} ${id}`);
        throw new Error('a broken progress bar');
      },
    });
    expect(report.verdict).toBe('valid');
    expect(seen).toEqual(CHECK_IDS.map((id, i) => `${i + 1}/${CHECK_IDS.length} ${id}`));
  });

  it('uses a named Ed25519 backend when asked, with the same verdict', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle, TRUST_ROOT, { backend: 'noble' });
    expect(report.verdict).toBe('valid');
    // An unknown backend verifies nothing: every signature fails, nothing is valid.
    const broken = await verify(bundle, TRUST_ROOT, { backend: 'no-such-backend' });
    expect(broken.verdict).toBe('invalid');
    expect(codesOf(broken, 'trust').filter((c) => c === 'SIGNATURE_INVALID').length).toBeGreaterThan(0);
  });
});

describe('verdict unknown-signer', () => {
  it('[R-VERIFY-1] is given when the whole bundle is signed by keys the trust root does not list', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle, trustRootFromKeyring(STRANGER));
    expect(report.verdict).toBe('unknown-signer');
    expect(new Set(codesOf(report, 'trust'))).toEqual(new Set(['KEY_NOT_TRUSTED']));
    expect(checkOf(report, 'trust').issues.length).toBe(2 + bundle.receipts.length + bundle.records.length + bundle.approvals.length + 1);
    expect(report.summary).toMatch(/^Unknown signer/);
  });

  it('is given when only the manifest is signed by an unknown harness key, and says so in trust and manifest', async () => {
    const bundle = await makeBundle();
    reseal(bundle, () => undefined, STRANGER);
    const report = await verify(bundle);
    expect(report.verdict).toBe('unknown-signer');
    expect(failedChecks(report)).toEqual(['trust', 'manifest']);
    expect(codesOf(report, 'trust')).toEqual(['TRUST_ROOT_DEMO_ONLY', 'KEY_NOT_TRUSTED']);
    expect(checkOf(report, 'trust').issues[1]!.evidence[0]).toMatchObject({ pointer: '/manifest' });
    expect(codesOf(report, 'manifest')).toEqual(['SIGNATURE_UNVERIFIED']);
  });

  it('is not given when, besides an untrusted signer, content the trusted parts explain is wrong', async () => {
    const bundle = await makeBundle();
    reseal(bundle, () => undefined, STRANGER);
    bundle.tickets[0]!.after.status = 'deleted';
    const report = await verify(bundle);
    expect(report.verdict).toBe('invalid');
    expect(failedChecks(report)).toContain('tickets');
  });
});

describe('verifyBundle refuses only a caller mistake, with a typed error', () => {
  it('[R-SIG-13] rejects a missing trust root with VERIFY_TRUST_ROOT_MISSING', async () => {
    const bundle = await makeBundle();
    await expect(verifyBundle(bundle, undefined)).rejects.toMatchObject({ code: 'VERIFY_TRUST_ROOT_MISSING' });
    await expect(verifyBundle(bundle, null)).rejects.toMatchObject({ code: 'VERIFY_TRUST_ROOT_MISSING' });
  });

  it('[R-SIG-16] rejects a malformed trust root with TRUST_ROOT_INVALID listing where', async () => {
    const bundle = await makeBundle();
    const bad = { ...structuredClone(TRUST_ROOT), version: 2 };
    await expect(verifyBundle(bundle, bad)).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID', pointer: '/version' });
    await expect(verifyBundle(bundle, '{"mediaType":')).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
  });

  it('rejects malformed options with VERIFY_OPTIONS_INVALID', async () => {
    const bundle = await makeBundle();
    for (const options of [{ maxBytes: 0 }, { maxBytes: 1.5 }, { maxDepth: 5000 }, { now: new Date(Number.NaN) }, { seenTokens: {} }, { onProgress: 3 }]) {
      await expect(verifyBundle(bundle, TRUST_ROOT, options as never)).rejects.toMatchObject({ code: 'VERIFY_OPTIONS_INVALID' });
    }
  });

  it('accepts the trust root as text or bytes too', async () => {
    const bundle = await makeBundle();
    const text = JSON.stringify(TRUST_ROOT);
    expect((await verify(bundleBytes(bundle), text)).verdict).toBe('valid');
    expect((await verify(bundleBytes(bundle), utf8Encode(text))).verdict).toBe('valid');
  });
});
