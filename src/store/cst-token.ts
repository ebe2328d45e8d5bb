/**
 * The CST id (jti) and job id of a bundle, for the seen-token cache. Read without verifying: the
 * caller records the token only when the report's `cst` check passed, i.e. its signature verified
 * against the trust root.
 */
import { parseCompactJws } from '../core/jws.js';
import { parseStrictJson } from '../core/json.js';
import type { Report } from '../verify/report.js';
import type { SeenToken } from './seen-tokens.js';

/** The bundle's CST claims jti and job_id, or null when the bundle or its token cannot be read. */
export function cstTokenOf(bytes: Uint8Array): SeenToken | null {
  try {
    const doc = parseStrictJson(bytes);
    const cst = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc['cst'] : undefined;
    if (typeof cst !== 'string') return null;
    const { jti, job_id: jobId } = parseCompactJws(cst).claims;
    return typeof jti === 'string' && jti !== '' && typeof jobId === 'string' && jobId !== '' ? { jti, jobId } : null;
  } catch {
    return null;
  }
}

/** A token may enter the cache only when the verifier trusted its signature (see seen-tokens.ts). */
export function tokenIsTrusted(report: Report): boolean {
  const cst = report.checks.find((check) => check.id === 'cst');
  return cst !== undefined && (cst.status === 'pass' || cst.status === 'warn');
}
