import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle, RedactionRecord } from '../../../src/core/bundle/types.js';
import { checkRedaction } from '../../../src/verify/checks/redaction.js';
import { contextOf, editRecords, failCodes, run, sampleTickets } from '../diff/bundles.js';
import { verify } from '../support.js';

let bundle: ProofBundle; // sample tickets with e-mails and phone numbers: findings in every record

beforeAll(async () => {
  bundle = await run();
});

const findingCodes = async (edited: ProofBundle) =>
  failCodes(checkRedaction(await contextOf(edited))).filter((c) => c === 'REDACTION_FINDING_MISMATCH' || c === 'REDACTION_TRUNCATION_MISMATCH');

function editFirstRedaction(edit: (r: RedactionRecord) => void): ProofBundle {
  let done = false;
  return editRecords(bundle, (r) => {
    if (!done && r.kind === 'redaction' && r.findings.length > 1) {
      done = true;
      edit(r);
    }
  });
}

describe("a ticket's redaction record agrees with the view it describes", () => {
  it('holds for what the runtime redacted', async () => {
    expect(failCodes(checkRedaction(await contextOf(bundle)))).toEqual([]);
  });

  it('fails a finding removed from the record: a placeholder of the view is then unaccounted for', async () => {
    const edited = editFirstRedaction((r) => r.findings.splice(-1, 1));
    const result = checkRedaction(await contextOf(edited));
    expect(await findingCodes(edited)).toContain('REDACTION_FINDING_MISMATCH');
    expect(result.issues.find((i) => i.code === 'REDACTION_FINDING_MISMATCH')!.message).toMatch(/which no finding of the redaction record accounts for: what was redacted there is hidden$/);
  });

  it('fails a finding moved to another place, relabelled, or of another kind', async () => {
    expect(await findingCodes(editFirstRedaction((r) => (r.findings[0]!.start += 1)))).toContain('REDACTION_FINDING_MISMATCH');
    expect(await findingCodes(editFirstRedaction((r) => (r.findings[0]!.detector = 'pii.iban')))).toContain('REDACTION_FINDING_MISMATCH');
    expect(await findingCodes(editFirstRedaction((r) => (r.findings[0]!.kind = 'secret')))).toContain('REDACTION_FINDING_MISMATCH');
    expect(await findingCodes(editFirstRedaction((r) => (r.findings[0]!.pointer = '/nowhere')))).toContain('REDACTION_FINDING_MISMATCH');
  });

  it('fails a truncated flag that the view contradicts (REDACTION_TRUNCATION_MISMATCH)', async () => {
    expect(await findingCodes(editFirstRedaction((r) => (r.truncated = !r.truncated)))).toEqual(['REDACTION_TRUNCATION_MISMATCH']);
  });

  it('is not fooled by a customer who typed placeholders: they become [LITERAL_n] with findings, and the bundle verifies valid', async () => {
    const [ticket] = sampleTickets(1);
    const typed = { ...ticket!, description: `${ticket!.description}\n\nBot said: [EMAIL_1] [PHONE_2] [TRUNCATED] [REDACTED_FIELD_1]` };
    const made = await run({ tickets: [typed] });
    expect(JSON.stringify(made.model_views[0]!.request.view)).toMatch(/Bot said: \[LITERAL_1\] \[LITERAL_2\] \[LITERAL_3\] \[LITERAL_4\]/);
    const report = await verify(made);
    expect(report.verdict).toBe('valid');
  });
});
