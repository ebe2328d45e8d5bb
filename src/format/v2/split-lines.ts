/**
 * Splits a byte stream of any chunking into LF-terminated lines, holding at most one line (plus
 * the chunk being read). A line growing past `limit()` bytes is refused as soon as it does, not
 * when its LF finally arrives, so memory stays bounded by the limit whatever the input.
 */
import { concatBytes } from '../../core/bytes.js';
import { V2ReadError } from './errors.js';

export interface RawLine {
  /** 1-based. */
  readonly number: number;
  /** The line's bytes, LF not included (a copy the caller may keep). */
  readonly bytes: Uint8Array;
}

const LF = 0x0a;

/** `limit` is read before each line, so it may tighten once the header is known. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, limit: () => { bytes: number; what: string }): AsyncGenerator<RawLine> {
  let parts: Uint8Array[] = [];
  let pending = 0;
  let number = 1;
  const grow = (piece: Uint8Array) => {
    const cap = limit();
    if (pending + piece.length > cap.bytes) {
      throw new V2ReadError('LINE_TOO_LONG', number, `the line is longer than ${cap.bytes} bytes (${cap.what})`, { details: { limit: cap.bytes } });
    }
    if (piece.length > 0) parts.push(piece);
    pending += piece.length;
  };
  for await (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('a v2 reader reads chunks of Uint8Array');
    let from = 0;
    for (let lf = chunk.indexOf(LF, from); lf !== -1; lf = chunk.indexOf(LF, from)) {
      grow(chunk.subarray(from, lf));
      const bytes = parts.length === 1 ? parts[0]!.slice() : concatBytes(...parts);
      yield { number, bytes };
      parts = [];
      pending = 0;
      number += 1;
      from = lf + 1;
    }
    // Keep a copy: the caller may reuse the chunk's buffer once we return to it.
    if (from < chunk.length) grow(chunk.slice(from));
  }
  if (pending > 0) throw new V2ReadError('LINE_UNTERMINATED', number, 'the file ends inside a line (every line ends in LF)');
}
