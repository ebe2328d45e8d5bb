/**
 * Maps a parsed request path to a regular file below a root folder: the one resolver behind both
 * the `serve` command and the desktop app's `app://` protocol, so both refuse the same escapes.
 */
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** The regular file that segments name below root, a folder meaning its index.html; never a listing. */
export async function resolveFile(
  root: string,
  segments: readonly string[],
  directory: boolean,
): Promise<{ path: string; stats: Stats } | undefined> {
  let candidate = join(root, ...segments);
  if (!isInside(root, candidate)) return undefined;
  let stats = await statOrUndefined(candidate);
  if (stats?.isDirectory() === true) {
    candidate = join(candidate, 'index.html');
    stats = await statOrUndefined(candidate);
  } else if (directory) {
    return undefined;
  }
  if (stats === undefined || !stats.isFile()) return undefined;
  // A symlink inside the folder must not lead outside it.
  const real = await realpath(candidate);
  if (!isInside(root, real)) return undefined;
  return { path: real, stats };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}
