// Ticket diffs, the timeline and the comparison with a system-of-record export.
export { ticketDiffs } from './ticket-diff.js';
export { timeline } from './timeline.js';
export { MAX_EXPORT_TICKETS, compareWithExport } from './against.js';
export { ROUTING_FIELDS, applyCall, callProblem, type RoutingField } from './effects.js';
export { listEntries, type ListEntry } from './list-delta.js';
export { groupLabel } from './help-desk.js';
export {
  EXPORT_FIELDS,
  type ApplyLink,
  type ApprovalLink,
  type ChangeCause,
  type ExportComparison,
  type ExpectedValue,
  type ExportField,
  type FieldChange,
  type ProposalLink,
  type ReceiptLink,
  type TicketDiff,
  type TimelineEntry,
  type UnexplainedChange,
} from './types.js';
