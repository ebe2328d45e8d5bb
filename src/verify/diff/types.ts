/**
 * What the verifier shows next to its checks: per-ticket field diffs with the evidence behind each
 * change, a timeline of model calls and tool decisions, and the comparison with a system-of-record
 * export. Plain JSON data, so a report carrying them can be stored and reloaded.
 */
import type { Digest } from '../../core/hash.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { LimitRecord, Outcome, RoutingState, TicketId, Timestamp } from '../../core/bundle/types.js';
import type { RoutingField } from './effects.js';

/** The applied tool call (a signed decision record with applied: true). */
export interface ApplyLink {
  readonly recordId: string;
  /** Pointer of the record envelope, e.g. `/records/12`. */
  readonly pointer: string;
  readonly at: Timestamp;
  readonly action: string;
  readonly phase: 'propose' | 'apply';
  readonly args: JsonObject;
  readonly code: string;
}

/** The phase-1 proposal the call was made under. */
export interface ProposalLink {
  readonly recordId: string;
  readonly pointer: string;
  readonly at: Timestamp;
  /** sha256 of the proposal record's payload bytes: what approvals bind to. */
  readonly hash: Digest;
  readonly category: string;
  readonly recommendedQueue: string;
}

/** The receipted model call whose response became the proposal. */
export interface ReceiptLink {
  readonly receiptId: string;
  readonly pointer: string;
  readonly at: Timestamp;
  readonly model: string;
  readonly requestHash: Digest;
  readonly responseHash: Digest;
}

/** The signed approval bound to the proposal that authorised the call (verified, not the record's claim). */
export interface ApprovalLink {
  readonly approvalId: string;
  readonly pointer: string;
  readonly at: Timestamp;
  readonly decision: 'approved' | 'rejected';
  readonly mode: 'queue' | 'auto';
}

/** One applied call and the evidence chain behind it: model call -> proposal -> approval -> apply. */
export interface ChangeCause {
  readonly apply: ApplyLink;
  readonly proposal: ProposalLink | null;
  readonly receipt: ReceiptLink | null;
  readonly approval: ApprovalLink | null;
  /** Routing fields this call changed when replayed (empty: no net effect). */
  readonly fields: readonly RoutingField[];
}

export interface FieldChange {
  readonly field: RoutingField;
  /** Pointer of the recorded after value, e.g. `/tickets/3/after/group_id`. */
  readonly pointer: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  /** For the list fields (tags, notifications): entries gained and lost. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
  /** The applied calls that changed this field, in chain order. */
  readonly causes: readonly ChangeCause[];
  /** True when replaying the applied calls on `before` gives exactly `after` for this field. */
  readonly explained: boolean;
  /**
   * For a change that is not explained: the value the replay gives, against the `after` found.
   * Absent when explained, and in reports stored by builds that did not yet carry it.
   */
  readonly expected?: ExpectedValue;
}

/** What replaying the applied calls gives for a field, and where that value comes from. */
export interface ExpectedValue {
  readonly value: JsonValue;
  /**
   * The last applied call whose replay set the field: the call that should have produced `value`.
   * Null when no applied call changes the field, so `value` is the before-state.
   */
  readonly cause: ChangeCause | null;
}

export interface TicketDiff {
  readonly ticketId: TicketId;
  /** Pointer of the ticket entry, e.g. `/tickets/3`. */
  readonly pointer: string;
  readonly contentHash: Digest;
  readonly before: RoutingState;
  readonly after: RoutingState;
  /** Fields whose recorded after value differs from the before value. */
  readonly changes: readonly FieldChange[];
  /** Every applied call on the ticket, in chain order, including those with no net effect. */
  readonly applied: readonly ChangeCause[];
  /** True when the replay of the applied calls reproduces `after` entirely. */
  readonly consistent: boolean;
}

interface TimelineBase {
  readonly at: Timestamp;
  readonly ticketId: TicketId | null;
  /** Pointer of the envelope, e.g. `/receipts/0`, `/records/7`, `/approvals/1`. */
  readonly pointer: string;
}

export type TimelineEntry =
  | (TimelineBase & {
      readonly kind: 'model_call';
      readonly receiptId: string;
      readonly model: string;
      readonly requestHash: Digest;
      readonly responseHash: Digest;
      /** The proposal made from this call's response, when one was. */
      readonly proposalRecordId: string | null;
    })
  | (TimelineBase & {
      readonly kind: 'proposal';
      readonly recordId: string;
      readonly receiptId: string;
      readonly category: string;
      readonly actions: readonly string[];
    })
  | (TimelineBase & {
      readonly kind: 'decision';
      readonly recordId: string;
      readonly action: string;
      readonly phase: 'propose' | 'apply';
      readonly outcome: Outcome;
      readonly code: string;
      readonly rule: string;
      readonly applied: boolean;
      readonly proposalRecordId: string | null;
      /** The signed approval the verifier found bound to this decision's proposal and action. */
      readonly approvalId: string | null;
    })
  | (TimelineBase & {
      readonly kind: 'approval';
      readonly approvalId: string;
      readonly decision: 'approved' | 'rejected';
      readonly mode: 'queue' | 'auto';
      readonly actions: readonly string[];
      readonly proposalRecordId: string | null;
    })
  | (TimelineBase & {
      readonly kind: 'limit';
      readonly recordId: string;
      readonly limit: LimitRecord['limit'];
      readonly effect: LimitRecord['effect'];
      readonly threshold: number;
      readonly observed: number;
    });

/** The routing fields a Zendesk export carries and the bundle's after-state is compared on. */
export const EXPORT_FIELDS = ['status', 'priority', 'type', 'assignee_id', 'group_id', 'tags'] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

export type UnexplainedChange =
  | {
      readonly kind: 'field';
      readonly ticketId: TicketId;
      readonly field: ExportField;
      /**
       * changed_outside_run: no applied action touched the field, yet the export differs;
       * not_reflected: the run applied a change the export does not show (still the before value);
       * changed_after_run: the run changed the field and the export shows a third value.
       */
      readonly reason: 'changed_outside_run' | 'not_reflected' | 'changed_after_run';
      readonly exportValue: JsonValue;
      readonly bundleBefore: JsonValue;
      readonly bundleAfter: JsonValue;
      /** Pointer into the export document, e.g. `/tickets/4/group_id`. */
      readonly exportPointer: string;
      /** Pointer of the bundle's after value, e.g. `/tickets/2/after/group_id`. */
      readonly bundlePointer: string;
      readonly message: string;
    }
  | {
      readonly kind: 'not_correlated';
      readonly ticketId: TicketId;
      readonly exportPointer: string;
      readonly bundlePointer: string;
      readonly message: string;
    };

export interface ExportComparison {
  /** Tickets both in the export and in the bundle. */
  readonly compared: number;
  /** Of those, tickets whose export object hashes to the bundle's content_hash. */
  readonly correlated: number;
  /** Export tickets the bundle does not cover: ignored, only counted. */
  readonly outsideBundle: number;
  /** Bundle tickets the export does not contain. */
  readonly missingFromExport: readonly TicketId[];
  /** Every difference no applied action explains, and every ticket whose content could not be correlated. */
  readonly changes: readonly UnexplainedChange[];
  /** Parts of the export that could not be read (RFC 6901 pointers into the export). */
  readonly problems: readonly { readonly pointer: string; readonly message: string }[];
}
