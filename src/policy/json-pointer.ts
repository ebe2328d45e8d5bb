/**
 * RFC 6901 JSON Pointers: every problem and every decision names the place in the WPC it is
 * about, so the editor can underline it and an auditor can find the rule that decided.
 */

export type PointerSegment = string | number;

/** Escape one reference token (RFC 6901 section 3: `~` becomes `~0`, then `/` becomes `~1`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer for a path of object keys and array indexes; `[]` is the whole document, `""`. */
export function formatPointer(path: readonly PointerSegment[]): string {
  let out = '';
  for (const segment of path) out += `/${escapePointerToken(String(segment))}`;
  return out;
}

/** `base` extended by more segments. */
export function childPointer(base: string, ...segments: readonly PointerSegment[]): string {
  return base + formatPointer(segments);
}

/**
 * The reference tokens of `pointer`, unescaped, or null when it is not a valid RFC 6901 pointer
 * (it must be empty or start with `/`, and `~` may only be followed by `0` or `1`).
 */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/');
  const out: string[] = [];
  for (const token of tokens) {
    if (/~(?![01])/.test(token)) return null;
    // Order matters (section 4): `~01` must become `~1`, not `/`.
    out.push(token.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return out;
}
