/**
 * Mutation test of the verifier: every leaf value of the smallest good bundle (tiny-example), changed,
 * removed and duplicated one at a time, must never verify as valid. The bundle document's own leaves
 * are mutated (a base64 payload or signature is one leaf: changing a character of it changes the
 * signed bytes or the signature); what a change inside a decoded payload does is the other tests'
 * business. About 440 verifications of a 20 kB bundle: some 20 s with the node:crypto backend.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { registerNodeEd25519Backend } from '../../src/node/ed25519-node.js';
import type { Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { registered } from './registry.js';
import { ROOT, TRUST_ROOT, checkOf } from './support.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];
interface Leaf {
  readonly path: Path;
  readonly value: null | boolean | number | string;
}

const TEXT = readFileSync(join(ROOT, 'fixtures', 'bundles', 'tiny-example.clawproof'), 'utf8');
const DOCUMENT = JSON.parse(TEXT) as Json;
const LEAVES = leavesOf(DOCUMENT);
const ran = new Map<string, number>();

async function verify(text: string): Promise<Report> {
  return registered(await verifyBundle(utf8Encode(text), TRUST_ROOT, { backend: 'node' }));
}

/**
 * Applies `mutate` to each leaf in turn and returns the mutants that verified as valid or made a
 * check crash (neither may happen), by pointer. `mutate` returns the mutant's text, or null when
 * the mutation does not apply.
 */
async function badMutants(kind: string, mutate: (leaf: Leaf) => string | null, also?: (report: Report) => void): Promise<string[]> {
  const bad: string[] = [];
  let count = 0;
  for (const leaf of LEAVES) {
    const text = mutate(leaf);
    if (text === null) continue;
    count++;
    const report = await verify(text);
    if (report.verdict === 'valid') bad.push(`${pointerOf(leaf.path)}: valid`);
    const crashed = report.checks.filter((c) => c.issues.some((i) => i.code === 'CHECK_CRASHED')).map((c) => c.id);
    if (crashed.length > 0) bad.push(`${pointerOf(leaf.path)}: ${crashed.join(', ')} crashed`);
    also?.(report);
  }
  ran.set(kind, count);
  return bad;
}

beforeAll(() => registerNodeEd25519Backend());

afterAll(() => {
  const total = [...ran.values()].reduce((a, b) => a + b, 0);
  const parts = [...ran].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`mutation test: ${total} mutations of the ${LEAVES.length} leaves of tiny-example.clawproof (${parts})`);
});

describe('mutating any one leaf of a good bundle never leaves it valid', () => {
  it('starts from a bundle that verifies valid when re-serialised unchanged (so a failure below is the mutation\'s)', async () => {
    expect((await verify(JSON.stringify(DOCUMENT))).verdict).toBe('valid');
    expect(LEAVES.length).toBeGreaterThan(100);
    // The signed payloads and signatures are leaves of their own, as is every unsigned entry's field.
    const pointers = LEAVES.map((l) => pointerOf(l.path));
    expect(pointers).toEqual(expect.arrayContaining(['/wpc/payload', '/cst', '/receipts/0/signatures/0/sig', '/manifest/payload', '/tickets/0/after/group_id']));
  });

  it('changed: a string gets one character swapped for another of its alphabet (middle), a number +1, a boolean negated, null -> 0', async () => {
    const mutate = (leaf: Leaf) => JSON.stringify(withValue(DOCUMENT, leaf.path, changed(leaf.value, 'middle')));
    expect(await badMutants('changed', mutate)).toEqual([]);
  }, 120_000);

  it('changed at the last character of each string (base64 padding bits, the last hex digit of a digest)', async () => {
    const mutate = (leaf: Leaf) => (typeof leaf.value === 'string' && leaf.value.length > 1 ? JSON.stringify(withValue(DOCUMENT, leaf.path, changed(leaf.value, 'last'))) : null);
    expect(await badMutants('changed-last', mutate)).toEqual([]);
  }, 120_000);

  it('removed: the member or array element deleted', async () => {
    expect(await badMutants('removed', (leaf) => JSON.stringify(without(DOCUMENT, leaf.path)))).toEqual([]);
  }, 120_000);

  it('duplicated in an array: a copy inserted next to the element', async () => {
    const mutate = (leaf: Leaf) => (typeof leaf.path.at(-1) === 'number' ? JSON.stringify(withCopy(DOCUMENT, leaf.path)) : null);
    expect(await badMutants('duplicated-element', mutate)).toEqual([]);
  }, 120_000);

  it('duplicated object member (in the text): rejected by the strict parser as INPUT_DUPLICATE_KEY', async () => {
    const mutate = (leaf: Leaf) => (typeof leaf.path.at(-1) === 'string' ? textWithDuplicate(DOCUMENT, leaf.path) : null);
    const codes = new Set<string>();
    const found = await badMutants('duplicated-member', mutate, (report) => codes.add(checkOf(report, 'structure').code));
    expect(found).toEqual([]);
    expect(codes).toEqual(new Set(['INPUT_DUPLICATE_KEY']));
  }, 120_000);
});

describe('the mutation helpers', () => {
  it('keep each string in its alphabet and really change it', () => {
    expect(changed('sha256:0f', 'last')).toBe('sha256:0a');
    expect(changed('abc9', 'last')).toBe('abc0');
    expect(changed('QUJD+', 'last')).toBe('QUJD/');
    expect(changed('eyJ-_', 'last')).toBe('eyJ--');
    expect(changed('2026-01-05T09:00:00.900Z', 'middle')).toBe('2026-01-05T00:00:00.900Z');
    expect(changed('xyz', 'middle')).toBe('xzz');
    expect(changed('ab==', 'last')).toBe('ac==');
    expect(changed('', 'middle')).toBe('a');
    expect(changed(0.9, 'middle')).toBe(1.9);
    expect(changed(null, 'middle')).toBe(0);
    expect(changed(true, 'middle')).toBe(false);
  });

  it('duplicate a member in the text only, where the path says', () => {
    const doc: Json = { a: 1, b: [{ c: 'x', d: null }] };
    expect(textWithDuplicate(doc, ['b', 0, 'd'])).toBe('{"a":1,"b":[{"c":"x","d":null,"d":null}]}');
    expect(JSON.stringify(without(doc, ['b', 0, 'c']))).toBe('{"a":1,"b":[{"d":null}]}');
    expect(JSON.stringify(withCopy({ t: ['p', 'q'] }, ['t', 1]))).toBe('{"t":["p","q","q"]}');
    expect(doc).toEqual({ a: 1, b: [{ c: 'x', d: null }] });
  });
});

// --- walking and mutating the document ----------------------------------------------------------

function leavesOf(value: Json, path: Path = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  return [{ path, value }];
}

function pointerOf(path: Path): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A copy of `doc` and the container holding the last step of `path` in that copy. */
function parentIn(doc: Json, path: Path): { copy: Json; parent: Json[] | { [key: string]: Json }; key: string | number } {
  const copy = structuredClone(doc);
  let node = copy;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, Json>)[step]!;
  return { copy, parent: node as Json[] | { [key: string]: Json }, key: path.at(-1)! };
}

function withValue(doc: Json, path: Path, value: Json): Json {
  const { copy, parent, key } = parentIn(doc, path);
  (parent as Record<string | number, Json>)[key] = value;
  return copy;
}

function without(doc: Json, path: Path): Json {
  const { copy, parent, key } = parentIn(doc, path);
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
  return copy;
}

function withCopy(doc: Json, path: Path): Json {
  const { copy, parent, key } = parentIn(doc, path);
  (parent as Json[]).splice((key as number) + 1, 0, structuredClone((parent as Json[])[key as number]!));
  return copy;
}

/** JSON text of `doc` with the member at `path` written twice in its object (parsed JSON cannot hold that). */
function textWithDuplicate(doc: Json, path: Path): string {
  const write = (value: Json, target: Path | null): string => {
    const next = (step: string | number) => (target !== null && target[0] === step && target.length > 1 ? target.slice(1) : null);
    if (Array.isArray(value)) return `[${value.map((v, i) => write(v, next(i))).join(',')}]`;
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const members = Object.entries(value).flatMap(([k, v]) => {
      const member = `${JSON.stringify(k)}:${write(v, next(k))}`;
      return target !== null && target.length === 1 && target[0] === k ? [member, member] : [member];
    });
    return `{${members.join(',')}}`;
  };
  return write(doc, path);
}

/** The next character of the same class: digits, a-f, g-z, A-Z, and the base64 (+ /) and base64url (- _) pairs. */
const CYCLES = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '+/', '-_'];

function nextInClass(c: string): string | null {
  for (const cycle of CYCLES) {
    const i = cycle.indexOf(c);
    if (i >= 0) return cycle[(i + 1) % cycle.length]!;
  }
  return null;
}

function changed(value: Leaf['value'], where: 'middle' | 'last'): Json {
  if (value === null) return 0;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  // The character at `where`, or the nearest one before it that has a class (skips padding, separators, spaces).
  const start = where === 'middle' ? Math.floor(value.length / 2) : value.length - 1;
  for (let i = start; i >= 0; i--) {
    const next = nextInClass(value[i]!);
    if (next !== null) return value.slice(0, i) + next + value.slice(i + 1);
  }
  return `${value}a`;
}
