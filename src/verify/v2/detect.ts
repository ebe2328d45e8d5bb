/**
 * Which reader a bundle's bytes go to. A v1 bundle is one JSON document; a v2 bundle is JSON
 * Lines of canonical objects, each with a string `t`. Input is read as v2 when it does not open
 * like a v1 document (src/format/v2/version-probe.ts), has a line break before its last byte, and
 * its first line is a JSON object with a string `t`; the v2 reader then says exactly what is
 * wrong and on which line (a v2 file with its header removed is HEADER_MISSING). Everything else
 * goes to the v1 reader, whose INPUT_* codes name what is wrong with a document.
 */
import { utf8Encode } from '../../core/bytes.js';
import { parseStrictJson } from '../../core/json.js';
import { opensLikeV1 } from '../../format/v2/version-probe.js';

/** The bytes to read as v2, or null for the v1 reader (a parsed value always is v1). */
export function v2BytesOf(input: unknown, maxBytes: number): Uint8Array | null {
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (typeof input === 'string') {
    // Text over the limit is the v1 reader's INPUT_TOO_LARGE either way; do not encode it.
    if (input.length > maxBytes || !input.startsWith('{"')) return null;
    try {
      bytes = utf8Encode(input);
    } catch {
      return null; // a lone surrogate: the v1 reader names it
    }
  } else return null;
  if (bytes.length < 2 || bytes[0] !== 0x7b || bytes[1] !== 0x22 || opensLikeV1(bytes)) return null;
  const lf = bytes.indexOf(0x0a);
  if (lf < 0 || lf === bytes.length - 1 || lf > FIRST_LINE_PROBE_BYTES) return null;
  try {
    const first = parseStrictJson(bytes.subarray(0, lf), { maxDepth: 64, maxBytes: lf });
    return typeof first === 'object' && first !== null && !Array.isArray(first) && typeof first['t'] === 'string' ? bytes : null;
  } catch {
    return null;
  }
}

/** A v2 header is a few hundred bytes; a first line longer than this is no v2 header. */
const FIRST_LINE_PROBE_BYTES = 64 * 1024;
