import { describe, expect, it } from 'vitest';
import { supersededError, toStoreError, storeError } from '../../src/store/errors.js';

describe('toStoreError', () => {
  it('recognises a quota error, also when wrapped as the inner error of an abort', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    for (const cause of [quota, abort]) {
      const error = toStoreError(cause, 'saving the bundle');
      expect(error.code).toBe('STORE_QUOTA_EXCEEDED');
      expect(error.message).toMatch(/^Saving the bundle failed: .*storage.* full\. Nothing already in the library was lost/);
      expect(error.cause).toBe(cause);
    }
  });

  it('tells an unavailable database from other failures', () => {
    expect(toStoreError(Object.assign(new Error('blocked'), { name: 'OpenFailedError' }), 'opening').code).toBe('STORE_UNAVAILABLE');
    expect(toStoreError(new TypeError('boom'), 'reading').code).toBe('STORE_FAILED');
    expect(toStoreError('a string', 'reading').message).toBe('Reading failed');
  });

  it('passes a store error through unchanged', () => {
    const original = storeError('TRUST_ROOT_BUILT_IN', 'no');
    expect(toStoreError(original, 'deleting')).toBe(original);
  });

  it('says what a tab superseded by a newer schema must do, keeping the cause', () => {
    const cause = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    const error = supersededError('saving the bundle', cause);
    expect(error.code).toBe('STORE_SUPERSEDED');
    expect(error.message).toMatch(/^Saving the bundle failed: a newer version of Clawproof opened in another tab .* Reload this page .*nothing stored was lost\.$/);
    expect(error.cause).toBe(cause);
  });
});
