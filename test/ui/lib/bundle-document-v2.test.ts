import { describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/bytes.js';
import { parseStrictJson } from '../../../src/core/json.js';
import { BundleDocument } from '../../../src/ui/lib/bundle-document.js';
import { realRun } from '../../format/v2/support.js';

describe('BundleDocument of a v2 file', () => {
  it("resolves the verifier's pointers to the same payloads as in the v1 document of the run, and ids to their lines", async () => {
    const { bundle, encoded } = await realRun();
    const v1 = BundleDocument.fromBytes(new TextEncoder().encode(JSON.stringify(bundle)))!;
    const v2 = BundleDocument.fromBytes(encoded.bytes)!;
    expect(v2).not.toBeNull();
    expect(v2.resolve('/cst')).toEqual(v1.resolve('/cst'));
    expect(v2.resolve('/wpc')).toEqual(v1.resolve('/wpc'));
    const receipt = parseStrictJson(base64Decode(bundle.receipts[3]!.payload)) as Record<string, unknown>;
    expect(v2.resolve('/receipts/3/receipt_id').value).toBe(receipt['receipt_id']);
    expect(v2.resolve('/receipts/3/payload').kind).toBe('missing');
    const record = parseStrictJson(base64Decode(bundle.records[9]!.payload)) as Record<string, unknown>;
    expect(v2.resolve('/records/9/record_id').value).toBe(record['record_id']);
    expect(v2.resolve('/records/9/kind').value).toBe(record['kind']);
    expect(v2.pointerOf('record', record['record_id'] as string)).toBe('/records/9');
    expect(v2.pointerOf('receipt', receipt['receipt_id'] as string)).toBe('/receipts/3');
    expect(v2.modelViews(bundle.tickets[0]!.ticket_id)).toEqual(v1.modelViews(bundle.tickets[0]!.ticket_id));
    expect(v2.resolve('/manifest/service').value).toBe('harness');
  });
});
