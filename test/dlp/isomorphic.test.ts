/**
 * src/dlp must run unchanged in Node, a browser Web Worker and Electron: no Node built-ins, no
 * DOM, no dependency outside src/core. Checked twice: statically (imports and host globals in
 * the source) and by running a browser bundle in a bare JavaScript realm that has only the
 * ECMAScript built-ins plus TextEncoder/TextDecoder, as a Worker has.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import * as dlp from '../../src/dlp/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DLP = join(ROOT, 'src/dlp');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('src/dlp is isomorphic', () => {
  it('imports only its own files and src/core, never a package or a Node built-in', () => {
    for (const file of sourceFiles(DLP)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)) {
        const spec = m[1] ?? m[2] ?? '';
        const where = `${relative(ROOT, file)} imports ${spec}`;
        expect(spec.startsWith('.'), where).toBe(true);
        const target = relative(ROOT, resolve(file, '..', spec));
        expect(target.startsWith('src/dlp/') || target.startsWith('src/core/'), where).toBe(true);
      }
    }
  });

  it('touches no host globals (process, Buffer, require, window, document, fs)', () => {
    for (const file of sourceFiles(DLP)) {
      // Comments and one-line string literals out: only code can reach a global.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'[^'\n]*'|`[^`\n]*`/g, "''");
      expect(code, relative(ROOT, file)).not.toMatch(
        /(?<![\w$.])(?:process|Buffer|require|window|document|self|globalThis|__dirname)\b/,
      );
    }
  });

  it('bundles for the browser and gives the same results in a bare realm as in Node', async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: { write: false, minify: false, lib: { entry: join(DLP, 'index.ts'), formats: ['iife'], name: 'dlp', fileName: 'dlp' } },
    });
    const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
    const chunk = output.output[0];
    expect(chunk.type).toBe('chunk');
    const realm = createContext({ TextEncoder, TextDecoder });
    runInContext(`${chunk.code}\nglobalThis.dlp = dlp;`, realm);

    const doc = {
      subject: 'Card 4111 1111 1111 1111, mail jürgen@example.de',
      description: `Key AKIAIOSFODNN7EXAMPLE, password: Summer2024!, Tel. 030 1234567, IBAN DE89 3704 0044 0532 0130 00`,
      requester: { email: 'jürgen@example.de' },
    };
    const config = { detectors: dlp.DETECTOR_IDS, redactFields: ['requester.email'], maxChars: 120 };
    realm['input'] = JSON.stringify({ doc, config });
    const inRealm = runInContext(
      `const { doc, config } = JSON.parse(input); const r = dlp.redact(doc, config);
       JSON.stringify({ r, rescan: dlp.scanDocument(r.view, config.detectors) })`,
      realm,
    ) as string;
    const native = dlp.redact(doc, config);
    expect(JSON.parse(inRealm)).toEqual({ r: JSON.parse(JSON.stringify(native)), rescan: [] });
    expect(native.findings.length).toBeGreaterThan(5);
  });
});
