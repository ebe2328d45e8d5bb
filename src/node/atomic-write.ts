/**
 * Writes a file so that its path holds, at every moment, either what it held before or the whole
 * new content: never half a bundle or half a keyring, whatever kills the process. The bytes go to
 * a temp file next to the target (same folder, so the rename stays on one file system), are
 * flushed to disk, then the temp file is renamed over the target (atomic on POSIX, rename(2)) and
 * the folder is flushed so the new name itself survives a power cut.
 *
 * Temp files are named and swept as temp-files.ts says: stale ones of the same target are removed
 * before writing, and this write's own is removed on failure, SIGINT and SIGTERM.
 *
 * Test hook (tests only, documented in the README): with CLAWPROOF_TEST_PAUSE_AFTER_TEMP_MS=<ms>
 * in the environment, the write stops for that long with the temp file half written, after
 * printing `clawproof-test: paused writing <temp path>` on stderr, so a test can kill the process
 * at exactly that point; CLAWPROOF_TEST_PAUSE_TARGET=<base name> limits that to one target (keys
 * init writes two files). Without the variables nothing of this runs.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { removeStaleTempFiles, tempFileName, trackTempFile } from './temp-files.js';

/** The file system calls an atomic write makes; tests pass a wrapper that fails on purpose. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'stat' | 'unlink' | 'readdir'>;

export interface AtomicWriteOptions {
  /** Permission bits of a new file (default 0o644, narrowed by the umask unless `exactMode`). */
  readonly mode?: number;
  /** Set exactly `mode`, whatever the umask (a keyring must be 0600, not "at most"). */
  readonly exactMode?: boolean;
  /** Fail with EEXIST instead of replacing a file already at the target (link(2), then unlink). */
  readonly noReplace?: boolean;
  readonly fs?: AtomicWriteFs;
}

export const TEST_PAUSE_ENV = 'CLAWPROOF_TEST_PAUSE_AFTER_TEMP_MS';
export const TEST_PAUSE_TARGET_ENV = 'CLAWPROOF_TEST_PAUSE_TARGET';

export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const mode = options.mode ?? 0o644;
  const folder = dirname(target);
  await removeStaleTempFiles(folder, basename(target), fs);
  const temp = join(folder, tempFileName(basename(target)));

  // 'wx' = O_CREAT | O_EXCL: never follows or reuses something already at the temp name.
  const handle = await fs.open(temp, 'wx', mode);
  const untrack = trackTempFile(temp);
  try {
    try {
      if (options.exactMode === true) await handle.chmod(mode);
      await writeData(handle, data, temp, basename(target));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.noReplace === true) {
      // link(2) fails with EEXIST rather than replace: the check and the write are one step.
      await fs.link(temp, target);
      await fs.unlink(temp);
    } else {
      await fs.rename(temp, target);
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    untrack();
  }
  await syncFolder(folder, fs);
}

async function writeData(handle: nodeFs.FileHandle, data: Uint8Array | string, temp: string, target: string): Promise<void> {
  const pause = Number(process.env[TEST_PAUSE_ENV] ?? '');
  const only = process.env[TEST_PAUSE_TARGET_ENV];
  if (!(pause > 0) || (only !== undefined && only !== target)) {
    await handle.writeFile(data);
    return;
  }
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const half = Math.floor(bytes.length / 2);
  await handle.write(bytes, 0, half);
  process.stderr.write(`clawproof-test: paused writing ${temp}\n`);
  await sleep(pause);
  await handle.write(bytes, half, bytes.length - half);
}

/**
 * Makes the rename durable (POSIX: the new directory entry reaches the disk). Best effort:
 * Windows cannot open a folder for this, and the data is already in place either way.
 */
export async function syncFolder(folder: string, fs: Pick<typeof nodeFs, 'open'> = nodeFs): Promise<void> {
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
