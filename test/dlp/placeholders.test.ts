import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SHAPE, TRUNCATION_MARKER, formatPlaceholder, identityKey, placeholderLabel } from '../../src/dlp/placeholders.js';

describe('placeholders', () => {
  it('are [LABEL_n], with REDACTED_FIELD for whole fields', () => {
    expect(formatPlaceholder(placeholderLabel('pii.email'), 3)).toBe('[EMAIL_3]');
    expect(formatPlaceholder(placeholderLabel('secret.aws'), 1)).toBe('[AWS_KEY_1]');
    expect(formatPlaceholder(placeholderLabel('field'), 12)).toBe('[REDACTED_FIELD_12]');
  });

  it('share one bracketed shape with the truncation marker', () => {
    expect(PLACEHOLDER_SHAPE.test('[SECRET_1]')).toBe(true);
    expect(PLACEHOLDER_SHAPE.test(TRUNCATION_MARKER)).toBe(true);
    expect(PLACEHOLDER_SHAPE.test('[secret]')).toBe(false);
    expect(PLACEHOLDER_SHAPE.test('Pa[ss]word')).toBe(false);
  });

  it('treat spellings of one email, phone, card or IBAN as the same value, and secrets exactly', () => {
    expect(identityKey('pii.email', 'Jane.Doe@Example.com')).toBe(identityKey('pii.email', 'jane.doe@example.com'));
    expect(identityKey('pii.phone', '+49 30 1234567')).toBe(identityKey('pii.phone', '+49-30-1234567'));
    expect(identityKey('pii.phone', '+49 30 1234567')).not.toBe(identityKey('pii.phone', '030 1234567'));
    expect(identityKey('pii.card', '4111 1111 1111 1111')).toBe(identityKey('pii.card', '4111-1111-1111-1111'));
    expect(identityKey('pii.iban', 'gb29 nwbk 6016 1331 9268 19')).toBe(identityKey('pii.iban', 'GB29NWBK60161331926819'));
    expect(identityKey('secret.generic', 'Hunter2x')).not.toBe(identityKey('secret.generic', 'hunter2x'));
    expect(identityKey('pii.email', 'Jane.Doe [at] Example [dot] com')).toBe(identityKey('pii.email', 'jane.doe@example.com'));
    expect(identityKey('pii.iban', 'DE89-3704-0044-0532-0130-00')).toBe(identityKey('pii.iban', 'DE89370400440532013000'));
    expect(identityKey('pii.ssn', '212 55 0193')).toBe(identityKey('pii.ssn', '212-55-0193'));
  });
});
