import { describe, expect, it } from 'vitest';
import { digestOfJson } from '../../../src/core/hash.js';
import type { JsonObject } from '../../../src/core/json.js';
import type { ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { DETECTOR_IDS, DLP_RULESET_VERSION, RULESET_DETECTOR_IDS } from '../../../src/dlp/index.js';
import { checkOf, codesOf, makeBundle, reseal, rewriteReceipts, rewriteRecords, verify } from '../support.js';

const PLANTED_EMAIL = 'jane.roe@example.org';

/** Replaces model view `i` (or its response) and re-signs the receipts and manifest over it: only redaction can object. */
function replaceView(bundle: ProofBundle, i: number, change: (view: JsonObject) => JsonObject): void {
  const entry = bundle.model_views[i]!;
  entry.request.view = change(structuredClone(entry.request.view));
  rewriteReceipts(bundle, (r, n) => {
    if (n === i) r.request_hash = digestOfJson(entry.request);
  });
  reseal(bundle);
}

describe('redaction check', () => {
  it('passes views the runtime redacted, citing the detectors it re-ran', async () => {
    const report = await verify(await makeBundle());
    const check = checkOf(report, 'redaction');
    expect(check).toMatchObject({ status: 'pass', code: 'OK' });
    expect(check.evidence[0]?.note).toContain('pii.email');
  });

  it('[R-BUNDLE-14] [R-VERIFY-5] fails REDACTION_LEAK with the place and detector, never the value, for an email left in a signed view', async () => {
    const bundle = await makeBundle();
    replaceView(bundle, 0, (view) => ({ ...view, subject: `Please write to ${PLANTED_EMAIL}` }));
    const report = await verify(bundle);
    const check = checkOf(report, 'redaction');
    const leak = check.issues.find((i) => i.code === 'REDACTION_LEAK');
    expect(leak?.evidence[0]).toMatchObject({ pointer: '/model_views/0/request/view/subject', note: 'pii.email value 16-36' });
    expect(leak?.message).toContain('pii.email');
    expect(JSON.stringify(check)).not.toContain(PLANTED_EMAIL);
    expect(JSON.stringify(check)).not.toContain('jane.roe');
    // The signed redaction record counted fewer characters than the view now has.
    expect(codesOf(report, 'redaction')).toContain('REDACTION_RECORD_MISMATCH'); // [R-BUNDLE-19]
    expect(codesOf(report, 'model_views')).toEqual([]);
  });

  it('[R-VERIFY-5] finds a secret in a member name of a view, and names its place without spelling the name', async () => {
    const bundle = await makeBundle();
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}123456`;
    // The secret as a member name, and personal data in a value under it.
    replaceView(bundle, 1, (view) => ({ ...view, [`token ${token}`]: { note: `write to ${PLANTED_EMAIL}` } }));
    const report = await verify(bundle);
    const check = checkOf(report, 'redaction');
    const leaks = check.issues.filter((i) => i.code === 'REDACTION_LEAK');
    expect(leaks.map((l) => (l.evidence[0]?.note ?? '').replace(/ \d+-\d+$/, ''))).toEqual(['secret.github name', 'pii.email value']);
    // Both are placed at the view holding the member, by its position among the view's names.
    for (const leak of leaks) {
      expect(leak.evidence[0]?.pointer).toBe('/model_views/1/request/view');
      expect(leak.message).toMatch(/member \d+ of \d+ in document order, whose name is not repeated here/);
    }
    expect(JSON.stringify(report)).not.toContain(token);
    expect(JSON.stringify(report)).not.toContain(PLANTED_EMAIL);
  });

  it('[R-BUNDLE-15] fails REDACTION_LEAK for personal data in a model response (every detector runs on responses)', async () => {
    const bundle = await makeBundle();
    const entry = bundle.model_responses[2]!;
    entry.response = { ...entry.response, rationale: `customer phone +49 30 1234567` };
    rewriteReceipts(bundle, (r, n) => {
      if (n === 2) r.response_hash = digestOfJson(entry.response);
    });
    reseal(bundle);
    const report = await verify(bundle);
    const leak = checkOf(report, 'redaction').issues.find((i) => i.code === 'REDACTION_LEAK');
    expect(leak?.evidence[0]?.pointer).toBe('/model_responses/2/response/rationale');
  });

  it('[R-BUNDLE-14] fails MAX_CHARS_EXCEEDED for a view longer than max_chars_sent_to_model', async () => {
    const bundle = await makeBundle();
    replaceView(bundle, 0, (view) => ({ ...view, subject: 'lorem ipsum '.repeat(600) }));
    const report = await verify(bundle);
    const issue = checkOf(report, 'redaction').issues.find((i) => i.code === 'MAX_CHARS_EXCEEDED');
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/model_views/0/request/view', expected: '<= 6000' });
  });

  it('fails REDACT_FIELD_PRESENT when a field the WPC removes shows in a view (Zendesk seed, requester.phone)', async () => {
    const bundle = await makeBundle({ policy: 'zendesk' });
    replaceView(bundle, 0, (view) => ({ ...view, requester: { ...(view.requester as JsonObject), phone: 'ask the front desk' } }));
    const report = await verify(bundle);
    const issue = checkOf(report, 'redaction').issues.find((i) => i.code === 'REDACT_FIELD_PRESENT');
    expect(issue?.evidence[0]?.pointer).toBe('/model_views/0/request/view/requester/phone');
    expect(issue?.message).toContain('requester.phone');
  });

  it('fails REDACTION_SETTINGS_WEAKER when the job ran with fewer detectors or a larger cap than the WPC requires', async () => {
    const bundle = await makeBundle();
    rewriteRecords(bundle, (r) => {
      if (r.kind !== 'job_start') return;
      const start = r as Extract<RecordPayload, { kind: 'job_start' }>;
      start.redaction.detectors = start.redaction.detectors.filter((d) => d !== 'pii.phone');
      start.redaction.max_chars = 100_000;
    });
    reseal(bundle);
    const report = await verify(bundle);
    const issues = checkOf(report, 'redaction').issues.filter((i) => i.code === 'REDACTION_SETTINGS_WEAKER');
    expect(issues.map((i) => i.evidence[0]?.payloadPointer)).toEqual(['/redaction/detectors', '/redaction/max_chars']);
  });

  it('is skipped, not passed, when the WPC cannot be read', async () => {
    const bundle = await makeBundle();
    bundle.wpc = { ...bundle.wpc, signatures: [{ ...bundle.wpc.signatures[0]!, sig: bundle.receipts[0]!.signatures[0]!.sig }] };
    const report = await verify(bundle);
    expect(checkOf(report, 'redaction').status).toBe('skipped');
    expect(report.verdict).toBe('invalid');
  });
});

describe('redaction check, by the ruleset the job redacted with', () => {
  const OBFUSCATED = 'jane.roe [at] example.org';

  /** The job's recorded ruleset and detector list set to `ruleset`'s, and one view showing an obfuscated e-mail. */
  async function bundleRedactedWith(ruleset: string, detectors: readonly string[]): Promise<ProofBundle> {
    const bundle = await makeBundle();
    replaceView(bundle, 0, (view) => ({ ...view, subject: `Write to ${OBFUSCATED}` }));
    rewriteRecords(bundle, (r: RecordPayload) => {
      if (r.kind === 'job_start') r.redaction = { ...r.redaction, ruleset, detectors: [...detectors] };
    });
    reseal(bundle);
    return bundle;
  }

  it('fails a view that breaks the rules of its own ruleset (REDACTION_LEAK)', async () => {
    const report = await verify(await bundleRedactedWith(DLP_RULESET_VERSION, DETECTOR_IDS));
    expect(codesOf(report, 'redaction')).toContain('REDACTION_LEAK');
  });

  it('only warns (REDACTION_LEAK_NEWER_RULES) when a rule newer than the job\'s ruleset finds it, so old bundles stay valid as far as redaction goes', async () => {
    const report = await verify(await bundleRedactedWith('1', RULESET_DETECTOR_IDS['1']!));
    const check = checkOf(report, 'redaction');
    expect(codesOf(report, 'redaction')).not.toContain('REDACTION_LEAK');
    expect(codesOf(report, 'redaction')).not.toContain('REDACTION_SETTINGS_WEAKER');
    const warning = check.issues.find((i) => i.code === 'REDACTION_LEAK_NEWER_RULES');
    expect(warning?.severity).toBe('warn');
    expect(warning?.message).toMatch(/ruleset 2 finds it; the job redacted with ruleset 1/);
    expect(JSON.stringify(check)).not.toContain('jane.roe');
  });

  it('re-scans a ruleset it does not know with its own rules: findings fail, and it says so (REDACTION_RULESET_UNKNOWN)', async () => {
    const report = await verify(await bundleRedactedWith('99', DETECTOR_IDS));
    const codes = codesOf(report, 'redaction');
    expect(codes).toContain('REDACTION_LEAK');
    expect(checkOf(report, 'redaction').issues.find((i) => i.code === 'REDACTION_RULESET_UNKNOWN')?.severity).toBe('warn');
  });
});
