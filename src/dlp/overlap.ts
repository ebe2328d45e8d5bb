/**
 * Overlap resolution. Overlapping matches merge into one span covering all of them, so no part
 * of any match survives redaction (dropping the loser of "token=sk_live_...!x" would leave "!x",
 * a piece of the generic match, in the view). The merged span is named by the most specific
 * detector among its members (SPECIFICITY), then the longest member, then the earliest start,
 * then DETECTOR_IDS order. Spans that merely touch stay separate.
 */
import { DETECTOR_IDS, SPECIFICITY, detectorKind, type DetectorId } from './detector-ids.js';
import type { TextFinding } from './types.js';

interface Candidate {
  readonly detector: DetectorId;
  readonly start: number;
  readonly end: number;
}

function beats(a: Candidate, b: Candidate): boolean {
  if (SPECIFICITY[a.detector] !== SPECIFICITY[b.detector]) return SPECIFICITY[a.detector] < SPECIFICITY[b.detector];
  if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start;
  if (a.start !== b.start) return a.start < b.start;
  return DETECTOR_IDS.indexOf(a.detector) < DETECTOR_IDS.indexOf(b.detector);
}

export function resolveOverlaps(candidates: readonly Candidate[]): TextFinding[] {
  const sorted = candidates.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextFinding[] = [];
  let i = 0;
  while (i < sorted.length) {
    let winner = sorted[i]!;
    const start = winner.start;
    let end = winner.end;
    for (i++; i < sorted.length && sorted[i]!.start < end; i++) {
      const c = sorted[i]!;
      end = Math.max(end, c.end);
      if (beats(c, winner)) winner = c;
    }
    out.push({ detector: winner.detector, kind: detectorKind(winner.detector), start, end });
  }
  return out;
}
