import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SCHEMA_CODES } from '../../../src/format/codes.js';
import { zodIssuesToReport } from '../../../src/verify/schemas/issues.js';

const place = { pointer: '/receipts/0', inPayload: true, what: 'receipt payload' } as const;

function codes(schema: z.ZodType, value: unknown, extra: Partial<Parameters<typeof zodIssuesToReport>[2]> = {}): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to fail its schema');
  return zodIssuesToReport(result.error.issues, value, { ...place, ...extra }).map((i) => i.code);
}

describe('zod issues as report issues', () => {
  it('gives each kind of schema failure its registered schema code', () => {
    expect(codes(z.strictObject({ a: z.int() }), { a: 1, b: 2 })).toEqual(['UNKNOWN_FIELD']);
    expect(codes(z.strictObject({ a: z.int() }), {})).toEqual(['FIELD_MISSING']);
    expect(codes(z.int(), 1.5)).toEqual(['WRONG_TYPE']);
    expect(codes(z.enum(['x']), 'y')).toEqual(['VALUE_INVALID']);
    expect(codes(z.int().min(0), -1)).toEqual(['VALUE_OUT_OF_RANGE']);
    expect(codes(z.array(z.int()).max(1), [1, 2])).toEqual(['ARRAY_TOO_LONG']);
    expect(codes(z.array(z.int()).min(1), [])).toEqual(['ARRAY_TOO_SHORT']);
    expect(codes(z.string().max(1), 'ab')).toEqual(['STRING_TOO_LONG']);
    expect(codes(z.string().min(1), '')).toEqual(['STRING_TOO_SHORT']);
    expect(codes(z.strictObject({ v: z.literal(1) }), { v: 2 }, { valueCodes: { v: 'VERSION_UNSUPPORTED' } })).toEqual(['VERSION_UNSUPPORTED']);
    const kinds = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('a') }), z.strictObject({ kind: z.literal('b') })]);
    expect(codes(kinds, { kind: 'c' }, { unknownKindCode: 'RECORD_KIND_UNKNOWN' })).toEqual(['RECORD_KIND_UNKNOWN']);
  });

  it("takes a refinement's code from params.code when it is a schema code, else VALUE_INVALID", () => {
    const refined = (code: unknown) => z.string().check(z.refine(() => false, { message: 'no', params: { code } }));
    expect(codes(refined('DIGEST_INVALID'), 'x')).toEqual(['DIGEST_INVALID']);
    expect(codes(refined('NOT_A_CODE'), 'x')).toEqual(['VALUE_INVALID']);
    expect(codes(refined(undefined), 'x')).toEqual(['VALUE_INVALID']);
  });

  it('reports a zod string format (none in the v1 schemas) as VALUE_INVALID, a code the spec lists', () => {
    expect(codes(z.string().regex(/^a$/), 'b')).toEqual(['VALUE_INVALID']);
    expect(codes(z.email(), 'not an address')).toEqual(['VALUE_INVALID']);
  });

  it('never reports a code outside the schema codes', () => {
    const all = new Set<string>(SCHEMA_CODES);
    const schema = z.strictObject({ a: z.int().min(0), b: z.array(z.string().max(2)).max(1), c: z.enum(['x']) });
    for (const value of [null, [], { a: -1, b: ['abc', 'd'], c: 'y', d: 0 }, { a: 'x' }]) {
      for (const code of codes(schema, value)) expect(all.has(code), code).toBe(true);
    }
  });
});
