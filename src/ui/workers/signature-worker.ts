/**
 * One worker of the browser's signature pool (signature-pool.ts): verifies each call of a batch
 * with the raw platform backend (WebCrypto where it verifies Ed25519, else noble) and answers
 * with one byte per call, in order. The strict pre-checks ran before the call left the verifier.
 */
import { defaultEd25519Backend } from '../../core/ed25519/index.js';
import type { SignatureJob } from '../../core/ed25519/batch-pool.js';

const scope = self as unknown as {
  postMessage(message: Uint8Array, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<readonly SignatureJob[]>) => void): void;
};

scope.addEventListener('message', (event) => {
  void (async () => {
    const batch = event.data;
    const backend = await defaultEd25519Backend();
    const verdicts = await Promise.all(batch.map(async ([publicKey, message, signature]) => {
      try {
        return (await backend.verify(publicKey, message, signature)) === true;
      } catch {
        return false;
      }
    }));
    const out = Uint8Array.from(verdicts, (ok) => (ok ? 1 : 0));
    scope.postMessage(out, [out.buffer]);
  })();
});
