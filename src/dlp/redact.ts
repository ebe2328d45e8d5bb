/**
 * redact(): a ticket document -> the model view, with typed placeholders and findings.
 *
 * 1. Collect the leaves in document order (json-walk.ts): whole fields matched by redactFields
 *    (not looked into), and every other string value with its scanText findings.
 * 2. Number placeholders by first appearance in that order (the same value, see identityKey,
 *    reuses its placeholder), render, and truncate to maxChars.
 * 3. Re-scan every view string. Replacing and cutting text can make new text detectable (a
 *    truncated digit run that now passes Luhn); anything found is traced back to its source span,
 *    added to the findings and step 2 runs again. So the view returned always re-scans clean,
 *    which is what the verifier checks. The covered source grows every round, so this ends; a
 *    detection that covers no new source (a detector matching a placeholder) fails closed.
 */
import { PLACEHOLDER_LABELS, detectorKind, type DetectorId } from './detector-ids.js';
import { checkConfig, type CheckedConfig } from './config.js';
import { dlpError } from './errors.js';
import { initialStates, isMatched, stepStates, type PathState } from './field-paths.js';
import { escapePointerToken } from '../core/pointer.js';
import { assertJsonDocument, sortedKeys } from './json-walk.js';
import { resolveOverlaps } from './overlap.js';
import { formatPlaceholder, identityKey, literalSpans, placeholderLabel } from './placeholders.js';
import { scanWith } from './scan-text.js';
import { renderSpans, renderedLength, renderedText, sourceSpan, type Rendered } from './segments.js';
import { truncate } from './truncate.js';
import type { Finding, JsonObject, JsonValue, Redaction, RedactionConfig, Span, TextFinding } from './types.js';

type Leaf =
  | { readonly kind: 'field'; readonly pointer: string; readonly value: JsonValue }
  | { readonly kind: 'string'; readonly pointer: string; readonly text: string; findings: TextFinding[]; readonly literals: readonly Span[] };

/** Bound on re-scan rounds; real documents need one or two. Exceeding it fails closed. */
const MAX_ROUNDS = 100;

function collectLeaves(doc: JsonObject, config: CheckedConfig): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (value: JsonValue, pointer: string, states: PathState[]): void => {
    if (pointer !== '' && isMatched(config.paths, states)) {
      leaves.push({ kind: 'field', pointer, value });
      return;
    }
    if (typeof value === 'string') {
      leaves.push({ kind: 'string', pointer, text: value, findings: scanWith(value, config.detectors), literals: literalSpans(value) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`, stepStates(config.paths, states, { index })));
    } else if (value !== null && typeof value === 'object') {
      for (const name of sortedKeys(value)) {
        const child = `${pointer}/${escapePointerToken(name)}`;
        // A member name cannot be replaced without changing the structure: refuse to leak it.
        if (scanWith(name, config.detectors).length > 0) {
          throw dlpError('DLP_MEMBER_NAME_SENSITIVE', `member name at ${child} contains a detected secret or PII`, child);
        }
        visit(value[name]!, child, stepStates(config.paths, states, { name }));
      }
    }
  };
  visit(doc, '', initialStates(config.paths));
  return leaves;
}

/** Deterministic text of a JSON value with sorted member names: field identity for reuse. */
function valueKey(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${sortedKeys(v).map((k) => `${JSON.stringify(k)}:${valueKey(v[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

interface Numbered {
  readonly rendered: Rendered[];
  readonly findings: Finding[];
}

function numberAndRender(leaves: readonly Leaf[]): Numbered {
  const counters = new Map<string, number>();
  const assigned = new Map<string, string>();
  const placeholderFor = (label: string, key: string): string => {
    const k = `${label}\u0000${key}`;
    let p = assigned.get(k);
    if (p === undefined) {
      const n = (counters.get(label) ?? 0) + 1;
      counters.set(label, n);
      p = formatPlaceholder(label, n);
      assigned.set(k, p);
    }
    return p;
  };
  const rendered: Rendered[] = [];
  const findings: Finding[] = [];
  for (const leaf of leaves) {
    if (leaf.kind === 'field') {
      const placeholder = placeholderFor(placeholderLabel('field'), valueKey(leaf.value));
      const end = typeof leaf.value === 'string' ? leaf.value.length : 0;
      findings.push({ detector: 'field', kind: 'field', pointer: leaf.pointer, start: 0, end, placeholder });
      rendered.push({ source: '', segments: [{ kind: 'placeholder', start: 0, end: 0, text: placeholder }] });
      continue;
    }
    const spans = withLiterals(leaf.findings, leaf.literals).map((f) => {
      const label = placeholderLabel(f.detector);
      const value = leaf.text.slice(f.start, f.end);
      const placeholder = placeholderFor(label, f.detector === 'literal' ? value : identityKey(f.detector, value));
      findings.push({ detector: f.detector, kind: f.detector === 'literal' ? 'literal' : f.kind, pointer: leaf.pointer, start: f.start, end: f.end, placeholder });
      return { start: f.start, end: f.end, placeholder };
    });
    rendered.push(renderSpans(leaf.text, spans));
  }
  return { rendered, findings };
}

/**
 * Detector findings and the placeholder-shaped source text together, sorted and without overlap:
 * a literal that overlaps a detector's match is absorbed into it (the detector names the span, so
 * the sensitive kind is never hidden behind LITERAL).
 */
function withLiterals(findings: readonly TextFinding[], literals: readonly Span[]): (Span & { detector: TextFinding['detector'] | 'literal'; kind: TextFinding['kind'] | 'literal' })[] {
  if (literals.length === 0) return [...findings];
  const merged: (Span & { detector: TextFinding['detector'] | 'literal'; kind: TextFinding['kind'] | 'literal' })[] = [];
  const all = [...findings.map((f) => ({ ...f })), ...literals.map((l) => ({ ...l, detector: 'literal' as const, kind: 'literal' as const }))].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of all) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      const detector = last.detector === 'literal' ? span.detector : last.detector;
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end), detector, kind: detector === 'literal' ? 'literal' : last.detector === 'literal' ? span.kind : last.kind };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

function coversNewSource(findings: readonly Span[], span: { start: number; end: number }): boolean {
  let at = span.start;
  for (const f of findings) {
    if (f.end <= at) continue;
    if (f.start > at) return true;
    at = f.end;
    if (at >= span.end) return false;
  }
  return at < span.end;
}

/** Re-scans the view strings; adds what is found to the leaves. True if anything was added. */
function absorbViewFindings(leaves: readonly Leaf[], rendered: readonly Rendered[], detectors: readonly DetectorId[]): boolean {
  let added = false;
  leaves.forEach((leaf, i) => {
    const r = rendered[i]!;
    const hits = scanWith(renderedText(r), detectors);
    if (hits.length === 0) return;
    if (leaf.kind === 'field') {
      throw dlpError('DLP_VIEW_NOT_CLEAN', `a detector matched the placeholder of ${leaf.pointer}`, leaf.pointer);
    }
    const extra: TextFinding[] = hits.map((h) => {
      const span = sourceSpan(r, h.start, h.end);
      if (span === null || !coversNewSource(withLiterals(leaf.findings, leaf.literals), span)) {
        throw dlpError('DLP_VIEW_NOT_CLEAN', `${h.detector} matched redaction output in ${leaf.pointer}`, leaf.pointer);
      }
      return { detector: h.detector, kind: detectorKind(h.detector), ...span };
    });
    leaf.findings = resolveOverlaps([...leaf.findings, ...extra]);
    added = true;
  });
  return added;
}

/** Same structure as `value`, member order kept, with leaves replaced from `texts` by pointer. */
function buildView(value: JsonValue, pointer: string, texts: ReadonlyMap<string, string>): JsonValue {
  const replaced = texts.get(pointer);
  if (replaced !== undefined && pointer !== '') return replaced;
  if (Array.isArray(value)) return value.map((item, i) => buildView(item, `${pointer}/${i}`, texts));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a member named "__proto__" stays a member.
    return Object.fromEntries(
      Object.keys(value).map((k) => [k, buildView(value[k]!, `${pointer}/${escapePointerToken(k)}`, texts)]),
    );
  }
  return value;
}

export function redact(doc: JsonObject, config: RedactionConfig): Redaction {
  const checked = checkConfig(config);
  assertJsonDocument(doc, 'document');
  const leaves = collectLeaves(doc, checked);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const numbered = numberAndRender(leaves);
    let rendered = numbered.rendered;
    let truncated = false;
    if (checked.maxChars !== undefined) ({ strings: rendered, truncated } = truncate(rendered, checked.maxChars));
    if (absorbViewFindings(leaves, rendered, checked.detectors)) continue;
    const texts = new Map(leaves.map((leaf, i) => [leaf.pointer, renderedText(rendered[i]!)]));
    const view = buildView(doc, '', texts) as JsonObject;
    const chars = rendered.reduce((n, r) => n + renderedLength(r), 0);
    return { view, findings: numbered.findings, truncated, chars };
  }
  throw dlpError('DLP_VIEW_NOT_CLEAN', `redaction did not settle within ${MAX_ROUNDS} re-scan rounds`);
}
