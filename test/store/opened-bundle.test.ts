import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import { inThreadVerifier } from '../../src/store/in-thread-verifier.js';
import { contentSize, openBundle } from '../../src/store/opened-bundle.js';
import type { PreparedBundle, Verifier } from '../../src/store/verifier.js';
import { DEMO_ROOT, makeBundle } from './support.js';

const call = { seenTokens: new Map<string, string>() };

/** A Blob whose content can no longer be read, as a chosen file that was moved since. */
class GoneFile extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('NotReadableError: the file was moved'));
  }
}

describe('openBundle', () => {
  it('hashes a Blob read in this thread when the verifier cannot prepare one, and verifies the same bytes', async () => {
    const bytes = await makeBundle(1);
    const opened = await openBundle(inThreadVerifier(), new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(opened.hash).toBe(sha256(bytes));
    const result = await opened.verify(DEMO_ROOT, call);
    expect(result.report.head.verdict).toBe('valid');
    const direct = (await inThreadVerifier().verify(bytes, DEMO_ROOT, call)).report.head;
    expect({ ...result.report.head, checkedAt: null }).toEqual({ ...direct, checkedAt: null });
  });

  it("hands a Blob to the verifier's prepare (the worker reads it), and bytes in memory to verify", async () => {
    const bytes = await makeBundle(1);
    const inner = inThreadVerifier();
    const prepared: Blob[] = [];
    const verifier: Verifier = {
      ...inner,
      prepare: async (blob): Promise<PreparedBundle> => {
        prepared.push(blob);
        const held = new Uint8Array(await blob.arrayBuffer());
        return { hash: sha256(held), verify: (root, c) => inner.verify(held, root, c), release: () => undefined };
      },
    };
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    expect((await openBundle(verifier, file)).hash).toBe(sha256(bytes));
    expect((await openBundle(verifier, bytes)).hash).toBe(sha256(bytes));
    expect(prepared).toEqual([file]);
  });

  it('fails with FILE_UNREADABLE, saying so, when the chosen file cannot be read', async () => {
    await expect(openBundle(inThreadVerifier(), new GoneFile(['x']))).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('could not be read (NotReadableError: the file was moved)'),
    });
  });
});

describe('contentSize', () => {
  it('is the byte length of bytes and the size of a Blob, which it does not read', () => {
    expect(contentSize(new Uint8Array(7))).toBe(7);
    expect(contentSize(new GoneFile(['12345']))).toBe(5);
  });
});
