/**
 * The bytes of a bundle file: JSON indented by two spaces, members in the order the producer
 * builds them, ending in a newline. Every signed part is inside as base64 or a compact JWS, so
 * the layout carries no meaning; fixing it makes identical runs byte-identical files.
 */
import { utf8Encode } from '../../core/bytes.js';
import { canonicalJson } from '../../core/canonical.js';
import type { ProofBundle } from '../../core/bundle/types.js';

export function serializeBundle(bundle: ProofBundle): string {
  canonicalJson(bundle); // throws on anything that is not pure JSON data
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export function bundleBytes(bundle: ProofBundle): Uint8Array {
  return utf8Encode(serializeBundle(bundle));
}
