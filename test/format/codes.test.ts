/**
 * The code registry (src/format/codes.ts) against the source: every code the verifier writes is
 * registered, every registered code is written somewhere, and each entry is consistent with the
 * rules the spec states about codes (the _UNVERIFIABLE suffix, the unknown-signer codes).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConformanceManifest } from '../../src/verify/conformance/manifest.js';
import { CHECK_IDS, type CheckId } from '../../src/format/checks.js';
import { CHECK_CODES, CODES, INPUT_CODES, SCHEMA_CODES, UNKNOWN_SIGNER_CODES, isCheckCode, severitiesIn, type CheckCode, type CodeSpec } from '../../src/format/codes.js';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Source text without comments, so a code named in a comment does not count as written. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** 'UPPER_SNAKE' string literals: how the source spells a code. */
function literals(text: string): Set<string> {
  return new Set([...text.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g)].map((m) => m[1]!));
}

/**
 * Where codes are emitted: src/verify, the schema blocks its schemas are built of (they carry
 * their codes in params.code), and the v2 reader and tree-head check, whose codes the verifier
 * reports as they are.
 */
const VERIFY_FILES = [
  ...sourceFiles(join(ROOT, 'src/verify')),
  join(ROOT, 'src/format/schema-blocks.ts'),
  ...sourceFiles(join(ROOT, 'src/format/v2')),
];
const FORMAT_FILES = sourceFiles(join(ROOT, 'src/format'));

/** UPPER_SNAKE literals of src/verify that are not report codes, and what they are instead. */
const NOT_REPORT_CODES: Readonly<Record<string, string>> = {
  VERIFY_OPTIONS_INVALID: 'an error verifyBundle throws for a caller mistake (errors.ts)',
  VERIFY_TRUST_ROOT_MISSING: 'an error verifyBundle throws for a caller mistake (errors.ts)',
  TRUST_ROOT_INVALID: "core's error for an unusable trust root, which verifyBundle throws (requirements.ts names it)",
  JSON_DUPLICATE_KEY: "core's parser error, mapped to INPUT_DUPLICATE_KEY / PAYLOAD_DUPLICATE_KEY",
  INVALID_CALL: 'a decision code of the gate (derive/gate.ts), compared with a record, never an issue',
  V2_ENCODE_INPUT_INVALID: "the v2 bridge encoder's error for a v1 bundle it cannot encode (format/v2/encode-error.ts)",
  TREE_HEAD_SIGNATURE_INVALID: "checkTreeHead's own code; the verifier reports a head's signature as SIGNATURE_INVALID",
};

describe('the code registry', () => {
  it('registers every code literal of src/verify, and nothing else there looks like one', () => {
    const strays: string[] = [];
    for (const file of VERIFY_FILES) {
      for (const literal of literals(code(file))) {
        if (!isCheckCode(literal) && !(literal in NOT_REPORT_CODES)) strays.push(`${relative(ROOT, file)}: ${literal}`);
      }
    }
    expect(strays).toEqual([]);
    for (const name of Object.keys(NOT_REPORT_CODES)) expect(isCheckCode(name), name).toBe(false);
  });

  it('has every code written somewhere in src/verify (a registered code nobody emits is dead)', () => {
    const written = new Set(VERIFY_FILES.flatMap((file) => [...literals(code(file))]));
    expect(CODES.filter((c) => !written.has(c))).toEqual([]);
  });

  it('gives every code its checks in report order, a severity and one line of meaning', () => {
    for (const c of CODES) {
      const spec: CodeSpec = CHECK_CODES[c];
      expect(spec.checks.length, c).toBeGreaterThan(0);
      expect([...spec.checks], c).toEqual(CHECK_IDS.filter((id) => spec.checks.includes(id)));
      for (const id of spec.warnsIn ?? []) expect(spec.checks, `${c} warns in ${id}`).toContain(id);
      expect(spec.doc, c).toMatch(/^[a-z`"(]/);
      expect(spec.doc, c).not.toMatch(/[.\n|]$|\n|\|/);
    }
  });

  it('names the codes that excuse an unknown signer as the spec says (section "Verdict")', () => {
    expect([...UNKNOWN_SIGNER_CODES].sort()).toEqual(['KEY_NOT_TRUSTED', 'SIGNATURE_UNVERIFIED']);
    for (const c of CODES) {
      const role = CHECK_CODES[c].unknownSigner;
      // "a code ending in _UNVERIFIABLE (a check that needed a part it could not read)"
      expect(role === 'consequence', c).toBe(c.endsWith('_UNVERIFIABLE'));
      // Warnings never change the verdict; every failing code has a role in it.
      expect(role === 'none', c).toBe(CHECK_CODES[c].severity === 'warn');
    }
  });

  it('lists as input codes exactly the INPUT_* codes, and as schema codes only what structure reports', () => {
    expect([...INPUT_CODES].sort()).toEqual(CODES.filter((c) => c.startsWith('INPUT_')).sort());
    for (const c of [...INPUT_CODES, ...SCHEMA_CODES]) expect(severitiesIn(c, 'structure'), c).toEqual(['fail']);
    expect(new Set(SCHEMA_CODES).size).toBe(SCHEMA_CODES.length);
  });

  it('says which severities a check reports a code with', () => {
    const limitRecord: CheckCode = 'LIMIT_RECORD_MISMATCH';
    expect(severitiesIn(limitRecord, 'limits')).toEqual(['fail', 'warn']);
    expect(severitiesIn(limitRecord, 'schedule')).toEqual(['fail']);
    expect(severitiesIn('TRUST_ROOT_DEMO_ONLY', 'trust')).toEqual(['warn']);
    expect(severitiesIn('TRUST_ROOT_DEMO_ONLY', 'wpc')).toEqual([]);
    expect(isCheckCode('toString')).toBe(false);
    expect(isCheckCode('OK')).toBe(false);
  });
});

describe('the conformance suite (fixtures/conformance/manifest.json)', () => {
  it('expects only registered codes, each from a check that reports it with that severity', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/conformance/manifest.json'), 'utf8')) as ConformanceManifest;
    const wrong: string[] = [];
    let seen = 0;
    for (const c of manifest.cases) {
      for (const e of [c.expected, ...c.alternatives]) {
        const judge = (check: CheckId, code: string, severity: 'fail' | 'warn') => {
          seen++;
          if (!isCheckCode(code) || !severitiesIn(code, check).includes(severity)) wrong.push(`${c.id}: ${check} ${severity} ${code}`);
        };
        for (const f of e.failing) for (const code of new Set([f.code, ...f.codes])) judge(f.check, code, 'fail');
        for (const w of e.warnings) judge(w.check, w.code, 'warn');
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(manifest.cases.length);
  });
});

describe('src/format', () => {
  it('imports only src/format, src/core and zod: it sits at the level of core, below the verifier', () => {
    for (const file of FORMAT_FILES) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)) {
        const spec = m[1] ?? m[2] ?? '';
        // The format's schemas are zod schemas with their types inferred (issue #9).
        if (spec === 'zod') continue;
        const where = `${relative(ROOT, file)} imports ${spec}`;
        expect(spec.startsWith('.'), where).toBe(true);
        const target = relative(ROOT, resolve(file, '..', spec));
        expect(target.startsWith('src/format/') || target.startsWith('src/core/'), where).toBe(true);
      }
    }
  });
});
