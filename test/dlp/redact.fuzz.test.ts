/**
 * Fuzz-style properties over seeded random documents: planted secrets and PII inside random
 * text (mixed scripts, digits, brackets, quotes, placeholder look-alikes) are always redacted,
 * findings never carry them, views always re-scan clean, maxChars always holds.
 */
import { describe, expect, it } from 'vitest';
import { ibanLength } from '../../src/dlp/iban-check.js';
import { redact } from '../../src/dlp/redact.js';
import { scanDocument } from '../../src/dlp/scan-document.js';
import { scanText } from '../../src/dlp/scan-text.js';
import type { Finding, JsonObject, JsonValue } from '../../src/dlp/types.js';
import { ALL, Rng, fake, groupBy4 } from './helpers.js';
import { gen } from './redaction-corpus/values.js';

/** DLP_FUZZ_SCALE=100 npx vitest run test/dlp/redact.fuzz.test.ts for a long soak run. */
const SCALE = Math.max(1, Number(process.env['DLP_FUZZ_SCALE'] ?? 1) || 1);

const FILLER =
  'abcxyzABCXYZ0123456789    äöüßñéÁ日本語のテキストです😀.,;:!?-_/+=@#$%&*()[]{}<>"\'`~|\n' + '[EMAIL_1][SECRET_2]';

const PLANTS: readonly ((r: Rng) => string)[] = [
  (r) => fake.awsKeyId(r, r.pick(['AKIA', 'ASIA'])),
  (r) => `aws_secret_access_key = ${fake.awsSecret(r)}`,
  (r) => fake.github(r, r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const)),
  (r) => fake.githubFineGrained(r),
  (r) => fake.slack(r, r.pick(['xoxb', 'xoxp', 'xoxa', 'xoxr'] as const)),
  (r) => fake.slackApp(r),
  (r) => fake.slackWebhook(r),
  (r) => fake.stripe(r, r.pick(['sk', 'rk'] as const), r.pick(['live', 'test'] as const)),
  (r) => fake.pem(r, r.pick(['RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']), 1 + r.int(5)),
  (r) => fake.jwt(r),
  // Distinct characters, so the value clears the entropy bar by construction.
  (r) => `password: ${distinct(r, 'abcdefXYZ0189!$%', 10)}`,
  (r) => `api_key=${distinct(r, 'abcdef0123456789', 16)}${r.chars('abcdef0123456789', 8)}`,
  (r) => `${r.chars('abcdefghij', 6)}.${r.chars('klmnop', 4)}@example.${r.pick(['com', 'de', 'co.jp'])}`,
  (r) => r.pick(['+49 30 ', '+1 (415) ', '+44 20 ', '+81 3-']) + r.chars('123456789', 4) + '-' + r.chars('0123456789', 4),
  (r) => `${r.pick(['030', '089', '0151'])} ${r.chars('123456789', 7)}`,
  (r) => {
    const pan = fake.card(r, r.pick(['4', '51', '2221', '6011', '3530']), 16);
    return r.next() < 0.5 ? pan : groupBy4(pan, r.pick([' ', '-']));
  },
  // Ruleset 2's families.
  (r) => gen.googleKey(r),
  (r) => gen.openai(r, r.int(5)),
  (r) => gen.anthropic(r, r.int(3)),
  (r) => gen.gitlab(r, r.int(5)),
  (r) => gen.npm(r),
  (r) => gen.sendgrid(r),
  (r) => gen.age(r),
  (r) => `SSN ${gen.ssn(r)}`,
  (r) => `pw: ${distinct(r, 'abcdefXYZ0189!$%', 10)}`,
  (r) => `redis://:${distinct(r, 'abcdefXYZ0189!$%', 10)}@cache:6379`,
  (r) => `${r.chars('abcdefghij', 6)} [at] example [dot] ${r.pick(['com', 'de', 'org'])}`,
  (r) => {
    const country = r.pick(['DE', 'FR', 'GB', 'NO', 'MT']);
    const iban = fake.iban(country, r.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ibanLength(country)! - 4));
    return r.next() < 0.5 ? iban : groupBy4(iban);
  },
];

function distinct(r: Rng, alphabet: string, n: number): string {
  const pool = [...alphabet];
  let out = '';
  for (let i = 0; i < n; i++) out += pool.splice(r.int(pool.length), 1)[0];
  return out;
}

/** Separators no detector crosses, so a planted value is found whatever the filler holds. */
const SEPARATORS = [' | ', '\n| ', ' |\n'];

function plantedText(r: Rng): { text: string; planted: string[] } {
  const planted: string[] = [];
  let text = r.chars(FILLER, r.int(40));
  for (let k = 1 + r.int(3); k > 0; k--) {
    const p = r.pick(PLANTS)(r);
    planted.push(p);
    text += r.pick(SEPARATORS) + p + r.pick(SEPARATORS) + r.chars(FILLER, r.int(40));
  }
  return { text, planted };
}

/** The sensitive part of a planted string: for assignments, the value after the name. */
function secretPart(p: string): string {
  const m = /^(?:aws_secret_access_key = |password: |api_key=|SSN |pw: |redis:\/\/:)(.*?)(?:@cache:6379)?$/s.exec(p);
  return m ? m[1]! : p;
}

function strings(v: JsonValue, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

function at(doc: JsonValue, pointer: string): JsonValue | undefined {
  let v: JsonValue | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = Array.isArray(v) ? v[Number(key)] : v !== null && typeof v === 'object' ? v[key] : undefined;
  }
  return v;
}

describe('redaction fuzz', () => {
  it('scanText covers every planted value in random text', () => {
    const r = new Rng(20240305);
    for (let i = 0; i < 400 * SCALE; i++) {
      const { text, planted } = plantedText(r);
      const spans = scanText(text, ALL);
      for (const p of planted) {
        const secret = secretPart(p);
        const start = text.indexOf(secret);
        const covered = spans.some((s) => s.start <= start && s.end >= start + secret.length);
        expect(covered, `${JSON.stringify(secret)} in ${JSON.stringify(text)}`).toBe(true);
      }
    }
  });

  it('redact never lets a planted value or a detection through, with or without maxChars', () => {
    const r = new Rng(42);
    for (let i = 0; i < 250 * SCALE; i++) {
      const parts = [plantedText(r), plantedText(r), plantedText(r)];
      const doc: JsonObject = { subject: parts[0]!.text, comments: [{ body: parts[1]!.text }], custom: { [`f${i}`]: parts[2]!.text } };
      const maxChars = r.next() < 0.5 ? undefined : r.int(600);
      const out = redact(doc, { detectors: ALL, redactFields: [], ...(maxChars === undefined ? {} : { maxChars }) });
      const viewStrings = strings(out.view);
      const findingsJson = JSON.stringify(out.findings);
      for (const p of parts.flatMap((x) => x.planted)) {
        const secret = secretPart(p);
        for (const s of viewStrings) expect(s.includes(secret), `${secret} leaked into ${s}`).toBe(false);
        expect(findingsJson.includes(secret)).toBe(false);
      }
      expect(scanDocument(out.view, ALL)).toEqual([]);
      if (maxChars !== undefined) expect(out.chars).toBeLessThanOrEqual(maxChars);
      for (const f of out.findings) checkFinding(doc, f);
    }
  });

  it('views re-scan clean however secrets, placeholders and filler are glued together', () => {
    const r = new Rng(7);
    for (let i = 0; i < 250 * SCALE; i++) {
      let text = '';
      for (let k = r.int(8); k >= 0; k--) {
        text += r.next() < 0.5 ? r.pick(PLANTS)(r) : r.chars(FILLER + '0123456789'.repeat(3), r.int(12));
      }
      const out = redact({ t: text }, { detectors: ALL, redactFields: [], ...(r.next() < 0.3 ? { maxChars: r.int(200) } : {}) });
      expect(scanDocument(out.view, ALL), JSON.stringify(text)).toEqual([]);
    }
  });
});

function checkFinding(doc: JsonObject, f: Finding): void {
  const target = at(doc, f.pointer);
  expect(typeof target).toBe('string');
  const s = target as string;
  expect(f.start).toBeGreaterThanOrEqual(0);
  expect(f.end).toBeGreaterThan(f.start);
  expect(f.end).toBeLessThanOrEqual(s.length);
  expect(f.placeholder).toMatch(/^\[[A-Z_]+_[1-9][0-9]*\]$/);
}
