/**
 * The worked examples in docs/formats-parts/50-redaction.md are computed by this code: if either
 * changes, this test fails until the spec is regenerated.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/dlp/redact.js';
import { scanDocument } from '../../src/dlp/scan-document.js';
import type { JsonObject, RedactionConfig } from '../../src/dlp/types.js';

const SPEC = readFileSync(resolve(import.meta.dirname, '../../docs/formats-parts/50-redaction.md'), 'utf8');

function block(tag: string): unknown {
  const m = new RegExp('```json ' + tag + '\\n([\\s\\S]*?)\\n```').exec(SPEC);
  if (m === null) throw new Error(`no \`\`\`json ${tag} block in the spec`);
  return JSON.parse(m[1]!);
}

describe('spec worked examples', () => {
  it('example-input with example-config gives example-output', () => {
    const config = block('example-config') as RedactionConfig;
    const out = redact(block('example-input') as JsonObject, config);
    expect(out).toEqual(block('example-output'));
    expect(scanDocument(out.view, config.detectors)).toEqual([]);
  });

  it('the truncation example gives its output', () => {
    const out = redact(block('example-truncation-input') as JsonObject, {
      detectors: ['pii.phone', 'pii.card'],
      redactFields: [],
      maxChars: 40,
    });
    expect(out).toEqual(block('example-truncation-output'));
  });
});
