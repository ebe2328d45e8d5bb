/**
 * redaction: the redaction is re-run, not trusted. Every model view is scanned again with src/dlp's
 * scanDocument and the detectors the WPC requires together with those the job says it ran
 * (job_start.redaction), and every model response with every detector (the proxy's egress
 * filter): any detection is a REDACTION_LEAK, reported by its place and detector, never by its
 * value (the report must not become the leak). Each view holds at most max_chars_sent_to_model
 * characters (and the job's own cap), exactly as many as the ticket's redaction record says;
 * fields the WPC redacts carry only their placeholder; and the job's recorded redaction settings
 * are not weaker than the WPC's. And each ticket's redaction record agrees with the view it
 * describes: its findings and its truncated flag (redaction-findings.ts).
 */
import { DETECTOR_IDS, DLP_RULESET_VERSION, RULESET_DETECTOR_IDS, scanDocument, viewChars, type DetectorId } from '../../dlp/index.js';
import { initialStates, isMatched, parseFieldPaths, stepStates, type FieldPath, type PathState } from '../../dlp/field-paths.js';
import { TRUNCATION_MARKER } from '../../dlp/index.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { NormalizedPolicy } from '../../policy/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { escapePointerToken } from '../../core/pointer.js';
import { ticketCalls } from '../derive/calls.js';
import { recordIndex, type IndexedRecord } from '../diff/records.js';
import { exactPlace, placer, type Placer } from './leak-place.js';
import { redactionFindingIssues } from './redaction-findings.js';
import { checkResult, failIssue, plural, skippedResult, warnIssue } from './result.js';

/** What a field the WPC redacts may hold in a view: its placeholder, or what truncation left of it. */
const REDACTED_FIELD_VALUE = /^(?:\[REDACTED_FIELD_[1-9][0-9]*\])?$/;

export function checkRedaction(ctx: VerifyContext): CheckResult {
  const policy = ctx.wpc.policy;
  if (policy === null) {
    return skippedResult('redaction', 'Not run: the WPC could not be read and validated (see wpc), so the redaction it requires is unknown.');
  }
  const settings = jobSettings(ctx);
  const ruleset = rulesetOf(settings);
  const wanted = new Set<string>([...requiredDetectors(policy, ruleset), ...(settings?.detectors ?? [])]);
  // DETECTOR_IDS order; ids the dlp layer does not know cannot be run (the settings check names them).
  const detectors = DETECTOR_IDS.filter((id) => wanted.has(id));
  const leaks = (doc: JsonObject, ids: readonly DetectorId[], base: string, receiptId: string): ScannedLeaks => scanLeaks(doc, ids, base, receiptId, ruleset);
  const maxChars = Math.min(policy.redaction.maxCharsSentToModel.value, settings?.max_chars ?? Number.POSITIVE_INFINITY);
  const fields = parseFieldPaths(policy.redaction.redactFields.map((f) => f.path));
  const recordedChars = charsByTicket(ctx);
  const issues: CheckIssue[] = [];
  let scanned = 0;
  for (const item of ctx.items.modelViews) {
    if (item.value === null) continue;
    scanned++;
    const receiptId = item.value.receipt_id;
    const view = item.value.request.view;
    const base = `${item.pointer}/request/view`;
    const found = leaks(view, detectors, base, receiptId);
    issues.push(...found.issues);
    const chars = safeViewChars(view);
    if (chars === null || chars > maxChars) {
      issues.push(
        failIssue('MAX_CHARS_EXCEEDED', `the model view of receipt ${receiptId} holds ${chars ?? 'an uncountable number of'} characters; at most ${maxChars} may be sent per model call (the WPC's ${policy.redaction.maxCharsSentToModel.pointer ?? 'default'} and the job's settings)`, {
          pointer: base,
          receiptId,
          expected: `<= ${maxChars}`,
          actual: String(chars),
        }),
      );
    }
    const recorded = recordedChars.get(item.value.request.ticket_id);
    if (recorded !== undefined && chars !== null && recorded.chars !== chars) {
      issues.push(
        failIssue('REDACTION_RECORD_MISMATCH', `the model view of receipt ${receiptId} has ${chars} characters, but the ticket's redaction record says ${recorded.chars}: the view is not the one the harness redacted`, {
          pointer: base,
          receiptId,
          expected: String(recorded.chars),
          actual: String(chars),
        }, { pointer: recorded.pointer, payloadPointer: '/chars' }),
      );
    }
    issues.push(...fieldIssues(view, fields, policy, base, receiptId, found.place));
  }
  for (const item of ctx.items.modelResponses) {
    if (item.value === null) continue;
    issues.push(...leaks(item.value.response, DETECTOR_IDS, `${item.pointer}/response`, item.value.receipt_id).issues);
  }
  issues.push(...settingsIssues(ctx, policy, ruleset));
  for (const issue of redactionRecordIssues(ctx, maxChars)) issues.push(issue);
  if (ruleset.kind === 'unknown') {
    issues.push(
      warnIssue('REDACTION_RULESET_UNKNOWN', `the job redacted with detection ruleset ${JSON.stringify(ruleset.version)}, which this verifier does not know; the views were re-scanned with its own ruleset ${DLP_RULESET_VERSION}`, {
        pointer: '/records/0',
        payloadPointer: '/redaction/ruleset',
        expected: Object.keys(RULESET_DETECTOR_IDS).join(' or '),
        actual: ruleset.version,
      }),
    );
  }
  const evidence: Evidence[] = [
    { pointer: ctx.wpc.pointer, note: `views re-scanned with ${detectors.join(', ') || '(no detectors required)'}; at most ${maxChars} characters per view` },
    { pointer: '/model_views', note: `${plural(scanned, 'model view')} and ${plural(ctx.items.modelResponses.length, 'response')} (with every detector) re-scanned` },
  ];
  const message =
    issues.length === 0
      ? `Re-running redaction over ${plural(scanned, 'model view')} finds nothing the WPC forbids, and every view is within ${maxChars} characters.`
      : `${plural(issues.length, 'redaction problem')}: the model saw more than the WPC allows.`;
  return checkResult('redaction', issues, evidence, message);
}

/**
 * The ruleset a job redacted with. Detectors only get stricter, so a view made under an OLDER
 * ruleset may show what a newer rule finds without having broken its own rules: that is a warning
 * (REDACTION_LEAK_NEWER_RULES), so a stricter verifier does not turn honest old bundles invalid.
 * An unknown (newer) ruleset is re-scanned with this verifier's rules, and its findings fail.
 */
type Ruleset = { readonly kind: 'current' | 'unknown'; readonly version: string } | { readonly kind: 'older'; readonly version: string; readonly ids: readonly DetectorId[] };

function rulesetOf(settings: { readonly ruleset: string } | null): Ruleset {
  const version = settings?.ruleset ?? DLP_RULESET_VERSION;
  if (version === DLP_RULESET_VERSION) return { kind: 'current', version };
  const ids = RULESET_DETECTOR_IDS[version];
  return ids === undefined ? { kind: 'unknown', version } : { kind: 'older', version, ids };
}

/** The detectors the WPC requires, as far as the job's ruleset had them. */
function requiredDetectors(policy: NormalizedPolicy, ruleset: Ruleset): string[] {
  const required = policy.redaction.detectors.map((d) => d.detector);
  return ruleset.kind === 'older' ? required.filter((id) => ruleset.ids.includes(id)) : required;
}

/** A document's leaks, and how to name a place in it without spelling a flagged member name. */
interface ScannedLeaks {
  readonly issues: readonly CheckIssue[];
  readonly place: Placer;
}

function scanLeaks(doc: JsonObject, detectors: readonly DetectorId[], base: string, receiptId: string, ruleset: Ruleset): ScannedLeaks {
  const found = findLeaks(doc, detectors, base, receiptId);
  if (ruleset.kind !== 'older') return found;
  return {
    place: found.place,
    issues: found.issues.map((issue) =>
    issue.code !== 'REDACTION_LEAK'
      ? issue
      : warnIssue('REDACTION_LEAK_NEWER_RULES', `${issue.message.replace(/ that the WPC requires to be redacted$/, '')}: this verifier's ruleset ${DLP_RULESET_VERSION} finds it; the job redacted with ruleset ${ruleset.version}, whose rules did not`, ...issue.evidence),
    ),
  };
}

function findLeaks(doc: JsonObject, detectors: readonly DetectorId[], base: string, receiptId: string): ScannedLeaks {
  let findings;
  try {
    findings = scanDocument(doc, detectors);
  } catch {
    return { place: exactPlace, issues: [failIssue('REDACTION_UNCHECKABLE', `the content at ${base} could not be scanned (not a plain JSON document within the scanner's limits)`, { pointer: base, receiptId })] };
  }
  // A pointer through a member name that holds a finding would publish the finding itself.
  const place = placer(doc, findings.filter((f) => f.part === 'name').map((f) => f.pointer));
  const issues = findings.map((f) => {
    const at = place(f.pointer);
    return failIssue('REDACTION_LEAK', `${f.detector} finds ${f.kind === 'secret' ? 'a secret' : 'personal data'} in ${f.part === 'name' ? 'a member name' : 'a value'} at ${base}${at.pointer}${at.member === '' ? '' : `, ${at.member}`} (characters ${f.start} to ${f.end}) that the WPC requires to be redacted`, {
      pointer: `${base}${at.pointer}`,
      receiptId,
      note: `${f.detector} ${f.part} ${f.start}-${f.end}`,
    });
  });
  return { place, issues };
}

/** Each ticket's signed redaction record against the view the proxy receipted for it (redaction-findings.ts). */
export function redactionRecordIssues(ctx: VerifyContext, maxChars: number): CheckIssue[] {
  const calls = ticketCalls(ctx);
  let issues: CheckIssue[] = [];
  const done = new Set<number>();
  for (const record of recordIndex(ctx).records) {
    if (record.payload.kind !== 'redaction' || done.has(record.payload.ticket_id)) continue;
    done.add(record.payload.ticket_id);
    const view = calls.get(record.payload.ticket_id)?.[0]?.view ?? null;
    if (view !== null) issues = issues.concat(redactionFindingIssues(record as IndexedRecord<'redaction'>, view, maxChars));
  }
  return issues;
}

function jobSettings(ctx: VerifyContext): { ruleset: string; detectors: readonly string[]; redact_fields: readonly string[]; max_chars: number } | null {
  const start = ctx.records[0]?.payload;
  return start?.kind === 'job_start' ? start.redaction : null;
}

/** `chars` of each ticket's (first) signed redaction record. */
function charsByTicket(ctx: VerifyContext): Map<number, { chars: number; pointer: string }> {
  const map = new Map<number, { chars: number; pointer: string }>();
  for (const view of ctx.records) {
    const r = view.payload;
    if (r?.kind === 'redaction' && !map.has(r.ticket_id)) map.set(r.ticket_id, { chars: r.chars, pointer: view.pointer });
  }
  return map;
}

function safeViewChars(view: JsonObject): number | null {
  try {
    return viewChars(view);
  } catch {
    return null;
  }
}

/** Every value a redacted field path reaches must be its placeholder (or what truncation left of it). */
function fieldIssues(view: JsonObject, fields: readonly FieldPath[], policy: NormalizedPolicy, base: string, receiptId: string, place: Placer): CheckIssue[] {
  if (fields.length === 0) return [];
  const issues: CheckIssue[] = [];
  const visit = (value: JsonValue, states: readonly PathState[], pointer: string): void => {
    if (states.length === 0) return;
    if (isMatched(fields, states)) {
      if (typeof value !== 'string' || !(REDACTED_FIELD_VALUE.test(value) || value === TRUNCATION_MARKER)) {
        const rule = policy.redaction.redactFields.find((_, i) => states.some((s) => s.path === i && s.next === fields[i]!.length));
        const at = place(pointer);
        issues.push(
          failIssue('REDACT_FIELD_PRESENT', `the model view of receipt ${receiptId} shows the field ${at.pointer}${at.member === '' ? '' : ` (${at.member})`} that the WPC removes (${rule?.path ?? 'redact_fields'}, ${rule?.pointer ?? ''})`, {
            pointer: `${base}${at.pointer}`,
            receiptId,
          }),
        );
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, stepStates(fields, states, { index: i }), `${pointer}/${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const [name, v] of Object.entries(value)) visit(v, stepStates(fields, states, { name }), `${pointer}/${escapePointerToken(name)}`);
    }
  };
  visit(view, initialStates(fields), '');
  return issues;
}

/** The job's recorded redaction (job_start) must run every required detector, remove every field, cap as tightly. */
function settingsIssues(ctx: VerifyContext, policy: NormalizedPolicy, ruleset: Ruleset): CheckIssue[] {
  const view = ctx.records[0];
  const start = view?.payload;
  if (view === undefined || start?.kind !== 'job_start') return [];
  const settings = start.redaction;
  const at = (payloadPointer: string, expected: string, actual: string): Evidence => ({ pointer: view.pointer, recordId: start.record_id, payloadPointer, expected, actual });
  const issues: CheckIssue[] = [];
  const unknown = settings.detectors.filter((d) => !(DETECTOR_IDS as readonly string[]).includes(d));
  if (unknown.length > 0) {
    issues.push(failIssue('REDACTION_SETTINGS_WEAKER', `the job names detectors that do not exist, so nothing can re-run them: ${unknown.join(', ')}`, at('/redaction/detectors', DETECTOR_IDS.join(', '), unknown.join(', '))));
  }
  const missing = requiredDetectors(policy, ruleset).filter((d) => !settings.detectors.includes(d));
  if (missing.length > 0) {
    issues.push(failIssue('REDACTION_SETTINGS_WEAKER', `the job ran redaction without detectors the WPC requires: ${missing.join(', ')}`, at('/redaction/detectors', missing.join(', '), settings.detectors.join(', '))));
  }
  const fields = policy.redaction.redactFields.map((f) => f.path).filter((f) => !settings.redact_fields.includes(f));
  if (fields.length > 0) {
    issues.push(failIssue('REDACTION_SETTINGS_WEAKER', `the job did not remove fields the WPC redacts: ${fields.join(', ')}`, at('/redaction/redact_fields', fields.join(', '), settings.redact_fields.join(', '))));
  }
  const max = policy.redaction.maxCharsSentToModel.value;
  if (settings.max_chars > max) {
    issues.push(failIssue('REDACTION_SETTINGS_WEAKER', `the job allowed ${settings.max_chars} characters per model view; the WPC allows ${max}`, at('/redaction/max_chars', `<= ${max}`, String(settings.max_chars))));
  }
  return issues;
}

