import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON = join(ROOT, 'electron');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.c?ts$/u.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file names: imports, type imports, re-exports, require and import(). */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
}

/** The TypeScript source a relative specifier points at (`./a.js` -> `a.ts`, `./b.cjs` -> `b.cts`). */
function resolveLocal(from: string, specifier: string): string {
  return resolve(dirname(from), specifier).replace(/\.js$/u, '.ts').replace(/\.cjs$/u, '.cts');
}

/** The files of the project that electron/ loads, directly or through other files. */
function reachableFromElectron(): { local: Set<string>; packages: Set<string> } {
  const local = new Set<string>();
  const packages = new Set<string>();
  const queue = sourceFiles(ELECTRON);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (local.has(file)) continue;
    local.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else packages.add(specifier);
    }
  }
  return { local, packages };
}

describe('what the desktop shell imports', () => {
  const { local, packages } = reachableFromElectron();
  const projectFiles = [...local].map((file) => relative(ROOT, file).split('\\').join('/'));

  it('finds the shell and the modules it shares with the command line', () => {
    expect(projectFiles).toContain('electron/main.ts');
    expect(projectFiles).toContain('electron/preload.cts');
    expect(projectFiles).toContain('src/cli/http/mime-types.ts');
  });

  it('never reaches src/ui, directly or through another module', () => {
    expect(projectFiles.filter((file) => file.startsWith('src/ui/'))).toEqual([]);
  });

  it('reaches only the core, the command line\'s HTTP helpers, the shared Node adapters and itself', () => {
    const outside = projectFiles.filter((file) => !/^(?:electron\/|src\/core\/errors\.ts$|src\/cli\/|src\/node\/)/u.test(file));
    expect(outside).toEqual([]);
  });

  it('reads files only through the bounded reader of src/node, and writes them through its atomic writer', () => {
    expect(projectFiles).toContain('src/node/read-bounded.ts');
    expect(projectFiles).toContain('src/node/atomic-write.ts');
    const unbounded = /\b(?:readFile|readFileSync|createReadStream)\s*\(|\.read\s*\(/u;
    const readers = [...local].filter((file) => !file.includes(`${join('src', 'node')}`) && unbounded.test(readFileSync(file, 'utf8')));
    // package-info reads Clawproof's own package.json, shipped inside the app next to the code it
    // describes: nothing a user opens. Every other read is of a file someone chose.
    expect(readers.map((file) => relative(ROOT, file).split('\\').join('/'))).toEqual(['src/cli/package-info.ts']);
  });

  it('uses no package but electron, zod and Node built-ins', () => {
    expect([...packages].filter((name) => !name.startsWith('node:') && name !== 'electron' && name !== 'zod')).toEqual([]);
  });

  it('keeps the UI bridge free of anything but types from electron/', () => {
    const bridge = join(ROOT, 'src/ui/desktop/api.ts');
    const source = readFileSync(bridge, 'utf8');
    for (const specifier of specifiers(bridge)) expect(specifier).toMatch(/^\.\.\/\.\.\/\.\.\/electron\/ipc\/contract\.js$/u);
    expect(source).not.toMatch(/^import \{/mu);
    expect(source).not.toMatch(/^export \{/mu);
  });
});
