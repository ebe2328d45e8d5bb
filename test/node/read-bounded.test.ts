import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLimit, readBounded, ReadBoundedError } from '../../src/node/read-bounded.js';

const unix = process.platform !== 'win32';
const linux = process.platform === 'linux';
let folder: string;
const writers: ChildProcess[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-read-bounded-'));
  await writeFile(join(folder, 'ten.json'), '0123456789');
  await writeFile(join(folder, 'empty.json'), '');
  await mkdir(join(folder, 'dir.json'));
  await symlink(join(folder, 'ten.json'), join(folder, 'link.json'));
});

afterAll(async () => {
  for (const w of writers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

const opts = (maxBytes: number) => ({ maxBytes, what: 'test file' });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as ReadBoundedError);

/** A writer process that feeds `path` (a FIFO) zeros without end, until the reader closes its end. */
function endlessWriter(path: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(path)},'w');const b=Buffer.alloc(65536);for(;;)fs.writeSync(fd,b);`], { stdio: 'ignore' });
  writers.push(child);
  return child;
}

describe('readBounded: regular files', () => {
  it('reads a whole file, a file of exactly the limit, and an empty file', async () => {
    expect(text(await readBounded(join(folder, 'ten.json'), opts(100)))).toBe('0123456789');
    expect((await readBounded(join(folder, 'ten.json'), opts(10))).byteLength).toBe(10);
    expect((await readBounded(join(folder, 'empty.json'), opts(10))).byteLength).toBe(0);
    expect((await readBounded(join(folder, 'empty.json'), opts(0))).byteLength).toBe(0);
  });

  it('follows a symlink', async () => {
    expect(text(await readBounded(join(folder, 'link.json'), opts(100)))).toBe('0123456789');
  });

  it('refuses a file one byte over the limit with READ_TOO_LARGE, naming the file and the limit', async () => {
    const error = await failure(readBounded(join(folder, 'ten.json'), opts(9)));
    expect(error).toBeInstanceOf(ReadBoundedError);
    expect(error).toMatchObject({ code: 'READ_TOO_LARGE', maxBytes: 9, path: join(folder, 'ten.json') });
    expect(error?.message).toBe(`cannot read the test file ${join(folder, 'ten.json')}: it is larger than the limit of 9 bytes`);
  });

  it.skipIf(!linux)('counts the bytes it reads instead of trusting stat(): a /proc file says it has 0 bytes', async () => {
    expect(statSync('/proc/self/status').size).toBe(0);
    expect((await readBounded('/proc/self/status', opts(1 << 20))).byteLength).toBeGreaterThan(100);
    await expect(readBounded('/proc/self/status', opts(64))).rejects.toMatchObject({ code: 'READ_TOO_LARGE' });
  });

  it('refuses a folder and reports a missing file in plain words', async () => {
    await expect(readBounded(join(folder, 'dir.json'), opts(100))).rejects.toMatchObject({ code: 'READ_NOT_A_FILE', reason: 'it is a directory, not a file' });
    const missing = await failure(readBounded(join(folder, 'gone.json'), opts(100)));
    expect(missing).toMatchObject({ code: 'READ_FAILED', reason: 'no such file or directory' });
    expect((missing?.cause as { code?: string }).code).toBe('ENOENT');
  });

  it('treats "-" as a file name unless the caller passes standard input', async () => {
    await expect(readBounded('-', opts(100))).rejects.toMatchObject({ code: 'READ_FAILED', path: '-' });
  });
});

describe.skipIf(!unix)('readBounded: devices and pipes', () => {
  it.each(['/dev/zero', '/dev/urandom', '/dev/null'])('refuses the character device %s before reading from it', async (device) => {
    const error = await failure(readBounded(device, opts(1 << 30)));
    expect(error).toMatchObject({ code: 'READ_DEVICE_REFUSED' });
    expect(error?.message).toContain(device);
  });

  it('reads a FIFO whose writer stops, like process substitution', async () => {
    const fifo = join(folder, 'finite.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(fifo)}, '{"ok":true}')`], { stdio: 'ignore' });
    writers.push(writer);
    expect(text(await readBounded(fifo, opts(100)))).toBe('{"ok":true}');
  });

  it('stops reading a FIFO fed without end one byte past the limit, and the writer is let go', async () => {
    const fifo = join(folder, 'endless.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = endlessWriter(fifo);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const error = await failure(readBounded(fifo, opts(4 << 20)));
    expect(error).toMatchObject({ code: 'READ_TOO_LARGE', reason: `it is larger than the limit of ${describeLimit(4 << 20)}` });
    // With the read end closed the writer gets EPIPE and dies: nothing keeps pumping zeros.
    await exited;
  }, 20_000);

  it('refuses a FIFO at once, without waiting for a writer, when only regular files are allowed', async () => {
    const fifo = join(folder, 'refused.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readBounded(fifo, { ...opts(100), pipes: false })).rejects.toMatchObject({ code: 'READ_NOT_A_FILE' });
  }, 5_000);
});

describe('readBounded: standard input', () => {
  const stdin = (stream: Readable, fd?: number) => ({ ...opts(1000), stdin: () => ({ stream, ...(fd === undefined ? {} : { fd }) }) });

  it('reads "-" from the given stream', async () => {
    expect(text(await readBounded('-', stdin(Readable.from([Buffer.from('{"a":'), Buffer.from('1}')]))))).toBe('{"a":1}');
  });

  it('stops an endless stream one chunk past the limit and destroys it', async () => {
    const endless = new Readable({ read() { this.push(Buffer.alloc(300)); } });
    const error = await failure(readBounded('-', stdin(endless)));
    expect(error).toMatchObject({ code: 'READ_TOO_LARGE', path: '-' });
    expect(error?.message).toBe('cannot read the test file from standard input: it is larger than the limit of 1,000 bytes');
    expect(endless.destroyed).toBe(true);
  });

  it.skipIf(!unix)('refuses a device redirected to standard input', async () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      await expect(readBounded('-', stdin(Readable.from([]), fd))).rejects.toMatchObject({ code: 'READ_DEVICE_REFUSED' });
    } finally {
      closeSync(fd);
    }
  });
});

describe('describeLimit', () => {
  it('gives whole binary units and the exact number of bytes', () => {
    expect(describeLimit(256 * 1024 * 1024)).toBe('256 MiB (268,435,456 bytes)');
    expect(describeLimit(1024)).toBe('1 KiB (1,024 bytes)');
    expect(describeLimit(1000)).toBe('1,000 bytes');
  });
});
