import { describe, expect, it } from 'vitest';
import { isPlausibleSsn } from '../../../src/dlp/detectors/ssn.js';
import { matches } from '../helpers.js';

describe('pii.ssn', () => {
  it.each([
    ['SSN: $', '212-55-0193'],
    ['my social security number is $.', '212 55 0193'],
    ['Soc. Sec. $', '212.55.0193'],
    ['SSN# $', '212550193'],
    ['Social Security Number:\n$', '212-55-0193'],
    ['número de seguro social: $', '212-55-0193'],
  ])('finds the number after a context word: %s', (template, ssn) => {
    expect(matches('pii.ssn', template.replace('$', ssn))).toEqual([ssn]);
  });

  it.each([
    ['without a context word', 'Case ref 212-55-0193'],
    ['with the context too far back', `SSN ${'x'.repeat(80)} 212-55-0193`],
    ['with the context two lines up', 'SSN\nsee below\n212-55-0193'],
    ['with mixed separators', 'SSN 212-55 0193'],
    ['inside a longer digit run', 'SSN 1212-55-0193'],
    ['glued to letters', 'SSN A212-55-0193'],
  ])('ignores a plausible number %s', (_, text) => {
    expect(matches('pii.ssn', text)).toEqual([]);
  });

  it.each([
    ['area 000', '000-12-3456'],
    ['area 666', '666-12-3456'],
    ['area 9xx (ITINs)', '912-70-3456'],
    ['group 00', '212-00-3456'],
    ['serial 0000', '212-55-0000'],
    ['one digit repeated', '555-55-5555'],
    ['the sample 123-45-6789', '123-45-6789'],
    ['the Woolworth card', '078-05-1120'],
  ])('ignores a number that was never issued: %s', (_, ssn) => {
    expect(isPlausibleSsn(ssn.replace(/-/g, ''))).toBe(false);
    expect(matches('pii.ssn', `SSN ${ssn}`)).toEqual([]);
  });
});
