/**
 * Recognises a v1 bundle from the first bytes of the input, before any line is complete, so a
 * 100 MB v1 document is refused as VERSION_UNSUPPORTED at once rather than as one long line. v1
 * files are JSON documents: pretty-printed (`{` then whitespace), or, written compactly or
 * canonically, opening with their mediaType or their first sorted member. A v2 line is canonical,
 * so it never has whitespace after `{` and never starts with a BOM or whitespace.
 */
import { utf8Encode } from '../../core/bytes.js';
import { BUNDLE_MEDIA_TYPE } from '../../core/bundle/media-types.js';
import { V2ReadError } from './errors.js';

const V1_OPENINGS = [`{"mediaType":${JSON.stringify(BUNDLE_MEDIA_TYPE)}`, '{"approvals":'].map(utf8Encode);
const PROBE_BYTES = Math.max(...V1_OPENINGS.map((o) => o.length));
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Passes the chunks through unchanged, throwing VERSION_UNSUPPORTED (line 1) when they open like a v1 document. */
export async function* refuseV1(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let decided = false;
  for await (const chunk of chunks) {
    if (decided) {
      yield chunk;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes < PROBE_BYTES) continue;
    decide(held);
    decided = true;
    yield* held;
    held.length = 0;
  }
  if (!decided) {
    decide(held);
    yield* held;
  }
}

function decide(held: readonly Uint8Array[]): void {
  if (opensLikeV1(firstBytes(held, PROBE_BYTES))) {
    throw new V2ReadError('VERSION_UNSUPPORTED', 1, 'the input is a JSON document, as v1 bundles are; this reader reads format v2 (JSON Lines)');
  }
}

/** True when the first bytes of an input open a JSON document as v1 bundles do (never a v2 line). */
export function opensLikeV1(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, PROBE_BYTES);
  return (
    (start.length > 0 && WHITESPACE.has(start[0]!)) ||
    (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) ||
    (start[0] === 0x7b && start.length > 1 && WHITESPACE.has(start[1]!)) ||
    V1_OPENINGS.some((o) => o.length <= start.length && o.every((b, i) => start[i] === b))
  );
}

function firstBytes(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(Math.min(n, chunks.reduce((s, c) => s + c.length, 0)));
  let at = 0;
  for (const c of chunks) {
    if (at >= out.length) break;
    const take = c.subarray(0, out.length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}
