import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../src/node/atomic-write.js';
import { tempFileName, trackedTempFiles } from '../../src/node/temp-files.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-atomic-node-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('writeFileAtomic (src/node)', () => {
  it('replaces a file whole and leaves no temp file behind', async () => {
    const target = join(folder, 'out.clawproof');
    await writeFile(target, 'old, and longer than the new content');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['out.clawproof']);
    expect(trackedTempFiles()).toEqual([]);
  });

  it('with noReplace, refuses (EEXIST) a target that exists and leaves it as it was', async () => {
    const target = join(folder, 'keyring.json');
    await writeFile(target, 'mine');
    await expect(writeFileAtomic(target, 'theirs', { noReplace: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('mine');
    expect(await readdir(folder)).toEqual(['keyring.json']);
    await writeFileAtomic(join(folder, 'new.json'), 'x', { noReplace: true });
    expect(await readFile(join(folder, 'new.json'), 'utf8')).toBe('x');
  });

  it('with exactMode, sets the mode whatever the umask', async () => {
    const target = join(folder, 'secret.json');
    const previous = process.umask(0o077);
    try {
      await writeFileAtomic(target, '{}', { mode: 0o640, exactMode: true });
    } finally {
      process.umask(previous);
    }
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('first removes stale temp files of the same target, and only those', async () => {
    const dead = deadPid();
    const stale = tempFileName('out.clawproof', dead);
    const otherTarget = tempFileName('other.clawproof', dead);
    await writeFile(join(folder, stale), 'half a bundle');
    await writeFile(join(folder, otherTarget), 'half of another');
    await writeFileAtomic(join(folder, 'out.clawproof'), 'whole');
    expect((await readdir(folder)).sort()).toEqual([otherTarget, 'out.clawproof'].sort());
  });

  it('removes its temp file and unregisters it when the rename fails', async () => {
    const failing: AtomicWriteFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(join(folder, 'out.clawproof'), 'x', { fs: failing })).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await readdir(folder)).toEqual([]);
    expect(trackedTempFiles()).toEqual([]);
  });
});
