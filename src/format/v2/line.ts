/** Every line of a v2 bundle, by its `t`. */
import { z } from 'zod';
import { cstLineSchema, responseLineSchema, ticketLineSchema, viewLineSchema, wpcLineSchema } from './entry-lines.js';
import { headerLineSchema, type HeaderCounts } from './header-line.js';
import { recordLineSchema } from './record-line.js';
import { approvalLineSchema, receiptLineSchema, treeHeadLineSchema } from './signed-lines.js';

export const LINE_SCHEMAS = {
  header: headerLineSchema,
  wpc: wpcLineSchema,
  cst: cstLineSchema,
  receipt: receiptLineSchema,
  view: viewLineSchema,
  response: responseLineSchema,
  record: recordLineSchema,
  approval: approvalLineSchema,
  ticket: ticketLineSchema,
  tree_head: treeHeadLineSchema,
} as const;

export type LineType = keyof typeof LINE_SCHEMAS;
export const LINE_TYPES = Object.keys(LINE_SCHEMAS) as LineType[];
export type V2Line = { [T in LineType]: z.infer<(typeof LINE_SCHEMAS)[T]> }[LineType];
export type LineOf<T extends LineType> = z.infer<(typeof LINE_SCHEMAS)[T]>;

/** Which header count bounds the lines of a type (the others appear a fixed number of times). */
export const COUNTED_LINE_TYPES = {
  receipt: 'receipts',
  record: 'records',
  approval: 'approvals',
  view: 'model_views',
  response: 'model_responses',
  ticket: 'tickets',
} as const satisfies Partial<Record<LineType, keyof HeaderCounts>>;

export function isLineType(t: unknown): t is LineType {
  return typeof t === 'string' && Object.hasOwn(LINE_SCHEMAS, t);
}
