/**
 * The published JSON Schemas (docs/schemas/*.schema.json), generated from the zod schemas so the
 * documents and the validator cannot disagree. scripts/generate-schemas.ts writes them; a test
 * fails when the committed files differ from a fresh generation.
 *
 * The JSON Schemas describe structure only: the semantic checks (contradictions, DLP rule
 * types, mixed shapes) exist only in validateWpc.
 */
import { z } from 'zod';
import { routingWpcSchema, wpcSchema, zendeskWpcSchema } from './schema.js';

export const WPC_SCHEMA_FILES = ['wpc-routing.schema.json', 'wpc-zendesk.schema.json', 'wpc.schema.json'] as const;
export type WpcSchemaFile = (typeof WPC_SCHEMA_FILES)[number];

/** Each schema file's exact text: 2-space JSON with a final newline. */
export function generateWpcSchemaFiles(): Record<WpcSchemaFile, string> {
  const render = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12' }), null, 2)}\n`;
  return {
    'wpc-routing.schema.json': render(routingWpcSchema),
    'wpc-zendesk.schema.json': render(zendeskWpcSchema),
    'wpc.schema.json': render(wpcSchema),
  };
}
