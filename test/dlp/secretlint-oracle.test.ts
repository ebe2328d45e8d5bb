/**
 * secretlint (the recommended preset) as an independent oracle: on texts full of secrets, every
 * span it reports for a format both tools cover must also be found by scanText. It is not used
 * at run time (async only, and its preset bundle imports node:path; see
 * docs/formats-parts/50-redaction.md), only here, in Node.
 */
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/dlp/scan-text.js';
import { ALL, Rng, fake } from './helpers.js';

async function secretlintRanges(text: string): Promise<{ rule: string; start: number; end: number }[]> {
  const result = await lintSource({
    source: { content: text, contentType: 'text', filePath: 'ticket.txt', ext: '.txt' },
    options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] }, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({ rule: m.ruleId.replace('@secretlint/secretlint-rule-', ''), start: m.range[0], end: m.range[1] }));
}

describe('secretlint oracle', () => {
  it('every secret secretlint reports is covered by scanText', async () => {
    const r = new Rng(99);
    for (let round = 0; round < 10; round++) {
      const secrets = [
        fake.github(r),
        fake.slack(r),
        fake.slackWebhook(r),
        fake.pem(r, 'RSA PRIVATE KEY', 5),
        `aws_secret_access_key = ${fake.awsSecret(r)}`,
      ];
      const text = `Ticket ${round}: ${secrets.join('\nand also ')}\nThanks, Jane`;
      const ours = scanText(text, ALL);
      const theirs = await secretlintRanges(text);
      expect(theirs.length, text).toBeGreaterThanOrEqual(3);
      for (const t of theirs) {
        const overlapping = ours.filter((o) => o.start < t.end && o.end > t.start);
        expect(overlapping.length, `${t.rule} ${JSON.stringify(text.slice(t.start, t.end))}`).toBeGreaterThan(0);
        // secretlint's AWS range starts at the variable name; ours is the value. Others must be inside ours.
        if (t.rule !== 'aws') expect(overlapping.some((o) => o.start <= t.start && o.end >= t.end)).toBe(true);
      }
    }
  });
});
