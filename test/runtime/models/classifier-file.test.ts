import { describe, expect, it } from 'vitest';
import {
  classifierFileProblem,
  fromStoredClassifier,
  serializeClassifierFile,
  type LocalClassifierFile,
} from '../../../src/runtime/models/classifier-file.js';
import { trainNaiveBayes } from '../../../src/runtime/models/naive-bayes.js';

function file(): LocalClassifierFile {
  const params = trainNaiveBayes(
    [
      { tokens: ['invoice', 'charged'], category: 'billing' },
      { tokens: ['parcel', 'late'], category: 'shipping' },
    ],
    ['billing', 'shipping'],
  );
  return {
    ...params,
    queues: { billing: 'billing', shipping: 'logistics' },
    training: { sample_seed: 's', split: 'held out when ticket id % 4 == 0', train_tickets: 2, held_out_tickets: 0 },
    evaluation: { held_out: 0, correct: 0, accuracy: 0 },
  };
}

describe('classifier file', () => {
  it('round-trips through its stored form, one term per line', () => {
    const text = serializeClassifierFile(file());
    expect(text).toContain('\n    ["charged", [1,0]],\n');
    const back = fromStoredClassifier(JSON.parse(text));
    expect(back).toEqual(file());
    expect(classifierFileProblem(back)).toBeNull();
  });

  it('rejects categories or queues the catalog does not know', () => {
    expect(classifierFileProblem({ ...file(), categories: ['billing', 'gardening'] })).toMatch(/gardening/);
    expect(classifierFileProblem({ ...file(), queues: { billing: 'billing', shipping: 'nowhere' } })).toMatch(/shipping/);
    expect(classifierFileProblem({ ...file(), queues: null })).toMatch(/queues/);
  });

  it('turns a malformed terms list into a value the validator rejects', () => {
    expect(classifierFileProblem(fromStoredClassifier({ ...file(), terms: [['a']] }))).toMatch(/vocabulary/);
  });
});
