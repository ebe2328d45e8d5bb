/**
 * Verifies bundles off the page's thread, so a 10,000-receipt bundle never freezes the UI. One
 * request at a time per message; progress is posted as signed parts are checked and between
 * checks. Signatures go to a pool of Web Workers (signature-pool.ts), made on first use.
 */
import { isClawproofError } from '../../core/errors.js';
import { sha256Async } from '../../core/hash.js';
import { parseTrustRoot } from '../../core/trust-root.js';
import { cstTokenOf } from '../../store/cst-token.js';
import { splitReport } from '../../store/report-parts.js';
import { verifyBundle } from '../../verify/verify-bundle.js';
import type { Ed25519BatchPool } from '../../core/ed25519/batch-pool.js';
import { createSignaturePool } from './signature-pool.js';
import type { HashRequestMessage, VerifyRequestMessage, VerifyWorkerMessage } from './verify-protocol.js';

let pool: Ed25519BatchPool | undefined;

function post(message: VerifyWorkerMessage): void {
  (self as unknown as { postMessage(message: VerifyWorkerMessage): void }).postMessage(message);
}

async function handle(request: VerifyRequestMessage): Promise<void> {
  const { id } = request;
  try {
    if (!(request.bytes instanceof Uint8Array)) throw new TypeError('the bundle must arrive as bytes');
    const trustRoot = parseTrustRoot(request.trustRoot);
    pool ??= createSignaturePool();
    const report = await verifyBundle(request.bytes, trustRoot, {
      seenTokens: new Map(request.seenTokens),
      backend: pool,
      onPartsChecked: (checked: number, total: number) => post({ type: 'parts', id, checked, total }),
      onProgress: (done: number, total: number, checkId: string) => post({ type: 'progress', id, done, total, checkId }),
    });
    const split = splitReport(report);
    post({ type: 'head', id, head: split.head, outline: split.outline });
    for (const [part, pages] of split.pages) pages.forEach((items, index) => post({ type: 'page', id, part, index, items }));
    // The Blob the Library stores, made here: copying 78 MB into one costs the page's thread 40-200 ms.
    post({ type: 'result', id, token: cstTokenOf(request.bytes), blob: new Blob([request.bytes as Uint8Array<ArrayBuffer>]) });
  } catch (cause) {
    const code = isClawproofError(cause) ? cause.code : 'VERIFY_CRASHED';
    const message = cause instanceof Error ? cause.message : String(cause);
    post({ type: 'error', id, code, message });
  }
}

async function hash(request: HashRequestMessage): Promise<void> {
  try {
    post({ type: 'hashed', id: request.id, digest: await sha256Async(new Uint8Array(await request.blob.arrayBuffer())), message: '' });
  } catch (cause) {
    post({ type: 'hashed', id: request.id, digest: null, message: cause instanceof Error ? cause.message : String(cause) });
  }
}

self.addEventListener('message', (event: MessageEvent<VerifyRequestMessage | HashRequestMessage>) => {
  if (event.data?.type === 'verify') void handle(event.data);
  else if (event.data?.type === 'hash') void hash(event.data);
});
