/**
 * Who signed the bundle, from its report: the trust check lists, per role, the keys of the trust
 * root that signed validly (evidence `{ keyid, note: "role <role>" }`, several keyids joined by
 * ", "), and each part signed by a key the root does not list (KEY_NOT_TRUSTED, its role in
 * `expected`). The banner leads with this, as attestation pages lead with the signer.
 */
import { TRUST_ROOT_ROLES } from '../../core/trust-root.js';
import type { Report } from '../../verify/report.js';
import type { ReportHead } from '../../store/report-parts.js';

export interface Signer {
  readonly role: string;
  readonly keyid: string;
  /** Listed by the trust root for this role (false: a key nobody you trust vouches for). */
  readonly trusted: boolean;
}

const ROLE_NOTE = /^role (\S+)$/;
const EXPECTED_ROLE = /\brole (\S+)$/;

export function signersOf(report: ReportHead): Signer[] {
  const trust = report.checks.find((check) => check.id === 'trust');
  if (trust === undefined) return [];
  const found = new Map<string, Signer>();
  const add = (signer: Signer) => {
    const key = `${signer.role} ${signer.keyid} ${signer.trusted}`;
    if (!found.has(key)) found.set(key, signer);
  };
  for (const evidence of trust.evidence) {
    const role = ROLE_NOTE.exec(evidence.note ?? '')?.[1];
    if (role === undefined || evidence.keyid === undefined) continue;
    for (const keyid of evidence.keyid.split(', ')) if (keyid !== '') add({ role, keyid, trusted: true });
  }
  for (const issue of trust.issues) {
    if (issue.code !== 'KEY_NOT_TRUSTED') continue;
    for (const evidence of issue.evidence) {
      if (evidence.keyid === undefined) continue;
      add({ role: EXPECTED_ROLE.exec(evidence.expected ?? '')?.[1] ?? 'unknown role', keyid: evidence.keyid, trusted: false });
    }
  }
  const rank = (role: string) => {
    const i = (TRUST_ROOT_ROLES as readonly string[]).indexOf(role);
    return i === -1 ? TRUST_ROOT_ROLES.length : i;
  };
  return [...found.values()].sort((a, b) => rank(a.role) - rank(b.role) || Number(b.trusted) - Number(a.trusted));
}
