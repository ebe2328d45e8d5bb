import { describe, expect, it } from 'vitest';
import { NaiveBayes, naiveBayesParamsProblem, trainNaiveBayes } from '../../../src/runtime/models/naive-bayes.js';

const examples = [
  { tokens: ['invoice', 'charged', 'twice'], category: 'billing' },
  { tokens: ['invoice', 'vat'], category: 'billing' },
  { tokens: ['parcel', 'delivery', 'late'], category: 'shipping' },
  { tokens: ['parcel', 'tracking', 'tracking'], category: 'shipping' },
  { tokens: ['parcel', 'invoice'], category: 'shipping' },
];

describe('trainNaiveBayes', () => {
  it('counts each token once per document, per category, over a sorted vocabulary', () => {
    const p = trainNaiveBayes(examples, ['billing', 'shipping', 'security']);
    expect(p.doc_counts).toEqual([2, 3, 0]);
    expect(p.vocabulary).toEqual(['charged', 'delivery', 'invoice', 'late', 'parcel', 'tracking', 'twice', 'vat']);
    expect(p.counts[p.vocabulary.indexOf('invoice')]).toEqual([2, 1, 0]);
    expect(p.counts[p.vocabulary.indexOf('tracking')]).toEqual([0, 1, 0]);
  });

  it('drops terms below minDocs', () => {
    const p = trainNaiveBayes(examples, ['billing', 'shipping'], { minDocs: 2 });
    expect(p.vocabulary).toEqual(['invoice', 'parcel']);
  });

  it('refuses an example of a category it was not given', () => {
    expect(() => trainNaiveBayes([{ tokens: ['x'], category: 'other' }], ['billing', 'shipping'])).toThrow(/unknown category/);
  });
});

describe('NaiveBayes', () => {
  const nb = new NaiveBayes(trainNaiveBayes(examples, ['billing', 'shipping', 'security']));

  it('predicts the category whose terms the text holds', () => {
    expect(nb.categories[nb.predict(['invoice', 'vat']).best]).toBe('billing');
    expect(nb.categories[nb.predict(['tracking', 'late']).best]).toBe('shipping');
  });

  it('falls back to the prior for unknown tokens and reports which tokens it knew', () => {
    const prediction = nb.predict(['zebra', 'parcel', 'parcel']);
    expect(prediction.known).toEqual(['parcel']);
    expect(nb.categories[nb.predict(['zebra']).best]).toBe('shipping'); // the larger class
  });

  it('matches the multinomial formula with Lidstone smoothing', () => {
    const alpha = 0.1;
    const v = 8;
    // billing: 2 docs of 5 (+1 of 3 categories smoothing); token totals: billing 5
    const expected = Math.log(3 / 8) + Math.log((2 + alpha) / (5 + alpha * v)) + Math.log((1 + alpha) / (5 + alpha * v));
    expect(nb.predict(['invoice', 'vat']).scores[0]).toBeCloseTo(expected, 12);
    expect(nb.unseenLogProbability(0)).toBeCloseTo(Math.log(alpha / (5 + alpha * v)), 12);
  });

  it('ranks evidence by how much a term favours the category', () => {
    const evidence = nb.evidence(['invoice', 'vat', 'parcel'], 0).map((e) => e.term);
    expect(evidence[evidence.length - 1]).toBe('parcel');
  });

  it('gives a category absent from training a finite score', () => {
    expect(Number.isFinite(nb.predict(['invoice']).scores[2])).toBe(true);
  });
});

describe('naiveBayesParamsProblem', () => {
  const good = trainNaiveBayes(examples, ['billing', 'shipping']);
  it('accepts trained parameters', () => {
    expect(naiveBayesParamsProblem(good)).toBeNull();
  });

  it.each([
    [{ format: 'other' }, /format/],
    [{ tokenizer: 'x' }, /tokenizer/],
    [{ alpha: 0 }, /alpha/],
    [{ alpha: Number.NaN }, /alpha/],
    [{ categories: ['only'] }, /categories/],
    [{ categories: ['a', 'a'] }, /distinct/],
    [{ doc_counts: [1] }, /doc_counts/],
    [{ doc_counts: [-1, 2] }, /doc_counts/],
    [{ doc_counts: [0, 0] }, /all zero/],
    [{ vocabulary: ['b', 'a'] }, /sorted/],
    [{ counts: [] }, /counts/],
    [{ counts: good.counts.map(() => [1.5, 0]) }, /counts row/],
  ])('names the problem in %j', (patch, message) => {
    expect(naiveBayesParamsProblem({ ...good, ...patch })).toMatch(message);
    expect(() => new NaiveBayes({ ...good, ...patch } as typeof good)).toThrow(message);
  });

  it('rejects non-objects', () => {
    expect(naiveBayesParamsProblem(null)).toBe('not an object');
  });
});
