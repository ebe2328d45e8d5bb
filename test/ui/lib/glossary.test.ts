import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryPieces } from '../../../src/ui/lib/glossary.js';

const terms = (text: string) => glossaryPieces(text).flatMap((p) => (p.kind === 'term' ? [`${p.term}:${p.text}`] : []));

describe('glossary words in a sentence', () => {
  it('marks WPC, CST, receipt and manifest, plural and capitalised forms included', () => {
    expect(terms('The WPC pins the CST; Receipts chain and the manifests count them.')).toEqual(['WPC:WPC', 'CST:CST', 'receipt:Receipts', 'manifest:manifests']);
  });

  it('marks a term once per sentence and never inside an identifier or a pointer', () => {
    expect(terms('receipt 5, receipt 6 and /receipts/3 and rct_receipt')).toEqual(['receipt:receipt']);
    expect(terms('at /manifest/payload')).toEqual([]);
  });

  it('keeps every character of the sentence', () => {
    const text = 'The manifest is signed by a trusted harness key and commits to 17 receipts.';
    expect(glossaryPieces(text).map((p) => p.text).join('')).toBe(text);
  });

  it('explains every term it marks', () => {
    for (const definition of Object.values(GLOSSARY)) expect(definition.length).toBeGreaterThan(40);
  });
});
