import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The file system calls an atomic write makes; tests pass a wrapper that fails on purpose. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'stat' | 'unlink'>;

/**
 * Writes `data` to `target` so that the target is, at every moment, either its old content or the
 * complete new content: never a half-written report or bundle, even if the app crashes or the
 * disk fills up. Writes a temp file in the same folder (so the rename stays on one file system),
 * flushes it to disk, then renames it over the target. On failure the temp file is removed, the
 * target is left as it was, and the error is rethrown.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `.clawproof-${randomBytes(8).toString('hex')}.tmp`);
  // Overwriting keeps the old file's permission bits: a private file stays private.
  const existing = await fs.stat(target).catch(() => undefined);
  const mode = existing?.isFile() === true ? existing.mode & 0o777 : 0o666;

  // 'wx' = O_CREAT | O_EXCL: never follows or reuses something already at the temp name.
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, fs);
}

/**
 * Makes the rename itself durable (POSIX: the new directory entry reaches the disk). Best effort:
 * Windows cannot open a folder for this, and the data is already in place either way.
 */
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Nothing to undo: see above.
  }
}
