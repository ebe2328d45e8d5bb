import { describe, expect, it } from 'vitest';
import { base64Decode, utf8Decode, utf8Encode } from '../../../src/core/bytes.js';
import { canonicalJson } from '../../../src/core/canonical.js';
import type { RecordPayload } from '../../../src/core/bundle/types.js';
import { MAX_RECORDS } from '../../../src/format/limits.js';
import { checkOf, codesOf, edited, failedChecks, makeBundle, reseal, rewriteReceipts, signRawPayload, verify } from '../support.js';

describe('structure check', () => {
  it('passes a bundle the runtime wrote', async () => {
    const report = await verify(await makeBundle());
    expect(checkOf(report, 'structure')).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('fails an unknown media type with MEDIA_TYPE_UNKNOWN and an unsupported version with VERSION_UNSUPPORTED', async () => {
    const bundle = await makeBundle();
    const report = await verify({ ...bundle, mediaType: 'application/vnd.clawproof.bundle+json; v=2', version: 2 });
    expect(codesOf(report, 'structure').slice(0, 2)).toEqual(['MEDIA_TYPE_UNKNOWN', 'VERSION_UNSUPPORTED']);
    expect(checkOf(report, 'structure').code).toBe('MEDIA_TYPE_UNKNOWN');
    // The signed manifest names the real type and version: it fails too.
    expect(codesOf(report, 'manifest')).toEqual(['MANIFEST_MEDIA_TYPE_MISMATCH', 'MANIFEST_VERSION_MISMATCH']);
    expect(report.verdict).toBe('invalid');
  });

  it('fails a version of the wrong type as VERSION_UNSUPPORTED', async () => {
    const report = await verify({ ...(await makeBundle()), version: '1' });
    expect(checkOf(report, 'structure').code).toBe('VERSION_UNSUPPORTED');
  });

  it('[R-BUNDLE-1] [R-BUNDLE-6] [R-VERIFY-2] fails unknown members at every level with UNKNOWN_FIELD and their pointers', async () => {
    const bundle = (await makeBundle()) as unknown as Record<string, unknown> & { tickets: Record<string, unknown>[]; model_views: { request: Record<string, unknown> }[] };
    bundle.extra = 1;
    bundle.tickets[0]!.note = 'x';
    bundle.model_views[0]!.request.temperature = 0;
    const report = await verify(bundle);
    const issues = checkOf(report, 'structure').issues.filter((i) => i.code === 'UNKNOWN_FIELD');
    expect(issues.map((i) => i.evidence[0]?.pointer)).toEqual(['/extra', '/model_views/0/request/temperature', '/tickets/0/note']);
  });

  it('[R-BUNDLE-6] [R-VERIFY-2] fails wrong types and missing members with WRONG_TYPE and FIELD_MISSING at their pointers', async () => {
    const bundle = await makeBundle();
    const raw = bundle as unknown as Record<string, unknown> & { tickets: Record<string, unknown>[] };
    raw.tickets[1]!.ticket_id = '10002';
    delete raw.tickets[2]!.content_hash;
    (raw.tickets[0]!.before as Record<string, unknown>).tags = 'web';
    const report = await verify(raw);
    const found = checkOf(report, 'structure').issues.map((i) => [i.code, i.evidence[0]?.pointer]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['WRONG_TYPE', '/tickets/0/before/tags'],
        ['WRONG_TYPE', '/tickets/1/ticket_id'],
        ['FIELD_MISSING', '/tickets/2/content_hash'],
      ]),
    );
  });

  it('fails a list that is not an array, and a missing member, and still runs every other check', async () => {
    const bundle = (await makeBundle()) as unknown as Record<string, unknown>;
    bundle.approvals = {};
    delete bundle.model_responses;
    const report = await verify(bundle);
    const found = checkOf(report, 'structure').issues.map((i) => [i.code, i.evidence[0]?.pointer]);
    expect(found).toEqual(expect.arrayContaining([['FIELD_MISSING', '/model_responses'], ['WRONG_TYPE', '/approvals']]));
    expect(report.checks.filter((c) => c.status === 'skipped').map((c) => c.id)).toEqual([]);
    expect(checkOf(report, 'receipts').status).toBe('pass');
    expect(checkOf(report, 'model_views').code).toBe('MODEL_RESPONSE_MISSING');
  });

  it('caps list lengths: a records list over its cap is ARRAY_TOO_LONG and is not walked', async () => {
    const bundle = await makeBundle();
    // Bytes, spliced as text: the list is parsed once, as any file's would be (no value walk, no re-serialising).
    const text = JSON.stringify({ ...bundle, records: 'RECORDS' }).replace('"RECORDS"', `[${'0,'.repeat(MAX_RECORDS)}0]`);
    const totals = new Set<number>();
    const report = await verify(utf8Encode(text), undefined, { onPartsChecked: (_done, total) => totals.add(total) });
    expect(checkOf(report, 'structure').issues.some((i) => i.code === 'ARRAY_TOO_LONG' && i.evidence[0]?.pointer === '/records')).toBe(true);
    // Not walked: none of its two million entries (a 0, never an envelope) is read as one, and the
    // signed parts counted are the WPC, CST, manifest, receipts and approvals only.
    expect(report.checks.flatMap((c) => c.issues).filter((i) => i.code === 'ENVELOPE_MALFORMED')).toEqual([]);
    expect([...totals]).toEqual([3 + bundle.receipts.length + bundle.approvals.length]);
    expect(report.verdict).toBe('invalid');
  });

  it('[R-ENC-7] [R-SIG-3] fails an envelope whose payload is not strict base64 with ENVELOPE_MALFORMED at the payload', async () => {
    const bundle = await makeBundle();
    bundle.receipts[1] = { ...bundle.receipts[1]!, payload: bundle.receipts[1]!.payload.replace(/=*$/, '') + '-_' };
    const report = await verify(bundle);
    const issue = checkOf(report, 'structure').issues.find((i) => i.code === 'ENVELOPE_MALFORMED');
    expect(issue?.evidence[0]?.pointer).toBe('/receipts/1/payload');
    expect(codesOf(report, 'receipts')).toContain('ENVELOPE_MALFORMED');
    expect(codesOf(report, 'trust')).toContain('SIGNATURE_MISSING');
  });

  it('fails a signature that is not 64 bytes of base64, and an envelope with a second signature', async () => {
    const bundle = await makeBundle();
    bundle.receipts[0] = { ...bundle.receipts[0]!, signatures: [{ keyid: bundle.receipts[0]!.signatures[0]!.keyid, sig: 'AAAA' }] };
    const second = bundle.records[0]!.signatures[0]!;
    bundle.records[0] = { ...bundle.records[0]!, signatures: [second, { keyid: 'sha256:' + '0'.repeat(64), sig: second.sig }] };
    const report = await verify(bundle);
    const found = checkOf(report, 'structure').issues.map((i) => [i.code, i.evidence[0]?.pointer]);
    expect(found).toEqual(expect.arrayContaining([['ENVELOPE_MALFORMED', '/receipts/0/signatures/0/sig'], ['SIGNATURE_COUNT_INVALID', '/records/0/signatures']]));
  });

  it('[R-SIG-5] [R-BUNDLE-5] fails an envelope of the wrong payload type (a record placed among receipts) and never reads it as a receipt', async () => {
    const bundle = await makeBundle();
    bundle.receipts[0] = bundle.records[1]!;
    const report = await verify(bundle);
    expect(codesOf(report, 'structure')).toContain('PAYLOAD_TYPE_MISMATCH');
    expect(codesOf(report, 'receipts')).toContain('PAYLOAD_TYPE_MISMATCH');
  });

  it('[R-BUNDLE-4] fails a duplicate member inside a signed payload, even under a valid signature: PAYLOAD_DUPLICATE_KEY', async () => {
    const bundle = await makeBundle();
    const text = utf8Decode(base64Decode(bundle.receipts[0]!.payload));
    // Two readers could take either value of seq: signed bytes must have one reading.
    const doubled = text.replace('"seq":0', '"seq":0,"seq":5');
    bundle.receipts[0] = signRawPayload('receipt', 'proxy', utf8Encode(doubled));
    const report = await verify(bundle);
    const issue = checkOf(report, 'structure').issues.find((i) => i.code === 'PAYLOAD_DUPLICATE_KEY');
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/receipts/0/payload' });
    expect(codesOf(report, 'trust')).toEqual(['TRUST_ROOT_DEMO_ONLY']); // the signature itself is fine
    expect(codesOf(report, 'receipts')).toContain('PAYLOAD_DUPLICATE_KEY');
  });

  it('[R-BUNDLE-4] [R-VERIFY-3] fails a signed payload that is JSON but not its RFC 8785 form with PAYLOAD_NOT_CANONICAL', async () => {
    const bundle = await makeBundle();
    const payload = JSON.parse(utf8Decode(base64Decode(bundle.records[0]!.payload))) as Record<string, unknown>;
    bundle.records[0] = signRawPayload('record', 'harness', utf8Encode(JSON.stringify(payload, null, 1)));
    const report = await verify(bundle);
    expect(codesOf(report, 'structure')).toContain('PAYLOAD_NOT_CANONICAL');
  });

  it('fails signed payloads of the wrong shape with pointers into the payload, and the receipt checks still run', async () => {
    const bundle = await makeBundle();
    bundle.records[2] = edited<RecordPayload & Record<string, unknown>>(bundle.records[2]!, 'record', 'harness', (r) => {
      r.surprise = true;
      r.seq = -1;
    });
    bundle.records[3] = edited<RecordPayload>(bundle.records[3]!, 'record', 'harness', (r) => {
      (r as { kind: string }).kind = 'teleport';
    });
    const report = await verify(bundle);
    const found = checkOf(report, 'structure').issues.map((i) => [i.code, i.evidence[0]?.pointer, i.evidence[0]?.payloadPointer]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['VALUE_OUT_OF_RANGE', '/records/2', '/seq'],
        ['UNKNOWN_FIELD', '/records/2', '/surprise'],
        ['RECORD_KIND_UNKNOWN', '/records/3', '/kind'],
      ]),
    );
    expect(checkOf(report, 'receipts').status).toBe('pass');
    expect(checkOf(report, 'model_views').status).toBe('pass');
  });

  it('fails a receipt payload of an unknown payload version', async () => {
    const bundle = await makeBundle();
    rewriteReceipts(bundle, (r, i) => {
      if (i === 0) (r as { v: number }).v = 2;
    });
    reseal(bundle);
    const report = await verify(bundle);
    const issue = checkOf(report, 'structure').issues.find((i) => i.code === 'VERSION_UNSUPPORTED');
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/receipts/0', payloadPointer: '/v' });
  });

  it('[R-ENC-15] fails timestamps, digests and ids that are not in their one accepted spelling', async () => {
    const bundle = await makeBundle();
    rewriteReceipts(bundle, (r, i) => {
      if (i === 0) r.at = r.at.replace(/\.\d{3}Z$/, 'Z');
      if (i === 1) r.request_hash = r.request_hash.toUpperCase() as typeof r.request_hash;
      if (i === 2) r.receipt_id = 'rct 1';
    });
    reseal(bundle);
    const report = await verify(bundle);
    const found = checkOf(report, 'structure').issues.map((i) => [i.code, i.evidence[0]?.pointer, i.evidence[0]?.payloadPointer]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['TIMESTAMP_INVALID', '/receipts/0', '/at'],
        ['DIGEST_INVALID', '/receipts/1', '/request_hash'],
        ['ID_INVALID', '/receipts/2', '/receipt_id'],
      ]),
    );
  });

  it('reads a WPC that is a signed JSON array as WPC_INVALID', async () => {
    const bundle = await makeBundle();
    bundle.wpc = signRawPayload('wpc', 'controls', utf8Encode(canonicalJson([1])));
    const report = await verify(bundle);
    expect(codesOf(report, 'structure')).toContain('WPC_INVALID');
    expect(failedChecks(report)).toContain('wpc');
  });
});
