import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive, parseTempFileName, removeStaleTempFiles, tempFileName, trackTempFile, trackedTempFiles } from '../../src/node/temp-files.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clawproof-temp-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped): nothing answers to it any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('temp file names', () => {
  it('are hidden, name their target and their process, and parse back', () => {
    const name = tempFileName('run.clawproof', 4242);
    expect(name).toMatch(/^\.run\.clawproof\.clawproof-tmp-4242-[0-9a-f]{12}$/);
    expect(parseTempFileName(name)).toEqual({ target: 'run.clawproof', pid: 4242 });
    expect(tempFileName('run.clawproof')).not.toBe(tempFileName('run.clawproof'));
  });

  it('also recognise what earlier versions of clawproof run left (.<name>.<pid>.<hex>.tmp)', () => {
    expect(parseTempFileName('.run.clawproof.31337.0123456789ab.tmp')).toEqual({ target: 'run.clawproof', pid: 31337 });
  });

  it.each(['run.clawproof', '.run.clawproof', '.x.clawproof-tmp-12-zz', '.x.clawproof-tmp-0-0123abcd', 'notes.tmp', '.x.clawproof-tmp-12-0123abcd.bak'])(
    'leave other names alone: %s',
    (name) => expect(parseTempFileName(name)).toBeUndefined(),
  );
});

describe('isProcessAlive', () => {
  it('is true for this process and false for one that has exited', async () => {
    expect(await isProcessAlive(process.pid)).toBe(true);
    expect(await isProcessAlive(deadPid())).toBe(false);
  });
});

describe('removeStaleTempFiles', () => {
  it("removes temp files of processes that are gone, keeps those of live ones and everything that is not ours", async () => {
    const dead = deadPid();
    const stale = tempFileName('a.clawproof', dead);
    const legacy = `.b.clawproof.${dead}.0123456789ab.tmp`;
    const live = tempFileName('a.clawproof', process.pid);
    for (const name of [stale, legacy, live, 'a.clawproof', '.hidden']) await writeFile(join(folder, name), 'x');
    const result = await removeStaleTempFiles(folder);
    expect([...result.removed].sort()).toEqual([stale, legacy].sort());
    expect(result.active).toEqual([{ target: 'a.clawproof', pid: process.pid }]);
    expect((await readdir(folder)).sort()).toEqual(['.hidden', live, 'a.clawproof'].sort());
  });

  it('with a target, removes only the temp files of that target', async () => {
    const dead = deadPid();
    const mine = tempFileName('a.clawproof', dead);
    const other = tempFileName('b.clawproof', dead);
    for (const name of [mine, other]) await writeFile(join(folder, name), 'x');
    expect((await removeStaleTempFiles(folder, 'a.clawproof')).removed).toEqual([mine]);
    expect(await readdir(folder)).toEqual([other]);
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    expect(await removeStaleTempFiles(join(folder, 'nowhere'))).toEqual({ removed: [], active: [] });
  });
});

describe('trackTempFile', () => {
  it('listens for SIGINT and SIGTERM only while a temp file is registered', () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const untrackA = trackTempFile(join(folder, 'a'));
    const untrackB = trackTempFile(join(folder, 'b'));
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before.map((n) => n + 1));
    expect(trackedTempFiles()).toEqual([join(folder, 'a'), join(folder, 'b')]);
    untrackA();
    untrackA();
    expect(process.listenerCount('SIGINT')).toBe(before[0]! + 1);
    untrackB();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
    expect(trackedTempFiles()).toEqual([]);
  });
});
