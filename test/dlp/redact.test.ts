import { describe, expect, it } from 'vitest';
import { isClawproofError } from '../../src/core/errors.js';
import type { DetectorId } from '../../src/dlp/detector-ids.js';
import { redact } from '../../src/dlp/redact.js';
import { scanDocument, viewChars } from '../../src/dlp/scan-document.js';
import type { JsonObject, RedactionConfig } from '../../src/dlp/types.js';
import { ALL, Rng, fake } from './helpers.js';

const r = new Rng(11);
const EVERYTHING: RedactionConfig = { detectors: ALL, redactFields: [] };

function ticket(): JsonObject {
  return {
    subject: 'Refund for card 4111 1111 1111 1111',
    description: 'I am jane.doe@example.com, call +49 30 1234567. Card again: 4111-1111-1111-1111.',
    comments: [{ body: 'Reply from JANE.DOE@example.com' }, { body: 'Other: bob@example.org, +49 30 1234567' }],
    tags: ['billing'],
    requester: { name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+49 30 1234567' },
    custom_fields: [
      { id: 1, value: 'gold' },
      { id: 2, value: null },
    ],
  };
}

function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isClawproofError(e) ? e.code : 'not a ClawproofError';
  }
  return undefined;
}

describe('redact placeholders', () => {
  it('replaces each detection with a typed placeholder and reports where it was', () => {
    const { view, findings } = redact({ note: 'mail a@example.com or call (415) 555-2671' }, EVERYTHING);
    expect(view).toEqual({ note: 'mail [EMAIL_1] or call [PHONE_1]' });
    expect(findings).toEqual([
      { detector: 'pii.email', kind: 'pii', pointer: '/note', start: 5, end: 18, placeholder: '[EMAIL_1]' },
      { detector: 'pii.phone', kind: 'pii', pointer: '/note', start: 27, end: 41, placeholder: '[PHONE_1]' },
    ]);
  });

  it('replaces source text shaped like its own output ([EMAIL_1], [TRUNCATED], [LITERAL_1]) by a [LITERAL_n] placeholder with a finding', () => {
    const { view, findings, truncated } = redact({ note: 'the bot wrote [EMAIL_1] and [TRUNCATED]; see [LITERAL_1], [URGENT] and [EMAIL_1]' }, EVERYTHING);
    expect(view).toEqual({ note: 'the bot wrote [LITERAL_1] and [LITERAL_2]; see [LITERAL_3], [URGENT] and [LITERAL_1]' });
    expect(truncated).toBe(false);
    expect(findings.map((f) => [f.detector, f.kind, f.start, f.end, f.placeholder])).toEqual([
      ['literal', 'literal', 14, 23, '[LITERAL_1]'],
      ['literal', 'literal', 28, 39, '[LITERAL_2]'],
      ['literal', 'literal', 45, 56, '[LITERAL_3]'],
      ['literal', 'literal', 71, 80, '[LITERAL_1]'],
    ]);
    // A brand-new placeholder of a known label can only come from a finding: the view re-scans clean.
    expect(scanDocument(view, ALL)).toEqual([]);
  });

  it('gives the same value the same placeholder everywhere, case and separators aside', () => {
    const { view } = redact(ticket(), EVERYTHING);
    expect(view['subject']).toBe('Refund for card [CARD_1]');
    // comments come first in document order: JANE.DOE@ is EMAIL_1, and jane.doe@ is the same address.
    expect(view['comments']).toEqual([{ body: 'Reply from [EMAIL_1]' }, { body: 'Other: [EMAIL_2], [PHONE_1]' }]);
    expect(view['description']).toBe('I am [EMAIL_1], call [PHONE_1]. Card again: [CARD_1].');
    expect(view['requester']).toEqual({ name: 'Jane Doe', email: '[EMAIL_1]', phone: '[PHONE_1]' });
  });

  it('numbers by first appearance in document order: member names sorted, array items by index', () => {
    const a = redact({ z: 'x@example.com', a: 'y@example.com', m: ['w@example.com', 'v@example.com'] }, EVERYTHING);
    expect(a.view).toEqual({ z: '[EMAIL_4]', a: '[EMAIL_1]', m: ['[EMAIL_2]', '[EMAIL_3]'] });
    // The same document with members in another order gives the same view and findings.
    const b = redact({ m: ['w@example.com', 'v@example.com'], a: 'y@example.com', z: 'x@example.com' }, EVERYTHING);
    expect(b.findings).toEqual(a.findings);
    expect(JSON.stringify(Object.entries(b.view).sort())).toBe(JSON.stringify(Object.entries(a.view).sort()));
  });

  it('numbers each placeholder type separately', () => {
    const aws = fake.awsKeyId(r);
    const { view } = redact({ t: `a@example.com ${aws} b@example.com password: Xy9!abcd` }, EVERYTHING);
    expect(view['t']).toBe('[EMAIL_1] [AWS_KEY_1] [EMAIL_2] password: [SECRET_1]');
  });

  it.each([
    ['secret.aws', (): string => fake.awsKeyId(r), 'AWS_KEY'],
    ['secret.github', (): string => fake.github(r), 'GITHUB_TOKEN'],
    ['secret.slack', (): string => fake.slack(r), 'SLACK_TOKEN'],
    ['secret.stripe', (): string => fake.stripe(r), 'STRIPE_KEY'],
    ['secret.private_key', (): string => fake.pem(r, 'EC PRIVATE KEY'), 'PRIVATE_KEY'],
    ['secret.jwt', (): string => fake.jwt(r), 'JWT'],
    ['pii.iban', (): string => 'GB29 NWBK 6016 1331 9268 19', 'IBAN'],
  ] as const)('labels %s placeholders %s', (detector, make, label) => {
    const { view, findings } = redact({ t: `x ${make()} y` }, { detectors: [detector], redactFields: [] });
    expect(view['t']).toBe(`x [${label}_1] y`);
    expect(findings.map((f) => f.detector)).toEqual([detector]);
  });

  it('only runs the configured detectors', () => {
    const { view } = redact({ t: 'a@example.com 4111111111111111' }, { detectors: ['pii.card'], redactFields: [] });
    expect(view['t']).toBe('a@example.com [CARD_1]');
  });
});

describe('redact redactFields', () => {
  it('replaces whole fields, including objects, with numbered REDACTED_FIELD placeholders', () => {
    const { view, findings } = redact(ticket(), {
      detectors: ['pii.card'],
      redactFields: ['requester.email', 'requester.phone', 'custom_fields.*'],
    });
    expect(view['requester']).toEqual({ name: 'Jane Doe', email: '[REDACTED_FIELD_3]', phone: '[REDACTED_FIELD_4]' });
    expect(view['custom_fields']).toEqual(['[REDACTED_FIELD_1]', '[REDACTED_FIELD_2]']);
    const fields = findings.filter((f) => f.kind === 'field');
    expect(fields).toEqual([
      { detector: 'field', kind: 'field', pointer: '/custom_fields/0', start: 0, end: 0, placeholder: '[REDACTED_FIELD_1]' },
      { detector: 'field', kind: 'field', pointer: '/custom_fields/1', start: 0, end: 0, placeholder: '[REDACTED_FIELD_2]' },
      { detector: 'field', kind: 'field', pointer: '/requester/email', start: 0, end: 20, placeholder: '[REDACTED_FIELD_3]' },
      { detector: 'field', kind: 'field', pointer: '/requester/phone', start: 0, end: 14, placeholder: '[REDACTED_FIELD_4]' },
    ]);
  });

  it('gives equal field values one placeholder', () => {
    const { view } = redact({ a: { x: 'same' }, b: { x: 'same' }, c: { x: 'other' } }, { detectors: [], redactFields: ['*.x'] });
    expect(view).toEqual({ a: { x: '[REDACTED_FIELD_1]' }, b: { x: '[REDACTED_FIELD_1]' }, c: { x: '[REDACTED_FIELD_2]' } });
  });

  it('reaches array items without a wildcard and by index', () => {
    const doc = { comments: [{ body: 'one', author: 'a' }, { body: 'two', author: 'b' }] };
    expect(redact(doc, { detectors: [], redactFields: ['comments.body'] }).view).toEqual({
      comments: [{ body: '[REDACTED_FIELD_1]', author: 'a' }, { body: '[REDACTED_FIELD_2]', author: 'b' }],
    });
    expect(redact(doc, { detectors: [], redactFields: ['comments.1.author'] }).view).toEqual({
      comments: [{ body: 'one', author: 'a' }, { body: 'two', author: '[REDACTED_FIELD_1]' }],
    });
  });

  it('ignores paths that lead nowhere in this document', () => {
    const doc = { subject: 'hello', requester: { name: 'Jo' } };
    const out = redact(doc, { detectors: [], redactFields: ['requester.email', 'cc.*', 'subject.x', 'requester.name.first'] });
    expect(out.view).toEqual(doc);
    expect(out.findings).toEqual([]);
  });

  it('redacts the outer field when paths nest, and does not scan inside it', () => {
    const out = redact({ requester: { email: 'a@example.com' } }, { detectors: ['pii.email'], redactFields: ['requester', 'requester.email'] });
    expect(out.view).toEqual({ requester: '[REDACTED_FIELD_1]' });
    expect(out.findings).toHaveLength(1);
  });
});

describe('redact safety', () => {
  it('never puts a detected value, or a finding that contains it, in the output', () => {
    const planted = [fake.github(r), fake.stripe(r), fake.awsKeyId(r), fake.jwt(r), 'jane.doe@example.com', '4111 1111 1111 1111', 'GB29 NWBK 6016 1331 9268 19', '+49 30 1234567'];
    const doc: JsonObject = { body: planted.join(' | '), nested: { list: planted.map((p) => `value: ${p}`) } };
    const out = redact(doc, EVERYTHING);
    const viewJson = JSON.stringify(out.view);
    for (const p of planted) {
      expect(viewJson).not.toContain(p);
      for (const f of out.findings) expect(JSON.stringify(f)).not.toContain(p);
      // Not even a separator-free spelling of it.
      const compact = p.replace(/[\s-]/g, '');
      for (const f of out.findings) expect(JSON.stringify(f)).not.toContain(compact);
    }
    expect(scanDocument(out.view, ALL)).toEqual([]);
  });

  it('keeps the document shape and does not modify the input', () => {
    const doc = ticket();
    const before = JSON.stringify(doc);
    const { view } = redact(doc, { detectors: ALL, redactFields: ['requester.email'] });
    expect(JSON.stringify(doc)).toBe(before);
    expect(Object.keys(view)).toEqual(Object.keys(doc));
    expect((view['custom_fields'] as JsonObject[])[0]).toEqual({ id: 1, value: 'gold' });
  });

  it('keeps a member named __proto__ as a member', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": "a@example.com"}, "ok": "x"}') as JsonObject;
    const { view } = redact(doc, EVERYTHING);
    expect(Object.keys(view)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(JSON.stringify(view)).toBe('{"__proto__":{"polluted":"[EMAIL_1]"},"ok":"x"}');
  });

  it('keeps non-English text intact around the placeholders', () => {
    const doc = {
      de: 'Grüße aus Köln! Rufen Sie mich unter 0221 1234567 an. Straße, Maß, Ärger.',
      es: 'Señor Muñoz: mi correo es muñoz@ejemplo.es, ¿me ayudan? Añadí 2 artículos.',
      ja: '山田太郎です。メール taro@example.jp、電話 03-1234-5678 までご連絡ください。',
    };
    const { view } = redact(doc, EVERYTHING);
    expect(view).toEqual({
      de: 'Grüße aus Köln! Rufen Sie mich unter [PHONE_1] an. Straße, Maß, Ärger.',
      es: 'Señor Muñoz: mi correo es [EMAIL_1], ¿me ayudan? Añadí 2 artículos.',
      ja: '山田太郎です。メール [EMAIL_2]、電話 [PHONE_2] までご連絡ください。',
    });
  });

  it('refuses a member name that holds PII: it cannot be redacted without changing the shape', () => {
    expect(errorCode(() => redact({ 'jane@example.com': 'x' }, EVERYTHING))).toBe('DLP_MEMBER_NAME_SENSITIVE');
    // ... unless that detector is not configured.
    expect(redact({ 'jane@example.com': 'x' }, { detectors: ['pii.card'], redactFields: [] }).view).toEqual({ 'jane@example.com': 'x' });
  });

  it.each([
    ['a non-object document', () => redact([] as never, EVERYTHING), 'DLP_INPUT_INVALID'],
    ['a non-finite number', () => redact({ a: Number.NaN }, EVERYTHING), 'DLP_INPUT_INVALID'],
    ['an undefined member', () => redact({ a: undefined } as never, EVERYTHING), 'DLP_INPUT_INVALID'],
    ['a class instance', () => redact({ a: new Date(0) } as never, EVERYTHING), 'DLP_INPUT_INVALID'],
    ['an array hole', () => redact({ a: [1, , 3] } as never, EVERYTHING), 'DLP_INPUT_INVALID'],
    ['a cycle', () => { const a: Record<string, unknown> = {}; a['self'] = a; return redact(a as never, EVERYTHING); }, 'DLP_INPUT_INVALID'],
    ['a shared subtree', () => { const s = { x: 'y' }; return redact({ a: s, b: s }, EVERYTHING); }, 'DLP_INPUT_INVALID'],
    ['too deep nesting', () => { let d: JsonObject = { v: 'x' }; for (let i = 0; i < 70; i++) d = { d }; return redact(d, EVERYTHING); }, 'DLP_INPUT_INVALID'],
    ['an unknown detector', () => redact({}, { detectors: ['pii.passport' as DetectorId], redactFields: [] }), 'DLP_CONFIG_INVALID'],
    ['missing redactFields', () => redact({}, { detectors: ALL } as never), 'DLP_CONFIG_INVALID'],
    ['a negative maxChars', () => redact({}, { ...EVERYTHING, maxChars: -1 }), 'DLP_CONFIG_INVALID'],
    ['a fractional maxChars', () => redact({}, { ...EVERYTHING, maxChars: 1.5 }), 'DLP_CONFIG_INVALID'],
    ['a null config', () => redact({}, null as never), 'DLP_CONFIG_INVALID'],
  ])('rejects %s with a stable code', (_, f, code) => {
    expect(errorCode(f)).toBe(code);
  });

  it('reports chars equal to the characters of all strings in the view', () => {
    const out = redact(ticket(), { detectors: ALL, redactFields: ['custom_fields.*'] });
    expect(out.chars).toBe(viewChars(out.view));
    expect(out.truncated).toBe(false);
  });
});
