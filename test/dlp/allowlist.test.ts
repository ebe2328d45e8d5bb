import { describe, expect, it } from 'vitest';
import { isDocumentedExample } from '../../src/dlp/allowlist.js';

describe("documented example keys", () => {
  it("are AWS's example key ids and secret keys, alone or with sentence punctuation", () => {
    for (const v of ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE.', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY,']) {
      expect(isDocumentedExample(v), v).toBe(true);
    }
  });

  it('are nothing else: other keys, longer spans and look-alikes stay reportable', () => {
    for (const v of ['AKIAIOSFODNN7EXAMPLF', 'XAKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLEKEY', 'password: AKIAIOSFODNN7EXAMPLE', 'EXAMPLE', '']) {
      expect(isDocumentedExample(v), v).toBe(false);
    }
  });
});
