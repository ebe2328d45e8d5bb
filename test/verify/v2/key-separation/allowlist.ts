/**
 * The v1 suite's allowlist (test/verify/key-separation/allowlist.ts) read on v2 mutations: a v2
 * record line is the v1 record of the same seq (its `t` is v1's `kind`), a ticket line the v1
 * ticket entry of the same index, and a field keeps its name. So a v2 survivor is explained only
 * by the sentence that explains the same forgery of a v1 bundle; other lines have no entry.
 */
import type { JsonObject } from '../../../../src/core/json.js';
import { isRecordKind } from '../../../../src/format/v2/record-line.js';
import { allowlisted, type AllowEntry, type JobView } from '../../key-separation/allowlist.js';
import type { ListPart, Mutation } from '../../key-separation/forge.js';
import type { DecodedV2, MutationV2 } from './forge.js';

/** The job as the v1 allowlist reads it: record payloads with `kind`, ticket entries without `t`. */
export function jobViewOf(d: DecodedV2): JobView {
  const records = d.objects.filter((o) => isRecordKind(o['t'])).map((o) => ({ ...o, kind: o['t']! }));
  const tickets = d.objects.filter((o) => o['t'] === 'ticket').map(({ t: _t, ...entry }) => entry as JsonObject);
  return { records, tickets };
}

/** The v1 mutation a v2 one is, for a record or ticket line; null for any other line. */
export function asV1Mutation(d: DecodedV2, m: MutationV2): Mutation | null {
  const t = d.objects[m.site.line]!['t'];
  const part: ListPart | null = isRecordKind(t) ? 'records' : t === 'ticket' ? 'tickets' : null;
  if (part === null) return null;
  const index = d.objects.slice(0, m.site.line).filter((o) => (part === 'records' ? isRecordKind(o['t']) : o['t'] === 'ticket')).length;
  return { role: m.role, site: { part, index, path: m.site.path }, op: m.op };
}

export function allowlistedV2(d: DecodedV2, view: JobView, m: MutationV2): AllowEntry | null {
  const v1 = asV1Mutation(d, m);
  return v1 === null ? null : allowlisted(view, v1);
}
