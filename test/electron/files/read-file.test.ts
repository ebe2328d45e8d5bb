import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileCapped } from '../../../electron/files/read-file.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-read-'));
  await writeFile(join(folder, 'ten.clawproof'), '0123456789');
  await writeFile(join(folder, 'empty.json'), '');
  await mkdir(join(folder, 'folder.clawproof'));
  await symlink(join(folder, 'ten.clawproof'), join(folder, 'link.clawproof'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readFileCapped', () => {
  it('reads a whole file', async () => {
    expect(new TextDecoder().decode(await readFileCapped(join(folder, 'ten.clawproof'), 100))).toBe('0123456789');
  });

  it('reads a file of exactly the limit', async () => {
    expect((await readFileCapped(join(folder, 'ten.clawproof'), 10)).byteLength).toBe(10);
  });

  it('reads an empty file as no bytes', async () => {
    expect((await readFileCapped(join(folder, 'empty.json'), 10)).byteLength).toBe(0);
  });

  it('follows a symlink the person chose', async () => {
    expect((await readFileCapped(join(folder, 'link.clawproof'), 100)).byteLength).toBe(10);
  });

  it('refuses a file one byte over the limit, naming it', async () => {
    await expect(readFileCapped(join(folder, 'ten.clawproof'), 9)).rejects.toMatchObject({
      code: 'DESKTOP_FILE_TOO_LARGE',
      message: expect.stringContaining('"ten.clawproof"'),
    });
  });

  it('refuses a folder', async () => {
    await expect(readFileCapped(join(folder, 'folder.clawproof'), 100)).rejects.toMatchObject({ code: 'DESKTOP_NOT_A_FILE' });
  });

  it('reports a missing file with its name and the system error code, not the full path', async () => {
    const error: unknown = await readFileCapped(join(folder, 'gone.clawproof'), 100).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DESKTOP_READ_FAILED', message: expect.stringContaining('"gone.clawproof"') });
    expect((error as Error).message).toContain('ENOENT');
    expect((error as Error).message).not.toContain(folder);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(folder, 'pipe.clawproof');
    execFileSync('mkfifo', [fifo]);
    await expect(readFileCapped(fifo, 100)).rejects.toMatchObject({ code: 'DESKTOP_NOT_A_FILE' });
  }, 5_000);

  it.skipIf(process.platform === 'win32')('refuses a device', async () => {
    await expect(readFileCapped('/dev/zero', 100)).rejects.toMatchObject({ code: 'DESKTOP_NOT_A_FILE' });
  });
});
