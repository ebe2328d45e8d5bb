/**
 * Verifies bundles off the page's thread, so a 10,000-receipt bundle never freezes the UI. One
 * request at a time per message; progress is posted as signed parts are checked and between
 * checks. Signatures go to a pool of Web Workers (signature-pool.ts), made on first use.
 */
import { ClawproofError, isClawproofError } from '../../core/errors.js';
import { sha256Async } from '../../core/hash.js';
import { parseTrustRoot } from '../../core/trust-root.js';
import { cstTokenOf } from '../../store/cst-token.js';
import { splitReport } from '../../store/report-parts.js';
import { verifyBundle } from '../../verify/verify-bundle.js';
import type { Ed25519BatchPool } from '../../core/ed25519/batch-pool.js';
import { createSignaturePool } from './signature-pool.js';
import { unreadableFile } from '../../store/unreadable-file.js';
import type { HashRequestMessage, PageMessage, PrepareRequestMessage, VerifyRequestMessage, VerifyWorkerMessage } from './verify-protocol.js';

let pool: Ed25519BatchPool | undefined;
/** Bytes of files read and hashed by 'prepare', by request id, until verified or released. */
const held = new Map<number, Uint8Array>();

function post(message: VerifyWorkerMessage): void {
  (self as unknown as { postMessage(message: VerifyWorkerMessage): void }).postMessage(message);
}

async function handle(request: VerifyRequestMessage): Promise<void> {
  const { id } = request;
  try {
    const bytes = bundleBytesOf(request);
    const trustRoot = parseTrustRoot(request.trustRoot);
    pool ??= createSignaturePool();
    const report = await verifyBundle(bytes, trustRoot, {
      seenTokens: new Map(request.seenTokens),
      backend: pool,
      onPartsChecked: (checked: number, total: number) => post({ type: 'parts', id, checked, total }),
      onProgress: (done: number, total: number, checkId: string) => post({ type: 'progress', id, done, total, checkId }),
    });
    const split = splitReport(report);
    post({ type: 'head', id, head: split.head, outline: split.outline });
    for (const [part, pages] of split.pages) pages.forEach((items, index) => post({ type: 'page', id, part, index, items }));
    // The Blob the Library stores, made here: copying 78 MB into one costs the page's thread 40-200 ms.
    // Held bytes came from the page's own Blob, which it stores as is.
    const blob = request.bytes instanceof Uint8Array ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : null;
    post({ type: 'result', id, token: cstTokenOf(bytes), blob });
  } catch (cause) {
    const code = isClawproofError(cause) ? cause.code : 'VERIFY_CRASHED';
    const message = cause instanceof Error ? cause.message : String(cause);
    post({ type: 'error', id, code, message });
  }
}

/** The bytes to verify: sent, or held since 'prepare' (taken: verifying lets go of them). */
function bundleBytesOf(request: VerifyRequestMessage): Uint8Array {
  if (request.bytes instanceof Uint8Array) return request.bytes;
  const bytes = typeof request.bytes?.held === 'number' ? held.get(request.bytes.held) : undefined;
  if (bytes === undefined) throw new ClawproofError({ code: 'VERIFY_WORKER_FAILED', message: 'The verifier no longer holds the file it read. Open it again.' });
  held.delete(request.bytes.held);
  return bytes;
}

async function prepare(request: PrepareRequestMessage): Promise<void> {
  const { id } = request;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.blob.arrayBuffer());
  } catch (cause) {
    const error = unreadableFile(cause);
    post({ type: 'hashed', id, digest: null, message: error.message, code: error.code });
    return;
  }
  try {
    const digest = await sha256Async(bytes);
    held.set(id, bytes);
    post({ type: 'hashed', id, digest, message: '' });
  } catch (cause) {
    post({ type: 'hashed', id, digest: null, message: cause instanceof Error ? cause.message : String(cause) });
  }
}

async function hash(request: HashRequestMessage): Promise<void> {
  try {
    post({ type: 'hashed', id: request.id, digest: await sha256Async(new Uint8Array(await request.blob.arrayBuffer())), message: '' });
  } catch (cause) {
    post({ type: 'hashed', id: request.id, digest: null, message: cause instanceof Error ? cause.message : String(cause) });
  }
}

self.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (message?.type === 'verify') void handle(message);
  else if (message?.type === 'hash') void hash(message);
  else if (message?.type === 'prepare') void prepare(message);
  else if (message?.type === 'release') held.delete(message.held);
});
