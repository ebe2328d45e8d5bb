/** Words for what the Lab shows: decision codes, outcomes, sizes. */
import type { LabDecision } from './lab-report.js';

/** How each decision code reads in the Lab (the code itself is always shown next to it). */
const CODE_WORDS: Readonly<Record<string, string>> = {
  INVALID_CALL: 'malformed call',
  EXPLICIT_DENY: 'explicitly denied',
  NOT_ON_ALLOW_LIST: 'not allowed (not on the allow list)',
  UNKNOWN_ACTION: 'unknown action',
  NOT_IN_CST_SCOPE: 'outside the token scope',
  PROPOSE_ONLY_MODE: 'propose-only mode',
  DEGRADED_CLASSIFY_ONLY: 'degraded to classify-only',
  APPROVAL_REQUIRED: 'needs approval',
  APPROVED: 'approved',
  PROPOSAL_ALLOWED: 'proposal note',
  ALLOWED: 'allowed',
};

export function codeWords(code: string): string {
  return CODE_WORDS[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

export interface DecisionLook {
  readonly label: string;
  readonly tone: Tone;
}

/** The badge of a recorded decision: what happened to the call. */
export function decisionLook(d: Pick<LabDecision, 'outcome' | 'applied' | 'phase' | 'approval_id'>): DecisionLook {
  if (d.applied) return { label: d.phase === 'propose' ? 'Written' : 'Applied', tone: 'ok' };
  switch (d.outcome) {
    case 'deny':
      return { label: 'Refused', tone: 'bad' };
    case 'needs_approval':
      return d.approval_id === null ? { label: 'Not approved', tone: 'warn' } : { label: 'Rejected', tone: 'bad' };
    case 'proposal_only':
      return { label: 'Proposed only', tone: 'info' };
    default:
      return { label: 'Not applied', tone: 'neutral' };
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A short, readable form of a call's arguments (`template: refund_update, queue: billing`). */
export function formatArgs(args: Readonly<Record<string, unknown>>): string {
  return Object.entries(args)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The time part of an RFC 3339 timestamp (`09:00:12.340`). */
export function clockTime(timestamp: string): string {
  const t = timestamp.indexOf('T');
  return t === -1 ? timestamp : timestamp.slice(t + 1).replace(/Z$/, '');
}
