import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, PLACEHOLDER_LABELS, FIELD_PLACEHOLDER_LABEL } from '../../src/dlp/detector-ids.js';
import { TRUNCATION_MARKER } from '../../src/dlp/placeholders.js';
import { scanText } from '../../src/dlp/scan-text.js';
import { isClawproofError } from '../../src/core/errors.js';
import { BENIGN_TEXTS } from './corpus.js';
import { ALL, Rng, fake, found } from './helpers.js';
import { adversarialInputs } from './redaction-corpus/adversarial.js';

const r = new Rng(10);

describe('scanText', () => {
  it.each(BENIGN_TEXTS.map((t, i) => [i, t] as const))('finds nothing in ordinary support text #%i', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('returns sorted, non-overlapping UTF-16 spans', () => {
    const text = `Ich heiße Zoë 😀 und meine Mail ist zoë@exämple.de, Tel. +49 30 1234567, Karte 4111 1111 1111 1111.`;
    const out = scanText(text, ALL);
    expect(out.map((f) => [f.detector, text.slice(f.start, f.end)])).toEqual([
      ['pii.email', 'zoë@exämple.de'],
      ['pii.phone', '+49 30 1234567'],
      ['pii.card', '4111 1111 1111 1111'],
    ]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });

  it('runs only the detectors asked for', () => {
    const text = 'mail a@example.com, card 4111111111111111';
    expect(found(text, ['pii.card'])).toEqual([['pii.card', '4111111111111111']]);
    expect(found(text, [])).toEqual([]);
  });

  it('names a merged span after its most specific member', () => {
    const key = fake.stripe(r);
    expect(found(`token=${key}!x9`)).toEqual([['secret.stripe', `${key}!x9`]]);
    const jwt = fake.jwt(r);
    expect(found(`access_token: ${jwt}`)).toEqual([['secret.jwt', jwt]]);
  });

  it('never detects a placeholder or the truncation marker, in any context', () => {
    const labels = [...Object.values(PLACEHOLDER_LABELS), FIELD_PLACEHOLDER_LABEL];
    const contexts = ['$', 'password: $', '"password": "$"', 'token=$', 'Tel: $', 'mailto:$', '$$', '$ $ $', '($)', '$@example.com'];
    for (const label of labels) {
      for (const n of [1, 9, 12, 4111111, 41111111111111]) {
        const p = `[${label}_${n}]`;
        for (const ctx of contexts) expect(found(ctx.replaceAll('$', p)), ctx.replaceAll('$', p)).toEqual([]);
      }
    }
    expect(found(`password: ${TRUNCATION_MARKER}`)).toEqual([]);
  });

  it('catches PII inside German, Spanish and Japanese sentences', () => {
    expect(found('Bitte rufen Sie mich unter 0151 23456789 an oder schreiben Sie an jürgen.groß@beispiel.de.')).toEqual([
      ['pii.phone', '0151 23456789'],
      ['pii.email', 'jürgen.groß@beispiel.de'],
    ]);
    expect(found('Mi teléfono es +34 612 34 56 78 y mi IBAN es ES91 2100 0418 4502 0005 1332, gracias.')).toEqual([
      ['pii.phone', '+34 612 34 56 78'],
      ['pii.iban', 'ES91 2100 0418 4502 0005 1332'],
    ]);
    expect(found('電話番号は090-1234-5678、メールはhanako@example.co.jpです。カード4111111111111111で支払いました。')).toEqual([
      ['pii.phone', '090-1234-5678'],
      ['pii.email', 'hanako@example.co.jp'],
      ['pii.card', '4111111111111111'],
    ]);
  });

  it('rejects unknown detector ids and non-string text with stable codes', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isClawproofError(e) ? e.code : 'not a ClawproofError';
      }
      return undefined;
    };
    expect(code(() => scanText('x', ['pii.passport' as never]))).toBe('DLP_CONFIG_INVALID');
    expect(code(() => scanText('x', 'pii.email' as never))).toBe('DLP_CONFIG_INVALID');
    expect(code(() => scanText(42 as never, DETECTOR_IDS))).toBe('DLP_INPUT_INVALID');
  });

  it('stays linear on pathological input (no catastrophic backtracking): a hang guard, not a speed target', () => {
    const inputs = ['1 '.repeat(20000), '1-'.repeat(20000), 'a@'.repeat(20000), `x@${'a.'.repeat(20000)}`, '(1) '.repeat(10000), 'key= '.repeat(10000), 'DE89 '.repeat(8000), `${'a'.repeat(50000)}@example.com`];
    for (const text of inputs) {
      const t0 = performance.now();
      scanText(text, ALL);
      expect(performance.now() - t0, text.slice(0, 12)).toBeLessThan(1000);
    }
  });

  it.each(adversarialInputs(100_000).map((i) => [i.name, i.text] as const))(
    'stays linear on 100 KB of %s: a hang guard (the bench times 1 MB against 0.5 s)',
    (_, text) => {
      // A quadratic detector takes tens of seconds here; a linear one takes tens of milliseconds.
      let best = Infinity;
      for (let i = 0; i < 2 && best > 2000; i++) {
        const t0 = performance.now();
        scanText(text, ALL);
        best = Math.min(best, performance.now() - t0);
      }
      expect(best).toBeLessThan(2000);
    },
  );
});
