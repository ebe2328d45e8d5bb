import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDesktopShell, scanFolder, SEVERITY, type ScanResult } from './support/electronegativity.js';

const ELECTRON = fileURLToPath(new URL('../../electron/', import.meta.url));

/** `// eng-disable CHECK_ID -- why` lines in electron/, the only way a finding may be silenced. */
function suppressions(): { file: string; line: string }[] {
  const found: { file: string; line: string }[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.c?ts$/u.test(entry.name)) {
        for (const line of readFileSync(path, 'utf8').split('\n')) if (line.includes('eng-disable')) found.push({ file: path, line });
      }
    }
  };
  walk(ELECTRON);
  return found;
}

describe('electronegativity over the desktop shell', () => {
  let result: ScanResult;

  beforeAll(async () => {
    result = await scanDesktopShell();
  }, 60_000);

  it('parses every file (a file it cannot parse would be a file it did not check)', () => {
    expect(result.errors).toEqual([]);
  });

  it('reports nothing above LOW', () => {
    const serious = result.issues
      .filter((issue) => issue.severity.value > SEVERITY.LOW)
      .map((issue) => `${issue.id} ${issue.severity.name} ${issue.file}:${issue.location.line} ${issue.description}`);
    expect(serious).toEqual([]);
  });

  it('silences findings only with a reason next to the code', () => {
    for (const { file, line } of suppressions()) {
      expect({ file, line }).toEqual({ file, line: expect.stringMatching(/eng-disable(?: [A-Z_]+_CHECK)+ -- \S.{10,}/u) });
    }
  });
});

describe('electronegativity itself', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'clawproof-electronegativity-sample-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('does flag an insecure window, so a clean scan means something', async () => {
    writeFileSync(
      join(folder, 'main.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        "const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });",
        "void window.loadURL('http://example.com/');",
        '',
      ].join('\n'),
    );
    const { issues } = await scanFolder(folder);
    const serious = new Set(issues.filter((issue) => issue.severity.value > SEVERITY.LOW).map((issue) => issue.id));
    // The same rules the shell passes: isolation, sandbox, navigation limits, a permission handler.
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(serious).toContain(id);
    }
  }, 60_000);
});
