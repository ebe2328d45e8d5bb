/** RFC 6901 JSON Pointers for report evidence (escaping: src/core/pointer.ts). */
import { escapePointerToken } from '../core/pointer.js';

/** `base` extended by `path`, e.g. `childPointer('/receipts/2', ['signatures', 0])`. */
export function childPointer(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const segment of path) out += `/${escapePointerToken(typeof segment === 'symbol' ? String(segment.description) : segment)}`;
  return out;
}
