/**
 * CST ids (jti) seen in bundles of the Library. A CST is minted for one job; the same jti in a
 * second bundle means a token was replayed into another job (or a bundle was re-packaged), and the
 * verifier flags it when it is told what was seen before.
 *
 * Only tokens whose signature verified against the trust root are recorded (the caller checks),
 * so a forged bundle cannot poison the cache and get honest bundles flagged.
 */
import type { Digest } from '../core/hash.js';
import type { ClawproofDb, SeenTokenRow } from './db.js';
import { toStoreError } from './errors.js';
import { decodeSeenTokenRow } from './rows.js';

export interface SeenToken {
  readonly jti: string;
  readonly jobId: string;
}

/**
 * jti -> job id of every token seen in a bundle OTHER than `bundleHash`: what the verifier's
 * replay check compares with. When a jti was seen in several bundles, the earliest sighting wins.
 */
export async function seenTokensExcept(db: ClawproofDb, bundleHash: Digest): Promise<Map<string, string>> {
  let stored: unknown[];
  try {
    stored = await db.seenTokens.toArray();
  } catch (cause) {
    throw toStoreError(cause, 'reading the seen tokens');
  }
  const rows = readable(stored);
  rows.sort((a, b) => (a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : 0));
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (row.bundleHash !== bundleHash && !seen.has(row.jti)) seen.set(row.jti, row.jobId);
  }
  return seen;
}

/** Bundles (other than `bundleHash`) in which `jti` was seen: what the UI names when it explains a replay flag. */
export async function bundlesWithToken(db: ClawproofDb, jti: string, bundleHash: Digest): Promise<SeenTokenRow[]> {
  try {
    const rows: unknown[] = await db.seenTokens.where('jti').equals(jti).toArray();
    return readable(rows).filter((row) => row.bundleHash !== bundleHash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the seen tokens');
  }
}

/** The rows that decode; a damaged one says nothing that can be relied on, and goes with its bundle. */
function readable(rows: readonly unknown[]): SeenTokenRow[] {
  return rows.flatMap((row) => {
    const decoded = decodeSeenTokenRow(row);
    return decoded.ok ? [decoded.row] : [];
  });
}

export function seenTokenRow(token: SeenToken, bundleHash: Digest, seenAt: string): SeenTokenRow {
  return { jti: token.jti, jobId: token.jobId, bundleHash, seenAt };
}
