/**
 * Hostile input end to end: whatever the bytes, verifyBundle returns a report (never throws, never
 * hangs) and never says valid for content that differs from what was signed.
 */
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { sha256 } from '../../src/core/hash.js';
import { serializeBundle } from '../../src/runtime/bundle/serialize.js';
import { CHECK_IDS, type Report } from '../../src/verify/report.js';

const CHECK_COUNT = CHECK_IDS.length;
import { checkOf, makeBundle, verify } from './support.js';

function expectUnreadable(report: Report, code: string): void {
  expect(report.verdict).toBe('invalid');
  expect(checkOf(report, 'structure')).toMatchObject({ status: 'fail', code });
  expect(report.checks.filter((c) => c.id !== 'structure').every((c) => c.status === 'skipped')).toBe(true);
  // No check ran, so there is no verdict on the content: the summary says so, naming the one cause.
  expect(report.summary).toMatch(/^Cannot verify: the file is not a readable bundle: .*; no check ran\.$/);
  expect(report.causes).toMatchObject([{ check: 'structure', code, consequences: [] }]);
}

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hostile input', () => {
  it('reports a bundle cut short as INPUT_NOT_JSON, hashing the bytes it got', async () => {
    const bytes = utf8Encode(serializeBundle(await makeBundle()));
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    const report = await verify(cut);
    expectUnreadable(report, 'INPUT_NOT_JSON');
    expect(report.bundle).toMatchObject({ hash: sha256(cut), bytes: cut.length, mediaType: null });
  });

  it('[R-ENC-3] reports bytes cut inside a UTF-8 sequence as INPUT_NOT_UTF8', async () => {
    const bytes = utf8Encode(`{"mediaType":"é`);
    expectUnreadable(await verify(bytes.slice(0, bytes.length - 1)), 'INPUT_NOT_UTF8');
  });

  it('[R-ENC-13] reports deep nesting as INPUT_TOO_DEEP, as text and as a parsed value, without exhausting the stack', async () => {
    expectUnreadable(await verify('['.repeat(200_000)), 'INPUT_TOO_DEEP');
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expectUnreadable(await verify({ mediaType: 'x', deep }), 'INPUT_TOO_DEEP');
  });

  it('reports a model view nested past the depth limit as INPUT_TOO_DEEP, and obeys a raised limit', async () => {
    const bundle = await makeBundle();
    let nested: Record<string, unknown> = {};
    for (let i = 0; i < 70; i++) nested = { n: nested };
    bundle.model_views[0]!.request.view = nested as never;
    const text = serializeBundle(bundle);
    expectUnreadable(await verify(text), 'INPUT_TOO_DEEP');
    const raised = await verify(text, undefined, { maxDepth: 200 });
    expect(checkOf(raised, 'model_views').code).toBe('MODEL_VIEW_HASH_MISMATCH');
  });

  it('reports input over the size limit as INPUT_TOO_LARGE without hashing it', async () => {
    const bytes = utf8Encode(serializeBundle(await makeBundle()));
    const report = await verify(bytes, undefined, { maxBytes: 1000 });
    expectUnreadable(report, 'INPUT_TOO_LARGE');
    expect(report.bundle.hash).toBeNull();
  });

  it('reports a document with a duplicate top-level member as INPUT_DUPLICATE_KEY', async () => {
    const text = serializeBundle(await makeBundle());
    const doubled = text.replace('"version": 1,', '"version": 1,\n  "version": 1,');
    expectUnreadable(await verify(doubled), 'INPUT_DUPLICATE_KEY');
  });

  it('reports non-objects and non-JSON values with their own codes', async () => {
    expectUnreadable(await verify('[]'), 'INPUT_NOT_OBJECT');
    expectUnreadable(await verify(42), 'INPUT_NOT_OBJECT');
    expectUnreadable(await verify(undefined), 'INPUT_NOT_JSON_DATA');
    expectUnreadable(await verify({ mediaType: Symbol('x') }), 'INPUT_NOT_JSON_DATA');
  });

  it('survives random bytes and random JSON of every shape without throwing', async () => {
    const random = prng(7);
    const samples: unknown[] = [new Uint8Array(0), '{}', '{"mediaType":null}', { wpc: [], cst: {}, receipts: 'x', records: [null, 1, 'a', [], {}] }];
    for (let i = 0; i < 30; i++) samples.push(Uint8Array.from({ length: 1 + Math.floor(random() * 400) }, () => Math.floor(random() * 256)));
    for (const sample of samples) {
      const report = await verify(sample);
      expect(report.verdict).toBe('invalid');
      expect(report.checks).toHaveLength(CHECK_COUNT);
    }
  });

  it('never finds a bundle valid after any change of a value inside it', async () => {
    const original = await makeBundle({ tickets: 1 });
    expect((await verify(original)).verdict).toBe('valid');
    // Every leaf value of the document, addressed by its path.
    const leaves: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      else leaves.push(path);
    };
    walk(original, []);
    const random = prng(42);
    for (let n = 0; n < 150; n++) {
      const path = leaves[Math.floor(random() * leaves.length)]!;
      const bundle = structuredClone(original) as unknown as Record<string | number, unknown>;
      let parent = bundle;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      const old = parent[key];
      parent[key] =
        typeof old === 'string'
          ? old.length > 0 ? `${old.slice(0, -1)}${old.endsWith('A') ? 'B' : 'A'}` : 'x'
          : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : 0;
      const report = await verify(bundle);
      expect([path.join('/'), report.verdict]).not.toEqual([path.join('/'), 'valid']);
    }
  }, 60_000);
});
