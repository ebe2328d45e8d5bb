/** Every line of a v2 bundle, by its `t` (a record's `t` is its kind). */
import { z } from 'zod';
import { cstLineSchema, responseLineSchema, ticketLineSchema, viewLineSchema, wpcLineSchema } from './entry-lines.js';
import { headerLineSchema, type HeaderCounts } from './header-line.js';
import { RECORD_KINDS, RECORD_LINE_SCHEMAS, type RecordKind, type RecordLine } from './record-line.js';
import { approvalLineSchema, receiptLineSchema, treeHeadLineSchema } from './signed-lines.js';

export const LINE_SCHEMAS = {
  header: headerLineSchema,
  wpc: wpcLineSchema,
  cst: cstLineSchema,
  receipt: receiptLineSchema,
  view: viewLineSchema,
  response: responseLineSchema,
  ...RECORD_LINE_SCHEMAS,
  approval: approvalLineSchema,
  ticket: ticketLineSchema,
  tree_head: treeHeadLineSchema,
} as const;

export type LineType = keyof typeof LINE_SCHEMAS;
export const LINE_TYPES = Object.keys(LINE_SCHEMAS) as LineType[];
export type V2Line = { [T in LineType]: z.infer<(typeof LINE_SCHEMAS)[T]> }[LineType];
export type LineOf<T extends LineType> = z.infer<(typeof LINE_SCHEMAS)[T]>;
/** A line as the reader hands it on: a record's `at` restored when the line omitted it. */
export type ReadV2Line = Exclude<V2Line, RecordLine> | (RecordLine & { at: string });

/** Which header count bounds the lines of a type (the others appear a fixed number of times). */
export const COUNTED_LINE_TYPES = {
  receipt: 'receipts',
  ...(Object.fromEntries(RECORD_KINDS.map((k) => [k, 'records'])) as Record<RecordKind, 'records'>),
  approval: 'approvals',
  view: 'model_views',
  response: 'model_responses',
  ticket: 'tickets',
} as const satisfies Partial<Record<LineType, keyof HeaderCounts>>;

export function isLineType(t: unknown): t is LineType {
  return typeof t === 'string' && Object.hasOwn(LINE_SCHEMAS, t);
}

export function isRecordLine<L extends { t: string }>(line: L): line is Extract<L, RecordLine> {
  return Object.hasOwn(RECORD_LINE_SCHEMAS, line.t);
}
