import { describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/bytes.js';
import { verifySignatureSync } from '../../../src/core/ed25519/index.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { ReceiptPayload } from '../../../src/core/bundle/types.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import {
  KEYRING,
  STRANGER,
  TRUST_ROOT,
  checkOf,
  codesOf,
  edited,
  makeBundle,
  paeOf,
  payloadOf,
  resignedWithTorsionR,
  trustRootWith,
  verify,
  withSPlusL,
  withSignature,
} from '../support.js';

describe('trust check', () => {
  it('warns TRUST_ROOT_DEMO_ONLY for a demo root, and passes the same keys in a root not marked demo', async () => {
    const bundle = await makeBundle();
    const demo = await verify(bundle);
    expect(checkOf(demo, 'trust')).toMatchObject({ status: 'warn', code: 'TRUST_ROOT_DEMO_ONLY' });
    const { demoOnly: _, ...own } = structuredClone(TRUST_ROOT);
    const report = await verify(bundle, own);
    expect(checkOf(report, 'trust')).toMatchObject({ status: 'pass', code: 'OK' });
    expect(report.trustRoot.demoOnly).toBe(false);
    const roles = checkOf(report, 'trust').evidence.map((e) => e.note);
    expect(roles).toEqual(expect.arrayContaining(['role controls', 'role scope', 'role proxy', 'role harness', 'role approver']));
  });

  it('[R-SIG-6] [R-SIG-13] [R-VERIFY-1] [R-BUNDLE-3] fails a receipt edited and re-signed with a key outside the trust root: KEY_NOT_TRUSTED, its content unread', async () => {
    const bundle = await makeBundle();
    bundle.receipts[1] = edited<ReceiptPayload>(bundle.receipts[1]!, 'receipt', 'proxy', (r) => {
      r.model = 'gpt-unknown';
    }, STRANGER);
    const report = await verify(bundle);
    const issue = checkOf(report, 'trust').issues.find((i) => i.code === 'KEY_NOT_TRUSTED');
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/receipts/1', keyid: signerFor(STRANGER, 'proxy').keyid });
    expect(issue?.message).toContain('does not list');
    expect(codesOf(report, 'receipts')).toContain('SIGNATURE_UNVERIFIED');
    expect(report.verdict).not.toBe('valid');
  });

  it('fails a part signed by a trusted key of another role (receipts signed by the harness key): role confusion', async () => {
    const bundle = await makeBundle();
    bundle.receipts[0] = edited<ReceiptPayload>(bundle.receipts[0]!, 'receipt', 'harness', () => undefined);
    const report = await verify(bundle);
    const issue = checkOf(report, 'trust').issues.find((i) => i.code === 'KEY_NOT_TRUSTED');
    expect(issue?.message).toContain('lists only for role harness, not for proxy');
  });

  it('[R-BUNDLE-3] [R-VERIFY-4] fails KEY_OUTSIDE_VALIDITY when the proxy key became valid only after the receipts were signed', async () => {
    const bundle = await makeBundle();
    const shifted = trustRootWith((k) => {
      if (k.role === 'proxy') k.validFrom = '2026-02-01T00:00:00Z';
    });
    const report = await verify(bundle, shifted);
    const issues = checkOf(report, 'trust').issues.filter((i) => i.severity === 'fail');
    expect(issues.length).toBe(bundle.receipts.length);
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['KEY_OUTSIDE_VALIDITY']));
    expect(issues[0]?.evidence[0]).toMatchObject({ pointer: '/receipts/0', actual: payloadOf<ReceiptPayload>(bundle.receipts[0]!).at });
    expect(report.verdict).toBe('invalid');
  });

  it('fails KEY_OUTSIDE_VALIDITY for a harness key that expired before the run', async () => {
    const bundle = await makeBundle();
    const expired = trustRootWith((k) => {
      if (k.role === 'harness') k.validUntil = '2026-01-01T00:00:00Z';
    });
    const report = await verify(bundle, expired);
    const pointers = checkOf(report, 'trust').issues.filter((i) => i.code === 'KEY_OUTSIDE_VALIDITY').map((i) => i.evidence[0]?.pointer);
    expect(pointers).toEqual([...bundle.records.map((_, i) => `/records/${i}`), '/manifest']);
  });

  it('judges every key at options.now when given', async () => {
    const bundle = await makeBundle();
    const later = await verify(bundle, TRUST_ROOT, { now: new Date('2032-01-01T00:00:00Z') });
    const codes = new Set(codesOf(later, 'trust').filter((c) => c !== 'TRUST_ROOT_DEMO_ONLY'));
    expect(codes).toEqual(new Set(['KEY_OUTSIDE_VALIDITY']));
  });

  describe('malleated signatures never verify', () => {
    it('[R-EDDSA-1] rejects a receipt signature with S replaced by S + L', async () => {
      const bundle = await makeBundle();
      const sig = base64Decode(bundle.receipts[0]!.signatures[0]!.sig);
      const malleated = withSPlusL(sig);
      // S + L satisfies the same equation as S; only the S < L rule tells them apart.
      expect(verifySignatureSync(signerFor(KEYRING, 'proxy').publicKey, paeOf(bundle.receipts[0]!), sig)).toBe(true);
      expect(verifySignatureSync(signerFor(KEYRING, 'proxy').publicKey, paeOf(bundle.receipts[0]!), malleated)).toBe(false);
      bundle.receipts[0] = withSignature(bundle.receipts[0]!, malleated);
      const report = await verify(bundle);
      expect(checkOf(report, 'trust').issues.find((i) => i.code === 'SIGNATURE_INVALID')?.evidence[0]?.pointer).toBe('/receipts/0');
      expect(codesOf(report, 'receipts')).toContain('SIGNATURE_INVALID');
    });

    it('[R-EDDSA-2] rejects a manifest signature whose R carries a point of order 8 (valid only under the cofactored equation)', async () => {
      const bundle = await makeBundle();
      const harness = signerFor(KEYRING, 'harness');
      const message = paeOf(bundle.manifest);
      const sig = resignedWithTorsionR(harness.secretKey, message);
      // A lenient (ZIP 215, cofactored) verifier accepts this signature; the strict rule does not.
      expect(ed25519.verify(sig, message, harness.publicKey, { zip215: true })).toBe(true);
      expect(verifySignatureSync(harness.publicKey, message, sig)).toBe(false);
      bundle.manifest = withSignature(bundle.manifest, sig);
      const report = await verify(bundle);
      expect(codesOf(report, 'manifest')).toEqual(['SIGNATURE_INVALID']);
      expect(checkOf(report, 'trust').issues.find((i) => i.code === 'SIGNATURE_INVALID')?.evidence[0]?.pointer).toBe('/manifest');
      expect(report.verdict).toBe('invalid');
    });
  });
});
