/**
 * Temporary files of atomic writes, and making sure none is left behind.
 *
 * A temp file is named `.<target>.clawproof-tmp-<pid>-<hex>` next to its target: hidden, clearly
 * Clawproof's, tied to the file it will become and to the process writing it. That is what lets a
 * later run tell a stale temp file (its process is gone: a SIGKILL, a power cut) from one that
 * another process is writing right now, and remove only the first kind.
 *
 * While a temp file exists, SIGINT and SIGTERM remove it and then end the process with that same
 * signal (so a shell or a supervisor sees the usual "killed by SIGINT"); the handlers are there
 * only while a write is in progress, so they change nothing else about how the process reacts.
 * SIGKILL cannot be caught: that is what the sweep at the next start is for.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { readBounded } from './read-bounded.js';

const MARK = '.clawproof-tmp-';
/** `.<target>.clawproof-tmp-<pid>-<hex>` */
const TEMP_NAME = /^\.(.+)\.clawproof-tmp-([1-9]\d{0,9})-([0-9a-f]{8,32})$/;
/** What `clawproof run` wrote before this naming: `.<target>.<pid>.<12 hex>.tmp`. */
const LEGACY_TEMP_NAME = /^\.(.+)\.([1-9]\d{0,9})\.([0-9a-f]{12})\.tmp$/;

export interface TempFileName {
  /** Base name of the file the temp file was to become. */
  readonly target: string;
  /** The process that created it. */
  readonly pid: number;
}

/** A fresh temp file name for `target` (a base name), owned by this process. */
export function tempFileName(target: string, pid = process.pid): string {
  return `.${target}${MARK}${pid}-${randomBytes(6).toString('hex')}`;
}

/** The target and owner of a temp file name of ours, or undefined for any other name. */
export function parseTempFileName(name: string): TempFileName | undefined {
  const m = TEMP_NAME.exec(name) ?? LEGACY_TEMP_NAME.exec(name);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  return { target: m[1], pid: Number(m[2]) };
}

/**
 * Whether a process with this id is running (signal 0 checks without sending anything). EPERM
 * means it exists but belongs to someone else: alive. On Linux a zombie (killed, not yet reaped
 * by its parent: common in containers whose init does not reap) also answers signal 0, so its
 * state in /proc is looked at too. A pid reused by an unrelated process reads as alive, so its
 * temp file is kept: a leftover is better than removing a file that is being written.
 */
export async function isProcessAlive(pid: number): Promise<boolean> {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: unknown }).code !== 'ESRCH';
  }
  return !(await isZombie(pid));
}

/** Linux only: state Z (zombie) or X (dead) in /proc/<pid>/stat; false wherever that cannot be read. */
async function isZombie(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  try {
    const stat = new TextDecoder().decode(await readBounded(`/proc/${pid}/stat`, { what: 'process status', maxBytes: 4096 }));
    // "pid (comm) S ...": comm may hold spaces and parentheses, so the state follows the last ")".
    const state = stat.slice(stat.lastIndexOf(')') + 1).trim()[0];
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

export type TempFilesFs = Pick<typeof nodeFs, 'readdir' | 'unlink'>;

export interface StaleTempFiles {
  /** Names removed (temp files of processes that are gone). */
  readonly removed: readonly string[];
  /** Names kept because their process is still running, with its pid. */
  readonly active: readonly TempFileName[];
}

/**
 * Removes, in `folder`, the temp files of ours whose process is no longer alive; only those of
 * `target` (a base name) when given. Never throws: an unreadable folder has nothing to sweep, and
 * a file that cannot be removed is simply left (the write that follows does not depend on it).
 */
export async function removeStaleTempFiles(folder: string, target?: string, fs: TempFilesFs = nodeFs): Promise<StaleTempFiles> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return { removed: [], active: [] };
  }
  const removed: string[] = [];
  const active: TempFileName[] = [];
  for (const name of names) {
    const parsed = parseTempFileName(name);
    if (parsed === undefined || (target !== undefined && parsed.target !== target)) continue;
    if (await isProcessAlive(parsed.pid)) {
      active.push(parsed);
      continue;
    }
    try {
      await fs.unlink(join(folder, name));
      removed.push(name);
    } catch {
      // Gone already (another sweep), or not ours to remove: leave it.
    }
  }
  return { removed, active };
}

// --- removal on SIGINT / SIGTERM ----------------------------------------------------------------

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  removeLiveTempFiles();
  stopListening();
  // No listener is left, so the default action applies: the process ends by this signal.
  process.kill(process.pid, signal);
}

function removeLiveTempFiles(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed into place or removed.
    }
  }
  live.clear();
}

function startListening(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeLiveTempFiles);
}

function stopListening(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeLiveTempFiles);
}

/**
 * Registers a temp file this process is writing, so that SIGINT, SIGTERM or an exit removes it;
 * returns the function that unregisters it (call it once the file is renamed or removed).
 */
export function trackTempFile(path: string): () => void {
  if (live.size === 0) startListening();
  live.add(path);
  return () => {
    if (!live.delete(path)) return;
    if (live.size === 0) stopListening();
  };
}

/** Temp files of this process currently registered (for tests and diagnostics). */
export function trackedTempFiles(): string[] {
  return [...live];
}
