import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@doyensec/electronegativity/package.json'));

export interface Finding {
  readonly id: string;
  readonly severity: { readonly value: number; readonly name: string };
  readonly confidence: { readonly name: string };
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
  readonly manualReview: boolean;
}

export interface ScanResult {
  readonly issues: readonly Finding[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

export const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;

// Needs the network (it downloads Electron's release list); npm's own audit covers the same ground.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

let runner: Run | undefined;

/**
 * Electronegativity's runner, made to work offline: on every run it downloads translations before
 * scanning. Its English messages ship in the package, so its i18n step is replaced with one that
 * loads them from disk and touches no network.
 */
function loadRunner(): Run {
  if (runner !== undefined) return runner;
  const fromPackage = createRequire(join(PACKAGE_DIR, 'package.json'));
  const i18n = fromPackage('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  const offlineI18n = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(PACKAGE_DIR, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const i18nModule = fromPackage.resolve('./dist/locales/i18n.js');
  require.cache[i18nModule] = {
    id: i18nModule,
    filename: i18nModule,
    loaded: true,
    exports: { __esModule: true, default: offlineI18n },
  } as unknown as NodeJS.Module;
  runner = fromPackage('./dist/runner.js') as Run;
  return runner;
}

function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Runs electronegativity over a folder, as the CLI would with `-i folder -r`, but offline. */
export async function scanFolder(folder: string): Promise<ScanResult> {
  return loadRunner()({
    input: folder,
    isRelative: true,
    electronVersionOverride: electronVersion(),
    excludeFromScan: EXCLUDED_CHECKS,
    customScan: [],
  });
}

/**
 * Scans the desktop shell as it ships: electron/ (the preload's `.cts` scanned as `.ts`, an
 * extension electronegativity does not read otherwise), the page the window loads (index.html,
 * which carries the meta CSP) and package.json (its scripts, for dangerous Electron flags).
 * Findings name the real files.
 */
export async function scanDesktopShell(): Promise<ScanResult> {
  const folder = mkdtempSync(join(tmpdir(), 'clawproof-electronegativity-'));
  try {
    cpSync(join(ROOT, 'electron'), join(folder, 'electron'), { recursive: true, filter: (source) => !source.endsWith('.md') });
    renameSync(join(folder, 'electron', 'preload.cts'), join(folder, 'electron', 'preload.ts'));
    cpSync(join(ROOT, 'index.html'), join(folder, 'index.html'));
    cpSync(join(ROOT, 'package.json'), join(folder, 'package.json'));
    const result = await scanFolder(folder);
    const rename = (file: string): string => (file.replace(/\\/gu, '/') === 'electron/preload.ts' ? 'electron/preload.cts' : file);
    return {
      issues: result.issues.map((issue) => ({ ...issue, file: rename(issue.file) })),
      errors: result.errors.map((error) => ({ ...error, file: rename(error.file) })),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
