import { describe, expect, it } from 'vitest';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import { loadSampleSet } from '../../../src/runtime/tickets/sample-set.js';

const ticket = { id: 1, status: 'new', requester_id: 5, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' };
const label = {
  category: 'billing',
  queue: 'billing',
  injection: false,
  credentials: false,
  language: 'en',
  injected_actions: [],
  injection_location: null,
};

describe('getSampleSet (the bundled sample)', () => {
  it('imports every ticket with its label and no problems', () => {
    const sample = getSampleSet();
    expect(sample.problems).toEqual([]);
    expect(sample.tickets.length).toBeGreaterThanOrEqual(240);
    for (const t of sample.tickets) expect(sample.labels.has(t.id), String(t.id)).toBe(true);
  });

  it('parses once and shares the result', () => {
    expect(getSampleSet()).toBe(getSampleSet());
  });
});

describe('loadSampleSet', () => {
  it('reads tickets and labels', () => {
    const { tickets, labels, problems } = loadSampleSet({ tickets: [ticket], labels: { 1: label } });
    expect(problems).toEqual([]);
    expect(tickets).toHaveLength(1);
    expect(labels.get(1)).toEqual(label);
  });

  it('reports a missing labels object', () => {
    expect(loadSampleSet({ tickets: [ticket] }).problems).toEqual([
      { pointer: '/labels', message: 'expected an object of labels keyed by ticket id' },
    ]);
  });

  it.each([
    [{ ...label, category: 'gardening' }, '/labels/1'],
    [{ ...label, queue: 'logistics' }, '/labels/1'],
    [{ ...label, injection: true }, '/labels/1'],
    [{ ...label, injected_actions: ['tickets.assign'] }, '/labels/1'],
    [undefined, '/labels/1'],
  ])('reports a bad or missing label %#', (bad, pointer) => {
    const { labels, problems } = loadSampleSet({ tickets: [ticket], labels: { 1: bad } });
    expect(labels.size).toBe(0);
    expect(problems.map((p) => p.pointer)).toEqual([pointer]);
  });
});
