/**
 * Every MUST is enforced: each absolute requirement of the spec parts carries an id, and each id
 * is held by a code the verifier really reports or by a test that names it
 * (src/verify/requirements.ts), so the spec cannot promise what the verifier skips.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS, REQUIREMENT_PREFIXES } from '../../src/verify/requirements.js';
import { idsIn, specSentences } from './spec-sentences.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PARTS_DIR = join(ROOT, 'docs', 'formats-parts');
const THIS_FILE = relative(ROOT, import.meta.filename);
/** Where the report codes are specified; a code must be backticked in one of these. */
const CODE_TABLES = ['90-verification.md', '91-verification-semantics.md'];

const read = (path: string): string => readFileSync(path, 'utf8');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, keep);
    return keep(name) ? [path] : [];
  });
}

interface SpecId {
  readonly id: string;
  readonly part: string;
  readonly line: number;
}

const parts = readdirSync(PARTS_DIR).filter((name) => name.endsWith('.md')).sort();
const sentences = parts.map((part) => ({ part, sentences: specSentences(read(join(PARTS_DIR, part))) }));
const specIds: SpecId[] = sentences.flatMap(({ part, sentences: list }) => list.flatMap((s) => s.ids.map((id) => ({ id, part, line: s.line }))));
const specIdSet = new Set(specIds.map((s) => s.id));

describe('specSentences', () => {
  it('finds a requirement without an id, attaches an id written after the sentence, and ignores quoted keywords', () => {
    const text = [
      'The key words MUST and MAY are used as in RFC 2119. A reader MUST reject it. [R-TEST-1] Then it',
      'stops. A `MUST` in code requires nothing, nor does lowercase must.',
      '',
      '* A writer MUST NOT do that (see e.g. `x`). It SHOULD say so.',
      '',
      '| member | rule |',
      '|---|---|',
      '| `alg` | REQUIRED and exactly `EdDSA`. [R-TEST-2] Missing: `JWS_MALFORMED` |',
      '```',
      'MUST in a code block',
      '```',
    ].join('\n');
    const found = specSentences(text).filter((s) => s.normative).map((s) => [s.line, s.ids, s.text]);
    expect(found).toEqual([
      [1, ['R-TEST-1'], 'A reader MUST reject it.'],
      [4, [], 'A writer MUST NOT do that (see e.g CODE).'],
      [8, ['R-TEST-2'], 'REQUIRED and exactly CODE.'],
    ]);
  });
});

describe('every requirement of the spec has an id, and every id is enforced', () => {
  it('(a) every sentence with MUST, MUST NOT, SHALL or REQUIRED carries an id, and every id is on such a sentence', () => {
    const missing: string[] = [];
    const stray: string[] = [];
    for (const { part, sentences: list } of sentences) {
      for (const s of list) {
        if (s.normative && s.ids.length === 0) missing.push(`${part}:${s.line}: ${s.text}`);
        if (!s.normative && s.ids.length > 0) stray.push(`${part}:${s.line}: ${s.ids.join(' ')} follows a sentence that requires nothing: ${s.text}`);
      }
    }
    expect(missing, 'add [R-<PART>-<n>] after each of these sentences and list the id in src/verify/requirements.ts').toEqual([]);
    expect(stray).toEqual([]);
  });

  it('(b) ids are unique, carry their part\'s prefix, and the registry lists exactly the ids of the spec', () => {
    const seen = new Map<string, SpecId>();
    const problems: string[] = [];
    for (const s of specIds) {
      const first = seen.get(s.id);
      if (first !== undefined) problems.push(`${s.id} appears twice: ${first.part}:${first.line} and ${s.part}:${s.line}`);
      seen.set(s.id, s);
      const prefix = REQUIREMENT_PREFIXES[s.part];
      if (prefix === undefined) problems.push(`${s.part} has no id prefix in REQUIREMENT_PREFIXES`);
      else if (!s.id.startsWith(`R-${prefix}-`)) problems.push(`${s.id} (${s.part}:${s.line}) does not carry the part's prefix R-${prefix}-`);
    }
    // An id written anywhere else in a part (a heading, a code block) is not a requirement's.
    for (const part of parts) for (const id of idsIn(read(join(PARTS_DIR, part)))) if (!specIdSet.has(id)) problems.push(`${id} in ${part} is not after a sentence`);
    for (const id of Object.keys(REQUIREMENTS)) if (!specIdSet.has(id)) problems.push(`${id} is in src/verify/requirements.ts but not in the spec`);
    for (const id of specIdSet) if (!(id in REQUIREMENTS)) problems.push(`${id} (${seen.get(id)!.part}) is not in src/verify/requirements.ts`);
    expect(new Set(Object.values(REQUIREMENT_PREFIXES)).size, 'one prefix per part').toBe(Object.keys(REQUIREMENT_PREFIXES).length);
    expect(problems).toEqual([]);
  });

  it('(c) every id is enforced by a code the verifier reports or pinned by a test', () => {
    const bare = Object.entries(REQUIREMENTS)
      .filter(([, r]) => (r.codes ?? []).length === 0 && (r.tests ?? []).length === 0)
      .map(([id]) => id);
    expect(bare).toEqual([]);
  });

  it('(d) every code named is a real one: in the verification sections\' text and a string literal of src/', () => {
    const spec = CODE_TABLES.map((name) => read(join(PARTS_DIR, name))).join('\n');
    // The registry itself would otherwise count as the code's source.
    const source = filesUnder(join(ROOT, 'src'), (name) => /\.(ts|svelte)$/.test(name))
      .filter((path) => relative(ROOT, path) !== join('src', 'verify', 'requirements.ts'))
      .map(read)
      .join('\n');
    const problems: string[] = [];
    for (const [id, r] of Object.entries(REQUIREMENTS)) {
      for (const code of r.codes ?? []) {
        if (!spec.includes(`\`${code}\``)) problems.push(`${id}: ${code} is not a code of ${CODE_TABLES.join(' or ')}`);
        if (!new RegExp(`['"\`]${code}['"\`]`).test(source)) problems.push(`${id}: ${code} is never written as a string literal under src/`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('(e) every test named exists and mentions the id, and every test that mentions an id is named for it', () => {
    const problems: string[] = [];
    for (const [id, r] of Object.entries(REQUIREMENTS)) {
      for (const test of r.tests ?? []) {
        const path = join(ROOT, test);
        if (!existsSync(path)) problems.push(`${id}: ${test} does not exist`);
        else if (!read(path).includes(`[${id}]`)) problems.push(`${id}: ${test} does not mention [${id}]`);
      }
    }
    for (const path of filesUnder(join(ROOT, 'test'), (name) => /\.(ts|js|mjs)$/.test(name))) {
      const test = relative(ROOT, path);
      if (test === THIS_FILE) continue;
      for (const id of new Set(idsIn(read(path)))) {
        if (!specIdSet.has(id)) problems.push(`${test} mentions ${id}, which the spec does not have`);
        else if (!(REQUIREMENTS[id]?.tests ?? []).includes(test)) problems.push(`${test} mentions ${id}, but src/verify/requirements.ts does not list it for ${id}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  const lines = parts.flatMap((part) => {
    const ids = specIds.filter((s) => s.part === part).map((s) => REQUIREMENTS[s.id]).filter((r) => r !== undefined);
    if (ids.length === 0) return [];
    const byCode = ids.filter((r) => (r.codes ?? []).length > 0).length;
    const byTest = ids.filter((r) => (r.tests ?? []).length > 0).length;
    return [`  ${part.padEnd(30)} ${String(ids.length).padStart(3)} ids  ${String(byCode).padStart(3)} by code  ${String(byTest).padStart(3)} by test`];
  });
  const all = Object.values(REQUIREMENTS);
  const summary = `${all.length} ids: ${all.filter((r) => r.binds === 'verifier').length} bind the verifier, ${all.filter((r) => r.binds === 'producer').length} the producer, ${all.filter((r) => r.binds === 'both').length} both`;
  console.log(['requirements (docs/formats-parts):', ...lines, `  ${summary}`].join('\n'));
});
