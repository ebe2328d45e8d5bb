import { describe, expect, it } from 'vitest';
import { KEYED_RULES, keyedSpans } from '../../../src/dlp/detectors/vendor-keyed.js';
import { HEX, Rng } from '../helpers.js';

const r = new Rng(26);
const found = (rule: keyof typeof KEYED_RULES, text: string) => keyedSpans(KEYED_RULES[rule], text).map((s) => text.slice(s.start, s.end));

describe('vendor keys known by their assignment', () => {
  it('need the vendor and a key word in the name, and the vendor shape in the value', () => {
    const key = r.chars(HEX, 32);
    expect(found('datadog', `DD_API_KEY=${key}`)).toEqual([key]);
    expect(found('datadog', `datadog_app_key: "${r.chars(HEX, 8)}${key}"`)).toHaveLength(1);
    expect(found('datadog', `DD_SITE=${key}`)).toEqual([]);
    expect(found('datadog', `API_KEY=${key}`)).toEqual([]);
    expect(found('datadog', `DD_API_KEY=${key}x`)).toEqual([]);
    expect(found('twilio', `TWILIO_AUTH_TOKEN=${key}`)).toEqual([key]);
    expect(found('mailgun', `MAILGUN_SIGNING_KEY=${key}`)).toEqual([key]);
  });

  it('take a UUID only under a Heroku name', () => {
    const uuid = '9b2f6c1e-4d3a-4b8e-9f1c-2a7d5e8b0c3f';
    expect(found('heroku', `HEROKU_API_KEY=${uuid}`)).toEqual([uuid]);
    expect(found('heroku', `Idempotency-Key: ${uuid}`)).toEqual([]);
  });
});
