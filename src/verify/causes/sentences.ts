/**
 * One sentence per root cause, for an auditor: generated from the cause's code, its evidence
 * (pointers give ordinals, "receipt 6 of 16"; ids give tickets and keys) and what the report
 * knows about the bundle (list lengths, the applied calls). One builder per code or family of
 * codes; a code without one gets its check's title and the issue's own message.
 */
import type { JsonObject } from '../../core/json.js';
import { SCHEMA_CODES, INPUT_CODES, type CheckCode } from '../../format/codes.js';
import type { CheckIssue, Evidence } from '../report.js';
import type { ApplyLink } from '../diff/types.js';
import { faultShape, type ChainFault } from './chain-faults.js';
import { ordinalName, partName, signingRole, shortDigest, type PartList } from './places.js';

export interface SentenceInput {
  readonly checkTitle: string;
  readonly issue: CheckIssue;
  /** The chain fault the issue starts (chain codes only). */
  readonly fault: ChainFault | null;
  readonly counts: Readonly<Partial<Record<PartList, number>>>;
  readonly trustRootName: string | undefined;
  /** Applied calls by record id (from the report's ticket diffs). */
  readonly applied: ReadonlyMap<string, ApplyLink>;
  /** Every failing issue grouped with this one (the cause included). */
  readonly group: readonly CheckIssue[];
}

type Builder = (input: SentenceInput) => string | null;

export function causeSentence(input: SentenceInput): string {
  const built = BUILDERS[input.issue.code]?.(input) ?? null;
  return finish(built ?? `${input.checkTitle}: ${input.issue.message}`);
}

/** A sentence about a warning, for a summary (the same builders; most warnings read as they are). */
export function warningSentence(checkTitle: string, issue: CheckIssue): string {
  const built = BUILDERS[issue.code]?.({ checkTitle, issue, fault: null, counts: {}, trustRootName: undefined, applied: new Map(), group: [issue] }) ?? null;
  return finish(built ?? issue.message);
}

function finish(text: string): string {
  const trimmed = text.trim().replace(/[.;:,]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

const ev = (input: SentenceInput): Evidence | undefined => input.issue.evidence[0];
const pointed = (input: SentenceInput): Evidence | undefined => input.issue.evidence.find((e) => e.pointer !== undefined);
const part = (input: SentenceInput, pointer: string | undefined): string => (pointer === undefined ? 'a part of the bundle' : partName(pointer, input.counts));

/** "Ticket 10003: the model asked..." reads as it is; the lead-in is the ticket. */
const asIs: Builder = (input) => input.issue.message;

/** The message without the ids of parts it names in parentheses: the cause's pointers carry them. */
const withoutIds: Builder = (input) => input.issue.message.replace(/ \((?:receipt|record|approval) (?:rct|rec|apr)_[0-9a-z]+\)/g, '');

function chainSentence(input: SentenceInput): string | null {
  const fault = input.fault;
  const shape = fault === null ? null : faultShape(fault);
  if (fault === null || shape === null) return null;
  const word = fault.list === 'receipts' ? 'receipt' : 'record';
  const present = input.counts[fault.list];
  const name = (i: number, total = present) => ordinalName(fault.list, i, total);
  const n = (i: number) => `${word} ${i + 1}`;
  switch (shape.kind) {
    case 'missing': {
      const total = present === undefined ? undefined : present + shape.missing;
      const from = shape.index === 0 ? `the chain starts at ${n(shape.index + shape.missing)}` : `the chain jumps from ${n(shape.index - 1)} to ${n(shape.index + shape.missing)}`;
      if (shape.missing === 1) return `${name(shape.index, total)} is missing: ${from}`;
      return `${word}s ${shape.index + 1} to ${shape.index + shape.missing}${total === undefined ? '' : ` of ${total}`} are missing: ${from}`;
    }
    case 'swapped':
      return `${word}s ${shape.index + 1} and ${shape.index + 2}${present === undefined ? '' : ` of ${present}`} are swapped: ${n(shape.index + 1)} comes before ${n(shape.index)}`;
    case 'moved':
      return `the ${word} at position ${shape.index + 1}${present === undefined ? '' : ` of ${present}`} is numbered ${shape.seq + 1}: a ${word} was copied in or moved there`;
    case 'backdated':
      return `${name(shape.index)} is dated ${shape.at ?? 'earlier'}, before ${n(shape.index - 1)}: the ${word}s are out of order`;
    case 'unlinked':
      return shape.index === 0
        ? `${name(0)} does not start the chain: it points back to a ${word} that is not in the bundle`
        : `${name(shape.index)} does not chain to ${n(shape.index - 1)}: one of them was changed or replaced after signing`;
  }
}

function signatureSentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined) return null;
  const role = signingRole(e.pointer);
  const key = e.keyid === undefined ? '' : ` ${shortDigest(e.keyid)}`;
  const whose = `the signature on ${part(input, e.pointer.replace(/\/signatures.*$/, ''))}`;
  return `${whose} does not verify with the ${role ?? 'trusted'} key${key}: the part was changed after it was signed, or the signature was forged`;
}

function untrustedSentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined) return null;
  const others = input.group.filter((i) => i !== input.issue && i.code === 'KEY_NOT_TRUSTED').length;
  const root = input.trustRootName === undefined ? 'your trust root' : `your trust root "${input.trustRootName}"`;
  const also = others === 0 ? '' : ` (as ${others === 1 ? 'is 1 other part' : `are ${others} other parts`})`;
  return `${part(input, e.pointer)} is signed by key ${e.keyid === undefined ? '(none named)' : shortDigest(e.keyid)}${also}, which ${root} does not list for the ${signingRole(e.pointer) ?? ''} role: its content was not checked`;
}

function validitySentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined) return null;
  const others = input.group.filter((i) => i !== input.issue && i.code === 'KEY_OUTSIDE_VALIDITY').length;
  const also = others === 0 ? '' : `, and so ${others === 1 ? 'was 1 other part' : `were ${others} other parts`}`;
  const window = /trusted for role \w+ (from \S+ until [^\s,]+)/.exec(input.issue.message)?.[1];
  return `${part(input, e.pointer)} was signed at ${e.actual ?? 'a time'} by the ${signingRole(e.pointer) ?? 'trusted'} key ${e.keyid === undefined ? '' : shortDigest(e.keyid)}, outside the key's validity${window === undefined ? '' : ` (${window})`}${also}`;
}

function unverifiedSentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined) return null;
  return `${part(input, e.pointer)} is signed only by keys your trust root does not list for its role: its content was not read`;
}

function inputSentence(input: SentenceInput): string {
  return `the file is not a readable bundle: ${input.issue.message.replace(/^the bundle /, 'it ')}`;
}

function schemaSentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined) return null;
  const detail = input.issue.message.replace(/^.*?, member /, 'member ');
  return `${part(input, e.pointer)} does not follow the format: ${detail}`;
}

function policyHashSentence(input: SentenceInput): string | null {
  const e = pointed(input);
  if (e?.pointer === undefined || e.expected === undefined || e.actual === undefined) return null;
  const who = e.pointer === '/cst' ? "the capability token's policy pin" : e.pointer === '/records/0' ? 'the job_start record' : part(input, e.pointer);
  return `the WPC in the bundle is not the policy the run was held to: ${who} names policy ${shortDigest(e.actual)}, but the WPC hashes to ${shortDigest(e.expected)}`;
}

function cstJobSentence(input: SentenceInput): string | null {
  const e = ev(input);
  if (e?.expected === undefined || e.actual === undefined) return null;
  return `the capability token (CST) is for job ${e.expected}, but the bundle's parts name job ${e.actual}: the token belongs to another run`;
}

function duplicateSentence(input: SentenceInput): string | null {
  const [original, copy] = input.issue.evidence;
  if (original?.pointer === undefined || copy?.pointer === undefined) return null;
  return `${part(input, copy.pointer)} is a copy of ${part(input, original.pointer).replace(/ of \d+$/, '')}: the same model call appears twice`;
}

/** "assigned to billing": an applied call in the words of a ticket's history. */
export function actionPhrase(action: string, args: JsonObject | undefined): string {
  const arg = (name: string): string | null => {
    const v = args?.[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  };
  switch (action) {
    case 'tickets.assign':
      return `assigned to ${arg('queue') ?? (arg('group_id') === null ? 'another queue' : `group ${arg('group_id')}`)}`;
    case 'tickets.set_priority':
      return `set to priority ${arg('priority') ?? '(another)'}`;
    case 'tickets.add_label':
      return `labelled ${arg('label') ?? '(a label)'}`;
    case 'tickets.notify_customer':
      return `sent the customer notice ${arg('template') ?? ''}`.trim();
    case 'tickets.add_internal_note':
      return 'given an internal note';
    case 'tickets.set_status':
      return `set to status ${arg('status') ?? '(another)'}`;
    case 'tickets.close':
      return 'closed';
    default:
      return `changed by ${action}`;
  }
}

function approvalSentence(why: string): Builder {
  return (input) => {
    const e = input.issue.evidence.find((x) => x.recordId !== undefined);
    const applied = e?.recordId === undefined ? undefined : input.applied.get(e.recordId);
    const action = applied?.action ?? /\b(tickets\.[a-z_]+)/.exec(input.issue.message)?.[1];
    const ticket = e?.ticketId ?? /ticket (\d+)/.exec(input.issue.message)?.[1];
    if (action === undefined || ticket === undefined) return null;
    return `ticket ${ticket} was ${actionPhrase(action, applied?.args)} ${why}`;
  };
}

function viewSentence(what: 'view' | 'response'): Builder {
  return (input) => {
    const e = pointed(input);
    if (e?.pointer === undefined) return null;
    const list = what === 'view' ? 'model_views' : 'model_responses';
    const index = Number(e.pointer.split('/')[2]);
    if (!Number.isInteger(index)) return null;
    const sent = what === 'view' ? 'the text sent to the model' : "the model's answer";
    return `${ordinalName(list, index, input.counts[list] ?? input.counts.receipts)} (${sent}) is not what the proxy receipted for its call: it was changed after the call`;
  };
}

function ticketStateSentence(input: SentenceInput): string | null {
  const ticket = ev(input)?.ticketId ?? /ticket (\d+)/.exec(input.issue.message)?.[1];
  if (ticket === undefined) return null;
  return `ticket ${ticket}'s recorded after-state is not what its applied actions give: ${input.issue.message.replace(/^ticket \d+: /i, '')}`;
}

const BUILDERS: Partial<Record<CheckCode, Builder>> = {
  RECEIPT_CHAIN_BROKEN: chainSentence,
  RECORD_CHAIN_BROKEN: chainSentence,
  RECEIPT_DUPLICATE: duplicateSentence,
  SIGNATURE_INVALID: signatureSentence,
  KEY_NOT_TRUSTED: untrustedSentence,
  KEY_OUTSIDE_VALIDITY: validitySentence,
  SIGNATURE_UNVERIFIED: unverifiedSentence,
  POLICY_HASH_MISMATCH: policyHashSentence,
  CST_JOB_MISMATCH: cstJobSentence,
  CST_EXPIRED: (input) => `the capability token (CST) was used after it expired: ${input.issue.message}`,
  CST_NOT_YET_VALID: (input) => `the capability token (CST) was used before it was valid: ${input.issue.message}`,
  APPROVAL_MISSING: approvalSentence('without the approval the policy requires'),
  APPROVAL_NOT_BOUND: approvalSentence('without the approval the policy requires: its approvals answer another proposal'),
  APPROVAL_REJECTED: approvalSentence('although the approver rejected it'),
  APPROVAL_LATE: approvalSentence('before it was approved'),
  APPLY_WITHOUT_PROPOSAL: approvalSentence('without a signed proposal asking for it'),
  MODEL_VIEW_HASH_MISMATCH: viewSentence('view'),
  MODEL_RESPONSE_HASH_MISMATCH: viewSentence('response'),
  TICKET_STATE_MISMATCH: ticketStateSentence,
  PROPOSAL_MISMATCH: withoutIds,
  PROPOSAL_WITHOUT_RESPONSE: withoutIds,
  PROPOSAL_OMITTED: asIs,
  DEGRADE_REQUIRED: asIs,
  DEGRADE_UNJUSTIFIED: asIs,
  JOB_LIMITS_MISMATCH: (input) => `the run's ${input.issue.message.replace(/^job_start /, 'job_start record ')}`,
  LIMIT_EXCEEDED: asIs,
  MERKLE_ROOT_MISMATCH: (input) => `the manifest's seal does not match the bundle: ${input.issue.message}`,
  TREE_HEAD_MISMATCH: (input) => `a line was changed, swapped or replaced after it was sealed: ${input.issue.message}`,
  TREE_SIZE_MISMATCH: (input) => `lines were dropped or added after they were sealed: ${input.issue.message}`,
  MANIFEST_COUNT_MISMATCH: asIs,
  CHECK_CRASHED: (input) => `the verifier could not finish the check "${input.checkTitle}": ${input.issue.message} (a verifier bug, not a finding about the bundle)`,
  TRUST_ROOT_DEMO_ONLY: () => 'the trust root is demo-only: its secret keys are published, so anyone could have signed this bundle',
  APPROVAL_AUTOMATIC: (input) => {
    const n = /^(\d+) applied/.exec(input.issue.message)?.[1];
    return n === undefined ? null : `${n === '1' ? '1 applied write was' : `${n} applied writes were`} approved automatically: the approver key signed, but no person reviewed the proposal`;
  },
  ...Object.fromEntries(INPUT_CODES.map((code) => [code, inputSentence])),
  ...Object.fromEntries(SCHEMA_CODES.map((code) => [code, schemaSentence])),
};
