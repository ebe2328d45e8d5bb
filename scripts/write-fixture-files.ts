/**
 * What every fixture generator ends with: each file of its map written under the checkout, its
 * folders made, one line logged per file. The generators themselves only compute the bytes, so
 * their tests can compare them with the committed files without writing anything.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder (this file sits in scripts/). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function writeFixtureFiles(files: ReadonlyMap<string, string | Uint8Array>): void {
  for (const [relative, content] of files) {
    const path = join(REPO_ROOT, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative} (${content.length} bytes)`);
  }
}
