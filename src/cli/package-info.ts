import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliError } from './errors.js';

export interface PackageInfo {
  /** Absolute path of the folder holding Clawproof's package.json. */
  readonly root: string;
  readonly version: string;
}

let cached: PackageInfo | undefined;

/**
 * Finds Clawproof's own package.json by walking up from this file, so the same code works from
 * src/cli (tests) and from dist/lib/cli (the built command), and when installed as a dependency.
 */
export function packageInfo(): PackageInfo {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest !== undefined && manifest.name === 'clawproof' && typeof manifest.version === 'string') {
      cached = { root: dir, version: manifest.version };
      return cached;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw cliError('CLI_PACKAGE_NOT_FOUND', 'Cannot find the package.json of clawproof above ' + fileURLToPath(import.meta.url) + '.');
    }
    dir = parent;
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { name?: unknown; version?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
