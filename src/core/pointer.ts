/**
 * RFC 6901 JSON Pointers, the one way every module names a place in a JSON document: reports,
 * policy problems, redaction findings, trust-root and envelope errors.
 */

export type PointerToken = string | number;

/** Escapes one reference token (sec. 3): `~` becomes `~0` first, then `/` becomes `~1`. */
export function escapePointerToken(token: PointerToken): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The pointer of a path of member names and array indexes; `[]` is the whole document, `""`. */
export function formatPointer(path: readonly PointerToken[]): string {
  let out = '';
  for (const token of path) out += `/${escapePointerToken(token)}`;
  return out;
}

/**
 * The reference tokens of `pointer`, unescaped, or null when it is not a valid RFC 6901 pointer
 * (it must be empty or start with `/`, and `~` may only be followed by `0` or `1`).
 */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const out: string[] = [];
  for (const token of pointer.slice(1).split('/')) {
    if (/~(?![01])/.test(token)) return null;
    // Order matters (sec. 4): `~01` must become `~1`, not `/`.
    out.push(token.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  return out;
}
