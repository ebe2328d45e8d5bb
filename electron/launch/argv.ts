import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionOf } from '../files/file-name.js';
import { OPENABLE_EXTENSIONS } from '../ipc/contract.js';

/** More files than anyone opens at once; the rest of an oversized list is ignored. */
export const MAX_OPEN_PATHS = 32;

/**
 * The files a command line asks the app to open: `clawproof-desktop a.clawproof ./b.json`, or what
 * the OS passes for a double-click (a path, or a file:// URL from Linux desktops' `%U`). Skips the
 * executable, every switch (Chromium adds its own), the app's script in development, other URL
 * schemes and anything that is not a bundle or JSON file. Relative paths are taken from the
 * launching process's working directory.
 */
export function openablePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    const path = argumentToPath(arg, workingDirectory);
    if (path !== undefined && isOpenable(path) && !paths.includes(path)) paths.push(path);
    if (paths.length === MAX_OPEN_PATHS) break;
  }
  return paths;
}

/** What a second launch sends the running app (see `requestSingleInstanceLock(additionalData)`). */
export interface SecondInstanceData {
  readonly openPaths: readonly string[];
}

/**
 * The files a second launch asks to open. Its own parse of its command line is preferred
 * (Chromium may reorder or add switches in the argv the first instance sees); the argv is the
 * fallback. Either way the data comes from another process and is checked like any input.
 */
export function openablePathsFromSecondInstance(argv: readonly string[], workingDirectory: string, additionalData: unknown): string[] {
  if (isSecondInstanceData(additionalData)) {
    return [...new Set(additionalData.openPaths)].filter((path) => isAbsolute(path) && isOpenable(path)).slice(0, MAX_OPEN_PATHS);
  }
  return openablePathsFromArgv(argv, workingDirectory);
}

function isSecondInstanceData(value: unknown): value is SecondInstanceData {
  if (typeof value !== 'object' || value === null || !('openPaths' in value)) return false;
  const { openPaths } = value;
  return Array.isArray(openPaths) && openPaths.every((path) => typeof path === 'string' && path.length > 0 && !path.includes('\0'));
}

function argumentToPath(arg: string, workingDirectory: string): string | undefined {
  if (arg === '' || arg.startsWith('-') || arg.includes('\0')) return undefined;
  if (/^file:/iu.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return undefined;
    }
  }
  // Another scheme (https://, clawproof://): not a file. "C:\\x" has no "//" and stays a path.
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(arg)) return undefined;
  return resolve(workingDirectory, arg);
}

function isOpenable(path: string): boolean {
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}
