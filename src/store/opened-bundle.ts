/**
 * A bundle about to go through the Library: its hash (the key the cache is looked up by, needed
 * before verifying) and a way to verify exactly the bytes hashed. A file the user opened arrives
 * as a Blob: a verifier that can (the worker) reads and hashes it where it runs, so the page's
 * thread neither copies nor hashes it. Bytes already in memory (the Lab, demo bundles, the desktop
 * shell) and verifiers without `prepare` are hashed here.
 */
import type { Digest } from '../core/hash.js';
import { bundleHash } from './bundles.js';
import { unreadableFile } from './unreadable-file.js';
import type { PreparedBundle, Verifier } from './verifier.js';

/** A bundle's content: bytes in memory, or a Blob (a File the user chose) not read yet. */
export type BundleContent = Uint8Array | Blob;

export async function openBundle(verifier: Verifier, content: BundleContent): Promise<PreparedBundle> {
  if (content instanceof Blob && verifier.prepare !== undefined) return verifier.prepare(content);
  const bytes = content instanceof Blob ? await readBlob(content) : content;
  const hash: Digest = await bundleHash(bytes);
  return { hash, verify: (trustRoot, call) => verifier.verify(bytes, trustRoot, call), release: () => undefined };
}

/** The size in bytes, without reading a Blob. */
export function contentSize(content: BundleContent): number {
  return content instanceof Blob ? content.size : content.byteLength;
}

async function readBlob(blob: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch (cause) {
    throw unreadableFile(cause);
  }
}
