/** RFC 6901 JSON Pointers for report evidence. */

/** Escapes one reference token (RFC 6901 sec 3: `~` as `~0`, `/` as `~1`, in that order). */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `base` extended by `path`, e.g. `childPointer('/receipts/2', ['signatures', 0])`. */
export function childPointer(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const segment of path) out += `/${pointerToken(typeof segment === 'symbol' ? String(segment.description) : segment)}`;
  return out;
}
