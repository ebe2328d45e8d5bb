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
}

export interface HarnessResult {
  readonly userAgent: string;
  readonly webCryptoSupported: boolean;
  readonly defaultBackend: string;
  readonly verdicts: readonly HarnessVerdict[];
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
  for (const c of cases) {
    const pk = hexDecode(c.publicKey);
    const m = hexDecode(c.message);
    const sig = hexDecode(c.signature);
    verdicts.push({
      id: c.id,
      noble: await verifySignature(pk, m, sig, { backend: 'noble' }),
      webcrypto: await verifySignature(pk, m, sig, { backend: 'webcrypto' }),
      nobleRaw: nobleEd25519Backend.verify(pk, m, sig) === true,
      webcryptoRaw: (await webCryptoEd25519Backend.verify(pk, m, sig)) === true,
    });
  }
  return {
    userAgent: navigator.userAgent,
    webCryptoSupported: await webCryptoSupportsEd25519(),
    defaultBackend: (await defaultEd25519Backend()).name,
    verdicts,
  };
}

window.clawproofEd25519Harness = { run };
