import { describe, expect, it } from 'vitest';
import type { Cause, Report } from '../../../src/verify/report.js';
import { leadOf } from '../../../src/ui/lib/report-lead.js';
import { verdictWords } from '../../../src/ui/lib/report-facts.js';
import { fixtureReport } from './support.js';

describe('the banner\'s lead sentence', () => {
  it('for a valid bundle says what a pass covers, and points at no check', async () => {
    const report = await fixtureReport('tiny-example.clawproof');
    expect(leadOf(report)).toEqual({ sentence: verdictWords('valid').lead, check: null, fromCause: false });
  });

  it('is the report\'s first root cause when it has one', async () => {
    const report = await fixtureReport('tampered/receipt-removed.clawproof');
    const receipts = report.checks.find((c) => c.id === 'receipts')!;
    const cause: Cause = {
      sentence: 'A sentence made from the report’s own codes and pointers.',
      check: 'receipts',
      issue: 0,
      code: receipts.issues[0]!.code,
      message: receipts.issues[0]!.message,
      pointers: [],
      consequences: [],
    };
    const withCause: Report = { ...report, causes: [cause, { ...cause, sentence: 'a second cause' }] };
    expect(leadOf(withCause)).toMatchObject({ sentence: cause.sentence, fromCause: true, check: 'receipts' });
  });

  it('without causes, is the first failing check\'s own message (failures first)', async () => {
    const report = { ...(await fixtureReport('tampered/receipt-removed.clawproof')), causes: [] };
    const lead = leadOf(report);
    const receipts = report.checks.find((c) => c.id === 'receipts')!;
    expect(lead).toEqual({ sentence: `${receipts.title}: ${receipts.message}`, check: 'receipts', fromCause: false });
  });

  it('for an unknown signer starts with the check that could not be made', async () => {
    const report = await fixtureReport('tampered/signed-by-unknown-key.clawproof');
    const lead = leadOf(report);
    expect(lead.check).toBe('trust');
    expect(lead.sentence).toBe(report.causes[0]?.sentence ?? `${report.checks[1]!.title}: ${report.checks[1]!.message}`);
  });
});
