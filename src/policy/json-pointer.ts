/**
 * RFC 6901 JSON Pointers: every problem and every decision names the place in the WPC it is
 * about, so the editor can underline it and an auditor can find the rule that decided. The
 * escaping and parsing are core's (src/core/pointer.ts).
 */
import { formatPointer, type PointerToken } from '../core/pointer.js';

export { escapePointerToken, formatPointer, parsePointer } from '../core/pointer.js';
export type PointerSegment = PointerToken;

/** `base` extended by more segments. */
export function childPointer(base: string, ...segments: readonly PointerSegment[]): string {
  return base + formatPointer(segments);
}
