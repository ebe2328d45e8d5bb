import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../../src/ui/lib/report-export.js';
import { leadOf } from '../../../src/ui/lib/report-lead.js';
import { countSentence } from '../../../src/ui/lib/report-words.js';
import { fixtureReport } from './support.js';

const rowOrder = (html: string) => [...html.matchAll(/<tr class="(\w+)" data-check="(\w+)">/g)].map((m) => [m[1], m[2]]);

describe('the printable page', () => {
  it('lists the checks failures first, in the view\'s words', async () => {
    const report = await fixtureReport('tampered/receipt-removed.clawproof');
    const rows = rowOrder(reportHtml(report, 'receipt-removed.clawproof'));
    expect(rows).toHaveLength(report.checks.length);
    const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(rows.slice(0, failing.length)).toEqual(failing.map((id) => ['fail', id]));
    expect(reportHtml(report, null)).toContain('<td class="status">Failed</td>');
  });

  it('leads with the same sentence and counts as the banner', async () => {
    const report = await fixtureReport('tampered/signed-by-unknown-key.clawproof');
    const html = reportHtml(report, null);
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html).toContain(esc(leadOf(report).sentence));
    expect(html).toContain(esc(countSentence(report.checks, report.verdict)));
    expect(html).toContain('<td class="status">Not checked</td>');
  });
});
