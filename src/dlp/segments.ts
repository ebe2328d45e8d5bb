/**
 * A view string as a list of segments over its source string: kept text, placeholders (each
 * standing for a span of the source) and the truncation marker. Keeping the segments lets
 * truncation cut only between placeholders and lets a detection in the view be traced back to
 * the source span it came from.
 */
import { TRUNCATION_MARKER } from './placeholders.js';

export type Segment =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'placeholder'; readonly start: number; readonly end: number; readonly text: string }
  | { readonly kind: 'marker' };

export interface Rendered {
  readonly source: string;
  readonly segments: readonly Segment[];
}

export function segmentText(source: string, s: Segment): string {
  if (s.kind === 'text') return source.slice(s.start, s.end);
  return s.kind === 'placeholder' ? s.text : TRUNCATION_MARKER;
}

export function segmentLength(s: Segment): number {
  if (s.kind === 'text') return s.end - s.start;
  return s.kind === 'placeholder' ? s.text.length : TRUNCATION_MARKER.length;
}

export function renderedText(r: Rendered): string {
  return r.segments.map((s) => segmentText(r.source, s)).join('');
}

export function renderedLength(r: Rendered): number {
  return r.segments.reduce((n, s) => n + segmentLength(s), 0);
}

/** Source text with each span replaced by its placeholder; spans sorted and non-overlapping. */
export function renderSpans(
  source: string,
  spans: readonly { readonly start: number; readonly end: number; readonly placeholder: string }[],
): Rendered {
  const segments: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) segments.push({ kind: 'text', start: at, end: s.start });
    segments.push({ kind: 'placeholder', start: s.start, end: s.end, text: s.placeholder });
    at = s.end;
  }
  if (at < source.length) segments.push({ kind: 'text', start: at, end: source.length });
  return { source, segments };
}

/**
 * The source span behind the view span [start, end): kept text maps one to one, a placeholder
 * maps to the whole span it stands for, the marker to nothing. Null if only the marker is covered.
 */
export function sourceSpan(r: Rendered, start: number, end: number): { start: number; end: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  let v = 0;
  for (const s of r.segments) {
    const len = segmentLength(s);
    if (v < end && v + len > start) {
      if (s.kind === 'text') {
        lo = Math.min(lo, s.start + Math.max(start - v, 0));
        hi = Math.max(hi, s.start + Math.min(end - v, len));
      } else if (s.kind === 'placeholder') {
        lo = Math.min(lo, s.start);
        hi = Math.max(hi, s.end);
      }
    }
    v += len;
  }
  return hi > lo ? { start: lo, end: hi } : null;
}
