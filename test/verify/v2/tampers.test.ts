/**
 * A v2 file changed after the fact: every raw edit breaks a tree head or a line signature, and
 * every edit a single key's holder re-seals is caught by the check that re-derives what it lies
 * about (docs/design/format-v2.md, "What keeps each v1 property").
 */
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../src/core/canonical.js';
import type { JsonObject } from '../../../src/core/json.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { signLinePayload } from '../../../src/format/v2/sign-line.js';
import { SIGNERS, lineObject, realRun } from '../../format/v2/support.js';
import { failingCodes, lineIndex, objects, resealHarness, resealProxy, verifyLines, bytesOf, type Lines } from './support.js';

async function honest(): Promise<Lines> {
  return [...(await realRun()).encoded.lines];
}

const isRecord = (t: string) => (o: JsonObject) => o['t'] === t;

describe('a v2 file edited without any key', () => {
  it('a record line changed in place fails the harness tree head, and no record is read', async () => {
    // [R-V2-9] records are read only under a harness head that holds.
    const lines = await honest();
    const at = lineIndex(lines, (o) => o['t'] === 'decision' && o['outcome'] === 'allow');
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, rule: 'forged' });
    const report = await verifyLines(lines);
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['manifest']).toEqual(['TREE_HEAD_MISMATCH']);
    expect(report.causes[0]!.code).toBe('TREE_HEAD_MISMATCH');
    expect(report.summary).toMatch(/harness tree head/);
  });

  it('a ticket entry changed in place fails the harness tree head', async () => {
    const lines = await honest();
    const at = lineIndex(lines, isRecord('ticket'));
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, after: { ...(o['after'] as JsonObject), status: 'closed' } });
    const report = await verifyLines(lines);
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['manifest']).toContain('TREE_HEAD_MISMATCH');
  });

  it('a record dropped from the middle is refused at the next record, by its seq', async () => {
    const lines = await honest();
    const at = lineIndex(lines, isRecord('intake'), 10);
    lines.splice(at, 1);
    const report = await verifyLines(lines);
    expect(report.verdict).toBe('invalid');
    const structure = report.checks.find((c) => c.id === 'structure')!;
    expect(structure.code).toBe('SEQ_OUT_OF_ORDER');
    expect(structure.issues[0]!.evidence[0]!.note).toBe(`line ${at + 1}`);
    expect(report.checks.filter((c) => c.status === 'skipped')).toHaveLength(14);
    expect(report.summary).toMatch(new RegExp(`^Invalid: .*line ${at + 1}: an? \\w+ record has seq`));
  });

  it('a line added after the tree heads is refused', async () => {
    const lines = await honest();
    lines.push(lines[3]!);
    const report = await verifyLines(lines);
    expect(report.checks[0]!.code).toBe('LINE_AFTER_TREE_HEADS');
    expect(report.verdict).toBe('invalid');
  });

  it('a validly signed harness head of another file fails: it is over a different set of lines', async () => {
    const lines = await honest();
    const other = resealHarness(
      lines.filter((l, i) => i !== lineIndex(lines, isRecord('view'))),
      SIGNERS.harness,
    );
    lines[lines.length - 1] = other[other.length - 1]!;
    const report = await verifyLines(lines);
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['manifest']).toEqual(['TREE_SIZE_MISMATCH']);
  });

  it('a receipt changed in its line, its old signature kept, fails that signature and the proxy head', async () => {
    const lines = await honest();
    const at = lineIndex(lines, isRecord('receipt'));
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, payload: { ...(o['payload'] as JsonObject), model: 'other-model' } });
    const sealed = resealHarness(lines, SIGNERS.harness);
    const report = await verifyLines(sealed);
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['receipts']).toEqual(expect.arrayContaining(['SIGNATURE_INVALID', 'TREE_HEAD_MISMATCH']));
  });
});

describe('a v2 file re-sealed by the harness alone', () => {
  it('the untouched file re-sealed verifies valid (the forgeries below fail for what they change, not for the re-seal)', async () => {
    const report = await verifyLines(resealHarness(await honest(), SIGNERS.harness));
    expect(report.verdict).toBe('valid');
  });

  it('a receipt dropped (the last one) is caught by the proxy tree head: the harness cannot re-sign it', async () => {
    const lines = await honest();
    let at = -1;
    lines.forEach((l, i) => {
      if (lineObject(l)['t'] === 'receipt') at = i;
    });
    lines.splice(at, 1);
    const report = await verifyLines(resealHarness(lines, SIGNERS.harness));
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['receipts']).toContain('TREE_SIZE_MISMATCH');
  });

  it('a receipt the harness signs itself is not read: its key is no proxy key of the trust root', async () => {
    const objs = objects(await honest());
    const header = objs[0]!;
    const keys = header['keys'] as Record<string, string[]>;
    keys['proxy'] = [...keys['proxy']!, SIGNERS.harness.keyid];
    const at = objs.findIndex((o) => o['t'] === 'receipt');
    const payload = { ...(objs[at]!['payload'] as JsonObject), model: 'other-model' };
    objs[at] = { t: 'receipt', payload, sig: signLinePayload(PAYLOAD_TYPES.receipt, payload, SIGNERS.harness, 1) };
    const report = await verifyLines(resealHarness(bytesOf(objs), SIGNERS.harness));
    expect(report.verdict).not.toBe('valid');
    expect(failingCodes(report)['receipts']).toEqual(expect.arrayContaining(['SIGNATURE_UNVERIFIED', 'TREE_HEAD_MISMATCH']));
  });

  it('a header that names the harness key for the proxy role makes no receipt pass under the harness key', async () => {
    // [R-V2-11] keys come from the trust root by keyid and role, never from the header.
    const objs = objects(await honest());
    const keys = (objs[0]!['keys'] as Record<string, string[]>);
    keys['proxy'] = [SIGNERS.harness.keyid];
    const report = await verifyLines(resealHarness(bytesOf(objs), SIGNERS.harness));
    expect(report.verdict).not.toBe('valid');
    expect(failingCodes(report)['receipts']).toContain('SIGNATURE_UNVERIFIED');
  });

  it('an approval dropped is caught by the approvals check', async () => {
    const lines = await honest();
    lines.splice(lineIndex(lines, isRecord('approval')), 1);
    const report = await verifyLines(resealHarness(lines, SIGNERS.harness));
    expect(report.verdict).toBe('invalid');
    expect(Object.keys(failingCodes(report))).toContain('approvals');
  });

  it('a denied decision rewritten as allowed and applied is caught by re-evaluation', async () => {
    const lines = await honest();
    const at = lineIndex(lines, (o) => o['t'] === 'decision' && o['phase'] === 'apply' && o['applied'] === true);
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, outcome: 'deny', applied: false, code: 'DENIED_BY_RULE' });
    const report = await verifyLines(resealHarness(lines, SIGNERS.harness));
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['decisions']).toBeDefined();
  });

  it("a ticket's after-state edited is caught by the tickets check", async () => {
    const lines = await honest();
    const at = lineIndex(lines, isRecord('ticket'));
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, after: { ...(o['after'] as JsonObject), priority: 'urgent' } });
    const report = await verifyLines(resealHarness(lines, SIGNERS.harness));
    expect(report.verdict).toBe('invalid');
    expect(Object.keys(failingCodes(report))).toContain('tickets');
  });

  it('a model response edited is caught by its receipt hash', async () => {
    const lines = await honest();
    const at = lineIndex(lines, isRecord('response'));
    const o = lineObject(lines[at]!);
    lines[at] = canonicalBytes({ ...o, response: { ...(o['response'] as JsonObject), forged: true } });
    const report = await verifyLines(resealHarness(lines, SIGNERS.harness));
    expect(report.verdict).toBe('invalid');
    expect(Object.keys(failingCodes(report))).toContain('model_views');
  });
});

describe('a v2 file re-sealed by the proxy alone', () => {
  it('two receipts swapped, re-numbered, re-signed and the proxy head re-sealed break the harness head, which covers every line', async () => {
    const objs = objects(await honest());
    const first = objs.findIndex((o) => o['t'] === 'receipt');
    const second = objs.findIndex((o, i) => i > first && o['t'] === 'receipt');
    const resign = (o: JsonObject, seq: number): JsonObject => {
      const payload = { ...(o['payload'] as JsonObject), seq };
      return { t: 'receipt', payload, sig: signLinePayload(PAYLOAD_TYPES.receipt, payload, SIGNERS.proxy) };
    };
    const [a, b] = [objs[first]!, objs[second]!];
    objs[first] = resign(b, (a['payload'] as JsonObject)['seq'] as number);
    objs[second] = resign(a, (b['payload'] as JsonObject)['seq'] as number);
    const report = await verifyLines(resealProxy(bytesOf(objs), SIGNERS.proxy));
    expect(report.verdict).toBe('invalid');
    expect(failingCodes(report)['manifest']).toEqual(['TREE_HEAD_MISMATCH']);
    // The receipts' own times now run backwards too; the broken seal is what the summary leads with.
    expect(report.causes[0]!.code).toBe('TREE_HEAD_MISMATCH');
  });
});
