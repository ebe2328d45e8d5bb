/**
 * The published JSON Schema of one v2 line (docs/schemas/bundle-v2-line.schema.json), generated
 * from LINE_SCHEMAS so the document and the reader cannot disagree on what a line may hold.
 * scripts/generate-schemas.ts writes it; test/format/v2/json-schema.test.ts fails when the
 * committed file differs from a fresh generation.
 *
 * zod renders a refinement as nothing, so the coded blocks (digest, identifier, timestamp) get
 * back the pattern their refinement tests, and every refinement JSON Schema cannot express (a
 * real calendar date, a rule across members) is said in the description of the schema it is on.
 * What the reader checks across lines is said once, in the root description.
 */
import { z } from 'zod';
import { DIGEST_PATTERN } from '../../core/hash.js';
import { MILLISECOND_PATTERN } from '../../core/time.js';
import type { SchemaCode } from '../codes.js';
import { MAX_ID_LENGTH } from '../limits.js';
import { IDENTIFIER_PATTERN } from '../schema-blocks.js';
import { LINE_SCHEMAS, type LineType } from './line.js';

export const V2_SCHEMA_FILES = ['bundle-v2-line.schema.json'] as const;
export type V2SchemaFile = (typeof V2_SCHEMA_FILES)[number];

type JsonSchemaObject = Record<string, unknown>;

/** What the refinement of a coded block tests, as JSON Schema keywords (a real date aside). */
const CODED_BLOCKS: Partial<Record<SchemaCode, JsonSchemaObject>> = {
  DIGEST_INVALID: { pattern: DIGEST_PATTERN.source, description: '`sha256:` and 64 lowercase hex digits.' },
  ID_INVALID: { pattern: IDENTIFIER_PATTERN.source, minLength: 1, maxLength: MAX_ID_LENGTH, description: 'An identifier.' },
  TIMESTAMP_INVALID: {
    pattern: MILLISECOND_PATTERN.source,
    description: 'RFC 3339 UTC with exactly three fraction digits. Not expressible here, checked by the reader: a real date and time (no February 30, no hour 24).',
  },
};

const LINE_DESCRIPTIONS: Readonly<Record<LineType, string>> = {
  header: 'Line 1: the media type and version, the job, how many job lines of each kind follow, the key ids of each signing role (named by index in a signature) and the longest line in bytes.',
  wpc: "Line 2: the WPC's DSSE envelope, as in v1.",
  cst: 'Line 3: the CST, a compact JWS, as in v1.',
  receipt: "The proxy's signed receipt of one model call; sig is base64 of a key index byte and the Ed25519 signature over DSSE PAE(application/vnd.clawproof.receipt+json, RFC 8785 bytes of payload).",
  view: 'The redacted model view a receipt covers (its request_hash).',
  response: 'The model response a receipt covers (its response_hash).',
  job_start: 'Record: the job started.',
  intake: 'Record: a ticket was read.',
  redaction: "Record: what redaction found in a ticket's document.",
  proposal: 'Record: the proposal a receipted model answer gave. Always states at.',
  decision: 'Record: one tool decision; proposal_seq names its proposal record by seq.',
  limit: 'Record: a limit acted.',
  ticket_done: "Record: a ticket's processing ended; after_hash covers its ticket line's after-state.",
  job_end: 'Record: the job ended.',
  approval: "The approver's signed answer to a proposal; proposal_hash is the SHA-256 of that proposal line's exact bytes.",
  ticket: "A ticket's routing state before and after the job.",
  tree_head: "A service's signed RFC 9162 tree head: the proxy's over the receipt lines, the harness's over every line before the heads.",
};

const ROOT_DESCRIPTION = [
  'One line of a Clawproof proof bundle, format v2 (application/vnd.clawproof.bundle.v2+jsonl; docs/FORMATS.md, "Proof bundle format v2"), told apart by t.',
  'A line is also its own RFC 8785 canonical form, ends in LF, and its record lines omit at when it equals the previous record\'s.',
  "Not expressible in a schema of one line, and checked by the reader: line order (header, wpc, cst, job lines, proxy tree head, harness tree head), each record's and receipt's seq being its index,",
  "the at omission rule, a decision's proposal_seq naming an earlier proposal of its ticket, the header's counts, max_line_bytes and key indices; and by the verifier: signatures and tree heads.",
].join(' ');

/** Each schema file's exact text: 2-space JSON with a final newline. */
export function generateV2SchemaFiles(): Record<V2SchemaFile, string> {
  const titles = new Map<unknown, LineType>(Object.entries(LINE_SCHEMAS).map(([t, schema]) => [schema, t as LineType]));
  const union = z.discriminatedUnion('t', Object.values(LINE_SCHEMAS) as unknown as [typeof LINE_SCHEMAS.header, ...(typeof LINE_SCHEMAS)[LineType][]]);
  const schema = z.toJSONSchema(union, {
    target: 'draft-2020-12',
    override(ctx) {
      const json = ctx.jsonSchema as JsonSchemaObject;
      const line = titles.get(ctx.zodSchema);
      if (line !== undefined) Object.assign(json, { title: `${line} line`, description: LINE_DESCRIPTIONS[line] });
      for (const refinement of customChecks(ctx.zodSchema)) {
        const block = refinement.jsonSchema ?? (refinement.code === undefined ? undefined : CODED_BLOCKS[refinement.code]);
        if (block !== undefined) Object.assign(json, block);
        else appendDescription(json, `Not expressible here: the reader refuses a line that breaks this rule ("${refinement.message}").`);
      }
    },
  }) as JsonSchemaObject;
  schema['description'] = ROOT_DESCRIPTION;
  return { 'bundle-v2-line.schema.json': `${JSON.stringify(schema, null, 2)}\n` };
}

interface Refinement {
  readonly code: SchemaCode | undefined;
  readonly message: string;
  /** What JSON Schema says for it, when it can (a refinement's `params.jsonSchema`, e.g. uniqueItems). */
  readonly jsonSchema: JsonSchemaObject | undefined;
}

/** The refinements (zod `custom` checks) on a schema, with the code and message they report. */
function customChecks(schema: unknown): Refinement[] {
  const def = (schema as { _zod?: { def?: { checks?: { _zod: { def: { check: string; params?: { code?: SchemaCode; jsonSchema?: JsonSchemaObject }; error?: unknown } } }[] } } })._zod
    ?.def;
  const out: Refinement[] = [];
  for (const check of def?.checks ?? []) {
    const d = check._zod.def;
    if (d.check !== 'custom') continue;
    const message = typeof d.error === 'function' ? String((d.error as (issue: unknown) => unknown)({})) : String(d.error ?? 'a refinement');
    out.push({ code: d.params?.code, message, jsonSchema: d.params?.jsonSchema });
  }
  return out;
}

function appendDescription(json: JsonSchemaObject, text: string): void {
  const current = json['description'];
  json['description'] = typeof current === 'string' && current !== '' ? `${current} ${text}` : text;
}
