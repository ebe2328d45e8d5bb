import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_EXTENSION } from '../../electron/ipc/contract.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: unknown;
  extraMetadata?: { main?: string };
  fileAssociations?: { ext?: string | string[]; name?: string; mimeType?: string }[];
  linux?: { target?: unknown };
  mac?: { target?: unknown };
  win?: { target?: unknown };
}

// electron-builder's own loader and schema check, reached through electron-builder itself.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

let config: BuilderConfig;

beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would fail that check with a misspelt option (the check is real)', async () => {
    const misspelt = { ...structuredClone(config), fileAsociations: config.fileAssociations };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/fileAsociations/u);
  });

  it('names the app', () => {
    expect(config.appId).toBe('dev.clawproof.app');
    expect(config.productName).toBe('Clawproof');
  });

  it('builds AppImage and deb for Linux, dmg for macOS and NSIS for Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('associates the bundle extension the app saves and opens', () => {
    expect(config.fileAssociations).toHaveLength(1);
    expect(`.${String(config.fileAssociations?.[0]?.ext)}`).toBe(BUNDLE_EXTENSION);
    expect(config.fileAssociations?.[0]?.mimeType).toBe('application/vnd.clawproof.bundle+json');
  });

  it('starts the compiled shell, where tsconfig.electron.json puts it', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.electron.json'), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect(tsconfig.compilerOptions).toMatchObject({ rootDir: '.', outDir: 'dist/electron' });
    // rootDir "." keeps the source layout: electron/main.ts -> dist/electron/electron/main.js.
    expect(config.extraMetadata?.main).toBe('dist/electron/electron/main.js');
  });

  it('ships the built app and shell only: no sources, no source maps', () => {
    const text = JSON.stringify(config.files);
    expect(text).toContain('dist/app/**');
    expect(text).toContain('dist/electron/**');
    expect(text).toContain('!**/*.map');
    expect(text).not.toMatch(/"(?:src|electron|test)\//u);
  });
});
