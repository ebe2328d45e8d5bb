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
import { v2BytesOf } from '../verify/v2/detect.js';
import type { SeenToken } from './seen-tokens.js';

/** The bundle's CST claims jti and job_id, or null when the bundle or its token cannot be read. */
export function cstTokenOf(bytes: Uint8Array): SeenToken | null {
  try {
    const cst = v2BytesOf(bytes, Number.MAX_SAFE_INTEGER) === null ? v1Token(bytes) : v2Token(bytes);
    if (typeof cst !== 'string') return null;
    const { jti, job_id: jobId } = parseCompactJws(cst).claims;
    return typeof jti === 'string' && jti !== '' && typeof jobId === 'string' && jobId !== '' ? { jti, jobId } : null;
  } catch {
    return null;
  }
}

function v1Token(bytes: Uint8Array): unknown {
  const doc: unknown = JSON.parse(utf8Decode(bytes));
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)['cst'] : undefined;
}

/** A v2 file's token is on its third line (header, wpc, cst): only those lines are decoded. */
function v2Token(bytes: Uint8Array): unknown {
  let start = 0;
  for (let line = 1; line <= 3; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) return undefined;
    if (line === 3) {
      const cst: unknown = JSON.parse(utf8Decode(bytes.subarray(start, end)));
      return typeof cst === 'object' && cst !== null && (cst as Record<string, unknown>)['t'] === 'cst' ? (cst as Record<string, unknown>)['token'] : undefined;
    }
    start = end + 1;
  }
  return undefined;
}

/** A token may enter the cache only when the verifier trusted its signature (see seen-tokens.ts). */
export function tokenIsTrusted(report: Pick<Report, 'checks'>): boolean {
  const cst = report.checks.find((check) => check.id === 'cst');
  return cst !== undefined && (cst.status === 'pass' || cst.status === 'warn');
}
