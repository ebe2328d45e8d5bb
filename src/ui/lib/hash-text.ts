/**
 * Hashes in running text: an auditor reads `sha256:0441f070…a9c2` and copies the full value; 64
 * hex digits inline are for machines. Splits a sentence into text and hash pieces so a view can
 * draw each hash shortened, with a copy button.
 */

const HASH = /sha256:[0-9a-f]{64}/g;

/** `sha256:0441f070…a9c2`: the first 8 and last 4 hex digits (values without the prefix likewise). */
export function shortenHash(hash: string): string {
  const prefix = hash.startsWith('sha256:') ? 'sha256:' : '';
  const body = hash.slice(prefix.length);
  return body.length <= 16 ? hash : `${prefix}${body.slice(0, 8)}…${body.slice(-4)}`;
}

export type TextPiece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'hash'; readonly hash: string };

export function splitHashes(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(HASH)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'hash', hash: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Whether a whole value is a hash (or a key id) worth shortening. */
export function isHash(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}
