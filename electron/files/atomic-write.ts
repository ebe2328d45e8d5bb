import * as nodeFs from 'node:fs/promises';
import { writeFileAtomic as writeNodeFileAtomic, type AtomicWriteFs } from '../../src/node/atomic-write.js';

export type { AtomicWriteFs } from '../../src/node/atomic-write.js';

/**
 * Writes `data` to `target` so that the target is, at every moment, either its old content or the
 * complete new content: never a half-written report or bundle, even if the app crashes or the
 * disk fills up. The shared writer of src/node does the work (temp file next to the target, named
 * `.<target>.clawproof-tmp-<pid>-<hex>`, flushed, renamed, folder flushed; stale temp files of the
 * same target left by a crashed app are removed first). On failure the temp file is removed, the
 * target is left as it was, and the error is rethrown.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, fs: AtomicWriteFs = nodeFs): Promise<void> {
  // Overwriting keeps the old file's permission bits exactly: a private file stays private.
  const existing = await fs.stat(target).catch(() => undefined);
  const keep = existing?.isFile() === true;
  await writeNodeFileAtomic(target, data, { mode: keep ? existing.mode & 0o777 : 0o666, exactMode: keep, fs });
}
