import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { VERIFIER_VERSION } from '../../src/verify/version.js';

it('reports the version in package.json (the constant exists so browsers need no file access)', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  expect(VERIFIER_VERSION).toBe(pkg.version);
});
