import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

describe('docs/FORMATS.md', () => {
  it('is the current assembly of docs/formats-parts (edit the parts, then run npm run docs:formats)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/assemble-formats.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('specifies every format the core, runtime and verifier use', () => {
    const text = readFileSync(new URL('docs/FORMATS.md', root), 'utf8');
    for (const heading of ['Canonical JSON', 'DSSE', 'JWS', 'Trust root', 'Merkle', 'Work Policy Contract', 'Redaction', 'bundle', 'format v2', 'JSON Lines', 'Verification']) {
      expect(text.toLowerCase(), heading).toContain(heading.toLowerCase());
    }
  });
});
