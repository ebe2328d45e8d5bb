import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWpcSchemaFiles, WPC_SCHEMA_FILES } from '../../src/policy/json-schema.js';

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'docs', 'schemas');

describe('published JSON Schemas', () => {
  const generated = generateWpcSchemaFiles();

  it.each(WPC_SCHEMA_FILES)('docs/schemas/%s equals a fresh generation (run npm run generate:schemas)', (name) => {
    expect(readFileSync(join(SCHEMA_DIR, name), 'utf8')).toBe(generated[name]);
  });

  it('publishes the union as oneOf the two shapes, each closed to unknown fields', () => {
    const union = JSON.parse(generated['wpc.schema.json']) as { oneOf: { additionalProperties: unknown; required: string[] }[] };
    expect(union.oneOf).toHaveLength(2);
    for (const shape of union.oneOf) expect(shape.additionalProperties).toBe(false);
    expect(union.oneOf[0]?.required).toContain('workflow');
    expect(union.oneOf[1]?.required).toContain('integration');
  });
});
