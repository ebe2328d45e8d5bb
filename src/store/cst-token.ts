/**
 * The CST id (jti) and job id of a bundle, for the seen-token cache. Read without verifying: the
 * caller records the token only when the report's `cst` check passed, i.e. its signature verified
 * against the trust root.
 *
 * The platform's JSON.parse reads the document (several times faster than the strict parser on a
 * bundle of tens of MB). That is safe here because the token is only used when the cst check
 * passed, which needs the verifier's strict parse to have accepted the same bytes: no duplicate
 * keys or other text two parsers could read differently.
 */
import { utf8Decode } from '../core/bytes.js';
import { parseCompactJws } from '../core/jws.js';
import type { Report } from '../verify/report.js';
import type { SeenToken } from './seen-tokens.js';

/** The bundle's CST claims jti and job_id, or null when the bundle or its token cannot be read. */
export function cstTokenOf(bytes: Uint8Array): SeenToken | null {
  try {
    const doc: unknown = JSON.parse(utf8Decode(bytes));
    const cst = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)['cst'] : undefined;
    if (typeof cst !== 'string') return null;
    const { jti, job_id: jobId } = parseCompactJws(cst).claims;
    return typeof jti === 'string' && jti !== '' && typeof jobId === 'string' && jobId !== '' ? { jti, jobId } : null;
  } catch {
    return null;
  }
}

/** A token may enter the cache only when the verifier trusted its signature (see seen-tokens.ts). */
export function tokenIsTrusted(report: Pick<Report, 'checks'>): boolean {
  const cst = report.checks.find((check) => check.id === 'cst');
  return cst !== undefined && (cst.status === 'pass' || cst.status === 'warn');
}
