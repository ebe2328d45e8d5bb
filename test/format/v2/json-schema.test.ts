import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest, identifier, timestamp } from '../../../src/format/schema-blocks.js';
import { V2_SCHEMA_FILES, generateV2SchemaFiles } from '../../../src/format/v2/json-schema.js';
import { LINE_TYPES } from '../../../src/format/v2/line.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCHEMA_DIR = join(ROOT, 'docs', 'schemas');
const V2_FIXTURES = join(ROOT, 'fixtures', 'bundles', 'v2');

interface ObjectSchema {
  readonly title: string;
  readonly properties: Record<string, { const?: unknown; pattern?: string; description?: string; properties?: Record<string, ObjectSchema> }>;
  readonly required: readonly string[];
  readonly additionalProperties: unknown;
}

describe('the published JSON Schema of a v2 line', () => {
  const generated = generateV2SchemaFiles();
  const schema = JSON.parse(generated['bundle-v2-line.schema.json']) as { oneOf: ObjectSchema[]; description: string };
  const byType = new Map(schema.oneOf.map((s) => [s.properties['t']!.const as string, s]));

  it.each(V2_SCHEMA_FILES)('docs/schemas/%s equals a fresh generation (run npm run generate:schemas)', (name) => {
    expect(readFileSync(join(SCHEMA_DIR, name), 'utf8')).toBe(generated[name]);
  });

  it('is oneOf every line type, each a closed object whose t is its type, titled for it', () => {
    expect([...byType.keys()]).toEqual(LINE_TYPES);
    for (const [t, s] of byType) {
      expect(s.additionalProperties, t).toBe(false);
      expect(s.required, t).toContain('t');
      expect(s.title).toBe(`${t} line`);
    }
  });

  it('gives the coded blocks back the pattern their refinement tests, and says what a pattern cannot (a real date)', () => {
    const intake = byType.get('intake')!.properties;
    const header = byType.get('header')!.properties;
    const cases = [
      { pattern: intake['content_hash']!.pattern!, block: digest, samples: [`sha256:${'a'.repeat(64)}`, `sha256:${'A'.repeat(64)}`, `sha256:${'a'.repeat(63)}`, `sha1:${'a'.repeat(64)}`] },
      { pattern: header['job_id']!.pattern!, block: identifier, samples: ['job_6510ea1099daedc8e1ce9ab2', 'a:b.c-d_e', 'has space', 'é', ''] },
    ];
    for (const { pattern, block, samples } of cases) {
      for (const s of samples) expect(new RegExp(pattern).test(s), s).toBe(block.safeParse(s).success);
    }
    const at = intake['at']!;
    expect(new RegExp(at.pattern!).test('2026-01-05T09:00:00.900Z')).toBe(true);
    expect(new RegExp(at.pattern!).test('2026-01-05T09:00:00.9Z')).toBe(false);
    // The one thing the pattern lets through: an impossible date, which the description names.
    expect(new RegExp(at.pattern!).test('2026-02-30T09:00:00.900Z')).toBe(true);
    expect(timestamp.safeParse('2026-02-30T09:00:00.900Z').success).toBe(false);
    expect(at.description).toMatch(/Not expressible here.*real date/);
  });

  it("says in the description of each refined object the rule JSON Schema cannot express, and in the root what the reader checks across lines", () => {
    const text = generated['bundle-v2-line.schema.json'];
    const rule = (message: string) => JSON.stringify(`Not expressible here: the reader refuses a line that breaks this rule ("${message}").`);
    expect(text).toContain(rule('a steady arrival has per_minute and a backlog has none'));
    expect(text).toContain(rule('count is less than the number of items listed'));
    expect(schema.description).toMatch(/line order.*seq.*at omission.*proposal_seq.*counts, max_line_bytes and key indices/);
  });

  it('fits the lines of every v2 demo fixture at their top level: each member one the schema lists, each required one present', () => {
    for (const name of readdirSync(V2_FIXTURES).filter((n) => n.endsWith('.clawproof'))) {
      const lines = readFileSync(join(V2_FIXTURES, name), 'utf8').split('\n').slice(0, -1);
      for (const [i, text] of lines.entries()) {
        const line = JSON.parse(text) as Record<string, unknown>;
        const s = byType.get(line['t'] as string);
        expect(s, `${name}:${i + 1}`).toBeDefined();
        expect(Object.keys(line).filter((k) => !(k in s!.properties)), `${name}:${i + 1}`).toEqual([]);
        expect(s!.required.filter((k) => !(k in line)), `${name}:${i + 1}`).toEqual([]);
      }
    }
  });
});
