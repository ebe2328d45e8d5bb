/**
 * NormalizedPolicy: the one internal model both WPC shapes compile to. The evaluator, the runtime
 * and the verifier read only this, so the two shapes cannot drift into two meanings.
 *
 * Every rule keeps the RFC 6901 pointer of the place in the ORIGINAL WPC it came from, so a
 * decision can name the exact line of policy that made it.
 */
import type { ActionKind } from './actions.js';
import type { DetectorId } from './dlp-patterns.js';
import type { WpcShape } from './schema.js';

/** A value and where the WPC says it; pointer null means the WPC is silent and this spec's default applies. */
export interface Sourced<T> {
  readonly value: T;
  readonly pointer: string | null;
}

/** One action named by the WPC. */
export interface ActionRule {
  /** Canonical dotted name. */
  readonly action: string;
  /** As written in the WPC (`tickets:assign`). */
  readonly written: string;
  /** Catalog kind; an action the catalog does not know is a write. */
  readonly kind: ActionKind;
  readonly known: boolean;
  readonly pointer: string;
}

export interface ActionList {
  /** Pointer of the list itself (`/tools/deny`, `/allowed_actions`). */
  readonly pointer: string;
  /** In WPC order; duplicates kept (the first one decides). */
  readonly entries: readonly ActionRule[];
}

/**
 * Which writes need a recorded approval before phase 2.
 * listed: the actions named (routing `high_risk_actions.requires_approval`);
 * all_writes: every write (Zendesk `write_approval: "human_in_the_loop"`);
 * none: no write needs one.
 */
export type ApprovalPolicy =
  | { readonly kind: 'listed'; readonly pointer: string; readonly actions: readonly ActionRule[] }
  | { readonly kind: 'all_writes'; readonly pointer: string }
  | { readonly kind: 'none'; readonly pointer: string | null };

export type PolicyMode = 'propose_only' | 'apply';

export interface DetectorRequirement {
  readonly detector: DetectorId;
  /** Every WPC rule that asks for this detector. */
  readonly pointers: readonly string[];
}

export interface RedactionPolicy {
  /** Whether text must be redacted before any model call (true whenever any detector or field is listed). */
  readonly required: Sourced<boolean>;
  /** Detectors the redaction step must run, in DETECTOR_IDS order; empty when not required. */
  readonly detectors: readonly DetectorRequirement[];
  /** Ticket field paths removed from the model view (`requester.email`, `custom_fields.*`). */
  readonly redactFields: readonly { readonly path: string; readonly pointer: string }[];
  readonly maxCharsSentToModel: Sourced<number>;
}

export interface LimitsPolicy {
  readonly ratePerMinute: Sourced<number> | null;
  readonly maxConcurrency: Sourced<number> | null;
  readonly maxModelCallsPerTicket: Sourced<number> | null;
  readonly maxTicketsPerRun: Sourced<number> | null;
  /** The rule a degraded (classify-only) decision cites: the WPC's limits, or `""` when it sets none. */
  readonly pointer: string;
}

export interface NormalizedPolicy {
  readonly shape: WpcShape;
  readonly wpcVersion: string;
  /** `workflow` (routing) or `integration` (Zendesk). */
  readonly name: string;
  /** null: the WPC has no allow list (only catalogued actions that are not denied may run). */
  readonly allow: ActionList | null;
  readonly deny: ActionList;
  readonly mode: { readonly value: PolicyMode; readonly pointer: string };
  readonly approval: ApprovalPolicy;
  readonly redaction: RedactionPolicy;
  readonly limits: LimitsPolicy;
  /** Whether the CST must carry this policy's hash. Default true (fail closed). */
  readonly pinPolicyHash: Sourced<boolean>;
  readonly requiredOutputFields: readonly { readonly field: string; readonly pointer: string }[];
}

export const DEFAULT_MAX_CHARS_SENT_TO_MODEL = 6000;

/** The first rule in `list` naming `action` (canonical form), if any. */
export function findActionRule(list: ActionList | null, action: string): ActionRule | undefined {
  return list?.entries.find((rule) => rule.action === action);
}
