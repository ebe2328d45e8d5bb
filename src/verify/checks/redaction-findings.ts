/**
 * The harness's redaction record says what it removed; the receipted view (the proxy signed its
 * hash) shows what was sent. They must agree ("Redaction", "Placeholders"): each finding's
 * placeholder stands in the view at its pointer and offsets (or was cut away by truncation), its
 * detector, kind and label agree, placeholders are numbered by first appearance, the findings
 * account for every placeholder the view shows, and `truncated` is true exactly when the view was
 * cut (the marker ends one string and every later string is empty). Otherwise a harness could
 * hide what it found, or claim a redaction it never made.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { RedactionRecord } from '../../core/bundle/types.js';
import { FIELD_PLACEHOLDER_LABEL, LITERAL_PLACEHOLDER_LABEL, PLACEHOLDER_LABELS, TRUNCATION_MARKER, detectorKind, isDetectorId } from '../../dlp/index.js';
import type { CheckIssue } from '../report.js';
import { escapePointerToken } from '../../core/pointer.js';
import { evidenceOf, type IndexedRecord } from '../diff/records.js';
import { failIssue } from './result.js';

type Finding = RedactionRecord['findings'][number];

interface ViewString {
  readonly pointer: string;
  readonly text: string;
  /** Position in document order (members by name in code-unit order, items by index). */
  readonly order: number;
}

const LABELS: ReadonlySet<string> = new Set([...Object.values(PLACEHOLDER_LABELS), FIELD_PLACEHOLDER_LABEL, LITERAL_PLACEHOLDER_LABEL]);
/** A placeholder of a known label, anywhere in a view string. */
const PLACEHOLDER_TOKEN = /\[([A-Z][A-Z0-9_]*?)_([1-9][0-9]*)\]/g;

export function redactionFindingIssues(record: IndexedRecord<'redaction'>, view: JsonObject, maxChars: number): CheckIssue[] {
  const ticket = record.payload.ticket_id;
  const strings = viewStrings(view);
  const byPointer = new Map(strings.map((s) => [s.pointer, s]));
  const issues: CheckIssue[] = [];
  const fail = (i: number | null, sentence: string, expected?: string, actual?: string): void => {
    issues.push(
      failIssue(
        'REDACTION_FINDING_MISMATCH',
        `Ticket ${ticket}: ${sentence}`,
        evidenceOf(record, { payloadPointer: i === null ? '/findings' : `/findings/${i}`, ...(expected === undefined ? {} : { expected }), ...(actual === undefined ? {} : { actual }) }),
      ),
    );
  };
  const cut = truncation(strings);
  const accounted = new Set<string>();
  const highest = new Map<string, number>();
  const shift = new Map<string, number>();
  let previous: { order: number; end: number } | null = null;
  record.payload.findings.forEach((f, i) => {
    const shape = shapeProblem(f);
    if (shape !== null) return fail(i, shape);
    const target = byPointer.get(f.pointer);
    if (target === undefined) return fail(i, `finding ${i} (${f.placeholder}) names ${f.pointer}, which is no string of the view sent to the model`);
    const n = Number(/_([1-9][0-9]*)\]$/.exec(f.placeholder)![1]);
    const label = labelOf(f.detector);
    const top = highest.get(label) ?? 0;
    if (n > top + 1) fail(i, `finding ${i} is numbered ${f.placeholder}, but placeholders of a kind are numbered by first appearance and the last was ${top}`, `<= ${top + 1}`, String(n));
    highest.set(label, Math.max(top, n));
    if (previous !== null && (target.order < previous.order || (target.order === previous.order && f.start < previous.end))) {
      fail(i, `finding ${i} is out of document order or overlaps the one before it`);
    }
    previous = { order: target.order, end: f.end };
    // Where the placeholder stands in the view: the source offset moved by the placeholders before it.
    const moved = shift.get(f.pointer) ?? 0;
    const at = f.detector === 'field' ? 0 : f.start + moved;
    shift.set(f.pointer, moved + f.placeholder.length - (f.detector === 'field' ? 0 : f.end - f.start));
    if (target.text.startsWith(f.placeholder, at) && (f.detector !== 'field' || target.text === f.placeholder)) {
      accounted.add(`${f.pointer}\u0000${at}`);
      return;
    }
    if (cutAway(target, at, cut)) return;
    fail(i, `finding ${i} says ${f.placeholder} stands at ${f.pointer} character ${at}, but the view shows something else there`, f.placeholder, JSON.stringify(target.text.slice(at, at + f.placeholder.length)));
  });
  for (const s of strings) {
    for (const m of s.text.matchAll(PLACEHOLDER_TOKEN)) {
      if (!LABELS.has(m[1]!) || accounted.has(`${s.pointer}\u0000${m.index}`)) continue;
      fail(null, `the view sent to the model shows ${m[0]} at ${s.pointer} character ${m.index}, which no finding of the redaction record accounts for: what was redacted there is hidden`);
    }
  }
  issues.push(...truncationIssues(record, strings, cut, maxChars));
  return issues;
}

function shapeProblem(f: Finding): string | null {
  if (f.detector !== 'field' && f.detector !== 'literal' && !isDetectorId(f.detector)) return `finding ${JSON.stringify(f.placeholder)} names detector ${JSON.stringify(f.detector)}, which does not exist`;
  const kind = f.detector === 'field' || f.detector === 'literal' ? f.detector : detectorKind(f.detector);
  if (f.kind !== kind) return `a finding of detector ${f.detector} says kind ${f.kind}; that detector finds ${kind}`;
  const label = labelOf(f.detector);
  if (!new RegExp(`^\\[${label}_[1-9][0-9]*\\]$`).test(f.placeholder)) return `a finding of detector ${f.detector} has placeholder ${f.placeholder}; its placeholders are [${label}_n]`;
  if (f.detector === 'field' ? f.start !== 0 || f.end < 0 : !(f.start < f.end)) return `finding ${f.placeholder} has the offsets ${f.start}-${f.end}, which span nothing`;
  return null;
}

function labelOf(detector: string): string {
  if (detector === 'literal') return LITERAL_PLACEHOLDER_LABEL;
  return detector === 'field' ? FIELD_PLACEHOLDER_LABEL : (PLACEHOLDER_LABELS as Readonly<Record<string, string>>)[detector]!;
}

/** Every string value of the view with its pointer, in document order. */
function viewStrings(view: JsonObject): ViewString[] {
  const out: ViewString[] = [];
  const visit = (value: JsonValue, pointer: string): void => {
    if (typeof value === 'string') out.push({ pointer, text: value, order: out.length });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const name of Object.keys(value).sort()) visit(value[name]!, `${pointer}/${escapePointerToken(name)}`);
    }
  };
  visit(view, '');
  return out;
}

/** Where truncation cut the view: the string ending with the marker, or null when none does. */
function truncation(strings: readonly ViewString[]): ViewString | null {
  return strings.find((s) => s.text.endsWith(TRUNCATION_MARKER)) ?? null;
}

/** A placeholder at `at` in `s` is absent because truncation cut it away. */
function cutAway(s: ViewString, at: number, cut: ViewString | null): boolean {
  if (cut === null) return false;
  if (s.order > cut.order) return s.text === '';
  return s.order === cut.order && at >= s.text.length - TRUNCATION_MARKER.length;
}

function truncationIssues(record: IndexedRecord<'redaction'>, strings: readonly ViewString[], cut: ViewString | null, maxChars: number): CheckIssue[] {
  const { ticket_id: ticket, truncated } = record.payload;
  const markers = strings.reduce((n, s) => n + s.text.split(TRUNCATION_MARKER).length - 1, 0);
  const after = cut === null ? [] : strings.filter((s) => s.order > cut.order && s.text !== '');
  const allEmpty = strings.every((s) => s.text === '');
  // Below the marker's length there is no room for it: a cut view is then all empty strings.
  const cutShape = maxChars < TRUNCATION_MARKER.length ? markers === 0 && allEmpty : markers === 1 && after.length === 0;
  if (truncated === cutShape) return [];
  const evidence = evidenceOf(record, { payloadPointer: '/truncated', expected: String(cutShape), actual: String(truncated) });
  const sentence = truncated
    ? `the redaction record says the view was truncated, but the view sent to the model ${markers === 0 ? 'shows no truncation marker' : 'is not cut where the format cuts'}`
    : `the redaction record says the view was not truncated, but the view sent to the model ends one string with ${TRUNCATION_MARKER}${after.length > 0 ? ' and has text after it' : ''}`;
  return [failIssue('REDACTION_TRUNCATION_MISMATCH', `Ticket ${ticket}: ${sentence}`, evidence)];
}


