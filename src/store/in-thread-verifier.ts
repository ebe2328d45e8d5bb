/**
 * A Verifier that runs verifyBundle on the calling thread: for tests, scripts and any caller
 * without a worker. The app uses a worker-backed one instead (src/ui/lib/worker-verifier.ts).
 */
import { verifyBundle } from '../verify/verify-bundle.js';
import { VERIFIER_VERSION } from '../verify/version.js';
import { cstTokenOf } from './cst-token.js';
import { splitReport } from './report-parts.js';
import type { Verifier } from './verifier.js';

export function inThreadVerifier(): Verifier {
  return {
    version: VERIFIER_VERSION,
    async verify(bytes, trustRoot, call) {
      const report = await verifyBundle(bytes, trustRoot, {
        seenTokens: call.seenTokens,
        ...(call.onProgress === undefined ? {} : { onProgress: call.onProgress }),
        ...(call.onPartsChecked === undefined ? {} : { onPartsChecked: call.onPartsChecked }),
      });
      return { report: splitReport(report), token: cstTokenOf(bytes) };
    },
  };
}
