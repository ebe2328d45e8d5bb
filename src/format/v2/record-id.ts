/**
 * A v2 record has no `record_id`: it is named by its seq. The verifier still names records by
 * the id v1 gave them (`rec_` + 20 hex of sha256("clawproof/record" LF canonical [job_id, seq])),
 * so a v1 and a v2 bundle of one run report the same ids, and the runtime's ids (src/runtime/ids.ts)
 * are pinned equal to these by a test.
 */
import { canonicalJson } from '../../core/canonical.js';
import { sha256 } from '../../core/hash.js';

export function recordIdOf(jobId: string, seq: number): string {
  return `rec_${sha256(`clawproof/record\n${canonicalJson([jobId, seq])}`).slice('sha256:'.length, 'sha256:'.length + 20)}`;
}
