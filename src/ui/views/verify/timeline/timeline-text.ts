/** One line of words per timeline entry: what happened, in the auditor's terms. */
import type { TimelineEntry } from '../../../../verify/diff/types.js';
import { shortHash } from '../../../lib/format.js';

export const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  model_call: 'Model call',
  proposal: 'Proposal',
  decision: 'Decision',
  approval: 'Approval',
  limit: 'Limit',
};

export function describe(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'model_call':
      return `${entry.model} · request ${shortHash(entry.requestHash, 8)} · response ${shortHash(entry.responseHash, 8)}`;
    case 'proposal':
      return `category ${entry.category} · asks for ${entry.actions.length === 0 ? 'no actions' : entry.actions.join(', ')}`;
    case 'decision':
      return `${entry.phase} ${entry.action} → ${entry.outcome}${entry.applied ? ', applied' : ''} · ${entry.code}${entry.rule === '' ? '' : ` · rule ${entry.rule}`}`;
    case 'approval':
      return `${entry.decision} (${entry.mode}) · ${entry.actions.join(', ')}`;
    case 'limit':
      return `${entry.limit.replaceAll('_', ' ')}: ${entry.effect.replaceAll('_', ' ')} (${entry.observed} of ${entry.threshold})`;
  }
}

/** The signed item an entry stands for, for the inspector's heading. */
export function itemLabel(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'model_call':
      return `The receipt ${entry.receiptId}`;
    case 'approval':
      return `The approval ${entry.approvalId}`;
    default:
      return `The record ${entry.recordId}`;
  }
}

/** Tone of an entry: refusals and limits stand out, applied writes are marked. */
export function tone(entry: TimelineEntry): 'deny' | 'apply' | 'limit' | 'plain' {
  if (entry.kind === 'limit') return 'limit';
  if (entry.kind === 'decision') return entry.applied ? 'apply' : entry.outcome === 'deny' ? 'deny' : 'plain';
  if (entry.kind === 'approval' && entry.decision === 'rejected') return 'deny';
  return 'plain';
}

export function clock(at: string): string {
  const m = /T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)/.exec(at);
  return m?.[1] ?? at;
}
