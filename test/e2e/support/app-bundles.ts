/**
 * Bundles and trust roots the e2e tests make from the demo fixtures with the real formats: a
 * bundle whose CST reuses another bundle's jti (a replayed token), and a trust root of fresh keys.
 */
import { readFileSync } from 'node:fs';
import { parseCompactJws, signCompactJws } from '../../../src/core/jws.js';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import { demoKeyring, newKeyring } from '../../../src/runtime/keys/generate.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../../src/runtime/keys/trust-root.js';

function tokenOf(text: string) {
  return parseCompactJws((JSON.parse(text) as { cst: string }).cst);
}

/**
 * `victimPath`'s bundle with its CST re-minted by the demo scope key to carry the jti of
 * `donorPath`'s CST: the same token id in two jobs. Returns the bundle text and both jtis.
 */
export function bundleReusingJti(victimPath: string, donorPath: string): { text: string; jti: string; donorJob: string } {
  const victim = readFileSync(victimPath, 'utf8');
  const donor = tokenOf(readFileSync(donorPath, 'utf8'));
  const token = tokenOf(victim);
  const jti = String(donor.claims['jti']);
  const doc = JSON.parse(victim) as { cst: string };
  const header = { typ: String(token.header['typ']), kid: String(token.header['kid']) };
  doc.cst = signCompactJws(header, { ...token.claims, jti }, signerFor(demoKeyring(), 'scope').secretKey);
  return { text: `${JSON.stringify(doc, null, 2)}\n`, jti, donorJob: String(donor.claims['job_id']) };
}

/** A trust root of fresh keys (deterministic), none of them a demo key. */
export function auditorTrustRoot(name = 'Audit team keys 2026'): string {
  let counter = 0;
  const keyring = newKeyring({
    name,
    validFrom: '2025-06-01T00:00:00Z',
    validUntil: '2027-06-01T00:00:00Z',
    randomBytes: (length) => Uint8Array.from({ length }, () => (counter++ * 89 + 7) % 256),
  });
  return serializeTrustRoot(trustRootFromKeyring(keyring, name));
}
