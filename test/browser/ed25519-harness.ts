/**
 * Browser harness for test/e2e/ed25519-verdicts.spec.ts: bundled with Vite and loaded in
 * Chromium, it runs the cases it is given through the strict path (pre-checks + backend) of
 * the noble and WebCrypto backends, and through the raw backends for the disagreement report.
 */
import { hexDecode } from '../../src/core/bytes.js';
import {
  defaultEd25519Backend,
  nobleEd25519Backend,
  verifySignature,
  webCryptoEd25519Backend,
  webCryptoSupportsEd25519,
} from '../../src/core/ed25519/index.js';
import { createSignaturePool } from '../../src/ui/workers/signature-pool.js';

export interface HarnessCase {
  readonly id: string;
  readonly publicKey: string;
  readonly message: string;
  readonly signature: string;
}

export interface HarnessVerdict {
  readonly id: string;
  readonly noble: boolean;
  readonly webcrypto: boolean;
  readonly nobleRaw: boolean;
  readonly webcryptoRaw: boolean;
  /** Through the app's Web Worker pool (all cases in flight at once), with the pre-checks. */
  readonly pool: boolean;
}

export interface HarnessResult {
  readonly userAgent: string;
  readonly webCryptoSupported: boolean;
  readonly defaultBackend: string;
  readonly verdicts: readonly HarnessVerdict[];
  /** Pool calls answered by its Web Workers and on the page's thread. */
  readonly poolAnswered: { readonly byWorkers: number; readonly here: number };
}

export interface Ed25519Harness {
  run(cases: readonly HarnessCase[]): Promise<HarnessResult>;
}

declare global {
  interface Window {
    clawproofEd25519Harness?: Ed25519Harness;
  }
}

async function run(cases: readonly HarnessCase[]): Promise<HarnessResult> {
  const verdicts: HarnessVerdict[] = [];
  const pool = createSignaturePool(2);
  const pooled = await Promise.all(cases.map((c) => verifySignature(hexDecode(c.publicKey), hexDecode(c.message), hexDecode(c.signature), { backend: pool })));
  const poolAnswered = pool.answered();
  await pool.close();
  for (const [i, c] of cases.entries()) {
    const pk = hexDecode(c.publicKey);
    const m = hexDecode(c.message);
    const sig = hexDecode(c.signature);
    verdicts.push({
      id: c.id,
      noble: await verifySignature(pk, m, sig, { backend: 'noble' }),
      webcrypto: await verifySignature(pk, m, sig, { backend: 'webcrypto' }),
      nobleRaw: nobleEd25519Backend.verify(pk, m, sig) === true,
      webcryptoRaw: (await webCryptoEd25519Backend.verify(pk, m, sig)) === true,
      pool: pooled[i] === true,
    });
  }
  return {
    userAgent: navigator.userAgent,
    webCryptoSupported: await webCryptoSupportsEd25519(),
    defaultBackend: (await defaultEd25519Backend()).name,
    verdicts,
    poolAnswered,
  };
}

window.clawproofEd25519Harness = { run };
