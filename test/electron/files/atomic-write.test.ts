import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../electron/files/atomic-write.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-atomic-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the given bytes and leaves nothing else behind', async () => {
    const target = join(folder, 'bundle.clawproof');
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(folder)).toEqual(['bundle.clawproof']);
  });

  it('writes text as UTF-8', async () => {
    const target = join(folder, 'report.html');
    await writeFileAtomic(target, '<p>Prüfbericht ✓</p>');
    expect(await readFile(target, 'utf8')).toBe('<p>Prüfbericht ✓</p>');
  });

  it('replaces an existing file whole and keeps its permission bits', async () => {
    const target = join(folder, 'report.json');
    await writeFile(target, 'old content that is longer than the new one', { mode: 0o600 });
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, '{"ok":true}');
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('leaves the old file intact and no temp file when the rename fails', async () => {
    const target = join(folder, 'report.json');
    await writeFile(target, 'old');
    const failingRename: AtomicWriteFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(target, 'new', failingRename)).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('leaves the old file intact and no temp file when writing fails', async () => {
    const target = join(folder, 'report.json');
    await writeFile(target, 'old');
    const failingWrite: AtomicWriteFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        });
      }) as typeof fs.open,
    };
    await expect(writeFileAtomic(target, 'new', failingWrite)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('fails without a trace when the target is a folder, which stays as it was', async () => {
    const target = join(folder, 'taken');
    await fs.mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('kept');
    expect(await readdir(folder)).toEqual(['taken']);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'report.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(folder)).toEqual([]);
  });
});
