import { describe, expect, it } from 'vitest';
import { recordIdOf } from '../../../src/format/v2/record-id.js';
import { itemId } from '../../../src/runtime/ids.js';

describe('recordIdOf', () => {
  it("is the runtime's record id for the same job and seq, so v1 and v2 reports of one run name records alike", () => {
    for (const seq of [0, 1, 7, 1234, 99_999]) {
      expect(recordIdOf('job_747ad4adf9933f091152bb37', seq)).toBe(itemId('record', 'job_747ad4adf9933f091152bb37', seq));
    }
    expect(recordIdOf('job_a', 1)).not.toBe(recordIdOf('job_b', 1));
  });
});
