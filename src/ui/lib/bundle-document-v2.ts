/**
 * A v2 file (JSON Lines) as the document the report's pointers name: `/receipts/3` is the fourth
 * receipt's signed payload, `/records/12` the thirteenth record (with the `record_id` and `kind`
 * the verifier names it by), `/manifest` the harness tree head, `/cst` the token. For display only:
 * the verifier has already read and checked the same bytes strictly; here the platform's
 * JSON.parse is enough, and a line it cannot read leaves the file unshown.
 */
import { utf8Decode } from '../../core/bytes.js';
import { recordIdOf } from '../../format/v2/record-id.js';
import type { Json } from './bundle-document.js';

type Obj = { [key: string]: Json };

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The v1-shaped root of a v2 file, or null when a line is not a JSON object with a string `t`. */
export function v2DocumentRoot(bytes: Uint8Array): Json | null {
  const text = utf8Decode(bytes);
  const root: Obj = { receipts: [], records: [], approvals: [], model_views: [], model_responses: [], tickets: [], tree_heads: [] };
  const list = (name: string) => root[name] as Json[];
  let jobId = '';
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line: unknown = JSON.parse(text.slice(start, end));
    start = end + 1;
    if (!isObject(line) || typeof line['t'] !== 'string') return null;
    const { t, ...rest } = line;
    switch (t) {
      case 'header':
        jobId = typeof rest['job_id'] === 'string' ? rest['job_id'] : '';
        root['header'] = rest;
        root['mediaType'] = rest['mediaType'] ?? null;
        root['version'] = rest['version'] ?? null;
        break;
      case 'wpc':
        root['wpc'] = rest['envelope'] ?? null;
        break;
      case 'cst':
        root['cst'] = rest['token'] ?? null;
        break;
      case 'receipt':
        list('receipts').push(rest['payload'] ?? null);
        break;
      case 'approval':
        list('approvals').push(rest['payload'] ?? null);
        break;
      case 'view':
        list('model_views').push(rest);
        break;
      case 'response':
        list('model_responses').push(rest);
        break;
      case 'ticket':
        list('tickets').push(rest);
        break;
      case 'tree_head':
        list('tree_heads').push(rest['payload'] ?? null);
        if (isObject(rest['payload']) && rest['payload']['service'] === 'harness') root['manifest'] = rest['payload'];
        break;
      default: {
        const seq = typeof rest['seq'] === 'number' ? rest['seq'] : list('records').length;
        list('records').push({ record_id: recordIdOf(jobId, seq), kind: t, ...rest });
      }
    }
  }
  return root;
}
