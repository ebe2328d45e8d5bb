/**
 * maxChars: strings are counted in document order (json-walk.ts) in UTF-16 code units; member
 * names, numbers, booleans and null do not count. If the total is at most maxChars nothing
 * changes. Otherwise the view keeps maxChars - 11 characters of content and TRUNCATION_MARKER
 * (11 characters) marks the cut: strings are kept whole while they fit in that content budget;
 * the first that does not fit keeps the longest prefix that does, never splitting a placeholder
 * (the cut moves before it) or a surrogate pair, and ends with the marker; every later string is
 * empty. So the total never exceeds maxChars and a truncated view always shows where it was cut.
 * If maxChars is below the marker's length there is no room for it, and every string is empty.
 */
import { TRUNCATION_MARKER } from './placeholders.js';
import { renderedLength, segmentLength, type Rendered, type Segment } from './segments.js';

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function prefix(r: Rendered, budget: number): Segment[] {
  const out: Segment[] = [];
  let left = budget;
  for (const s of r.segments) {
    const len = segmentLength(s);
    if (len <= left) {
      out.push(s);
      left -= len;
      continue;
    }
    if (s.kind === 'text' && left > 0) {
      let end = s.start + left;
      if (isHighSurrogate(r.source.charCodeAt(end - 1)) && isLowSurrogate(r.source.charCodeAt(end))) end--;
      if (end > s.start) out.push({ kind: 'text', start: s.start, end });
    }
    break;
  }
  return out;
}

export function truncate(strings: readonly Rendered[], maxChars: number): { strings: Rendered[]; truncated: boolean } {
  const total = strings.reduce((n, r) => n + renderedLength(r), 0);
  if (total <= maxChars) return { strings: [...strings], truncated: false };
  const empty = (r: Rendered): Rendered => ({ source: r.source, segments: [] });
  if (maxChars < TRUNCATION_MARKER.length) return { strings: strings.map(empty), truncated: true };
  const budget = maxChars - TRUNCATION_MARKER.length;
  let used = 0;
  let cut = false;
  const out = strings.map((r): Rendered => {
    if (cut) return empty(r);
    const len = renderedLength(r);
    if (used + len <= budget) {
      used += len;
      return r;
    }
    cut = true;
    return { source: r.source, segments: [...prefix(r, budget - used), { kind: 'marker' }] };
  });
  return { strings: out, truncated: true };
}
