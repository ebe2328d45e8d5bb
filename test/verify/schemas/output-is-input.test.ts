/**
 * The verifier keeps a part that passes its schema as parsed, not zod's copy of it (which would
 * hold every payload twice): that is only right while every schema's output is its input. These
 * are strict schemas with no transforms, defaults or coercions; this pins it on every part of
 * every committed bundle, so a schema that starts to rewrite values fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/bytes.js';
import { parseStrictJson } from '../../../src/core/json.js';
import { modelResponseEntrySchema, modelViewEntrySchema, ticketEntrySchema } from '../../../src/verify/schemas/bundle.js';
import { approvalPayloadSchema, manifestPayloadSchema, receiptPayloadSchema, recordPayloadSchema } from '../../../src/verify/schemas/payloads.js';
import { ROOT } from '../support.js';
import { LINE_SCHEMAS, isLineType } from '../../../src/format/v2/line.js';

const BUNDLES = join(ROOT, 'fixtures', 'bundles');
const SIGNED: readonly (readonly [string, z.ZodType])[] = [['receipts', receiptPayloadSchema], ['records', recordPayloadSchema], ['approvals', approvalPayloadSchema]];
const UNSIGNED: readonly (readonly [string, z.ZodType])[] = [['model_views', modelViewEntrySchema], ['model_responses', modelResponseEntrySchema], ['tickets', ticketEntrySchema]];

const payloadOf = (envelope: { payload: string }) => parseStrictJson(base64Decode(envelope.payload));

describe('schema outputs are their inputs', () => {
  const files = readdirSync(BUNDLES).filter((f) => f.endsWith('.clawproof'));

  it.each(files)('every part of %s that passes its schema comes out of it unchanged', (file) => {
    const doc = parseStrictJson(readFileSync(join(BUNDLES, file))) as Record<string, { payload: string }[] & { payload: string }>;
    const values: [z.ZodType, unknown][] = [[manifestPayloadSchema, payloadOf(doc['manifest']!)]];
    for (const [name, schema] of SIGNED) for (const e of doc[name]!) values.push([schema, payloadOf(e)]);
    for (const [name, schema] of UNSIGNED) for (const entry of doc[name]!) values.push([schema, entry]);
    let passed = 0;
    for (const [schema, value] of values) {
      const result = schema.safeParse(value);
      if (!result.success) continue;
      passed++;
      expect(result.data).toStrictEqual(value);
    }
    expect(passed).toBe(values.length);
  });

  const v2Files = readdirSync(join(BUNDLES, 'v2')).filter((f) => f.endsWith('.clawproof'));

  it.each(v2Files)('every line of v2/%s comes out of its line schema unchanged (the v2 reader keeps lines as parsed)', (file) => {
    const lines = readFileSync(join(BUNDLES, 'v2', file), 'utf8').split('\n').filter((l) => l !== '');
    for (const line of lines) {
      const value = parseStrictJson(line) as { t: unknown };
      expect(isLineType(value.t)).toBe(true);
      const result = LINE_SCHEMAS[value.t as keyof typeof LINE_SCHEMAS].safeParse(value);
      expect(result.success).toBe(true);
      expect(result.data).toStrictEqual(value);
    }
  });
});
