/**
 * The checks of a verification report (docs/FORMATS.md, "Verification", "Checks"): their stable
 * ids in report order, their titles and what each verifies. The verifier runs them; the spec's
 * check table is generated from here (scripts/generate-code-tables.ts).
 */

/** Stable ids of the checks, in the order a report lists them. */
/** The report's verdicts: every reader of a report (store, conformance runner) takes them from here. */
export const VERDICTS = ['valid', 'invalid', 'unknown-signer'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A check's status in a report. */
export const CHECK_STATUSES = ['pass', 'fail', 'warn', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_IDS = [
  'structure',
  'trust',
  'wpc',
  'cst',
  'receipts',
  'model_views',
  'redaction',
  'proposals',
  'decisions',
  'approvals',
  'limits',
  'schedule',
  'tickets',
  'replay',
  'manifest',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Human titles of the checks, as a report and the UI show them. */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  structure: 'Structure and version',
  trust: 'Signers in the trust root',
  wpc: 'Work Policy Contract',
  cst: 'Capability-scoped token',
  receipts: 'Gateway receipts',
  model_views: 'Model views match receipts',
  redaction: 'Redaction re-run',
  proposals: 'Proposals re-derived from receipted answers',
  decisions: 'Tool decisions re-evaluated',
  approvals: 'Approvals of proposals',
  limits: 'Limits held',
  schedule: 'Schedule re-derived',
  tickets: 'Ticket diffs',
  replay: 'Anti-replay',
  manifest: 'Seal over the whole bundle',
};

/** What each check verifies, in the words of the spec's check table. */
export const CHECK_SCOPES: Readonly<Record<CheckId, string>> = {
  structure: 'the document and every part have their format (section above)',
  trust: 'every signed part is signed by a key of the trust root for its role, valid at its signing time',
  wpc: "signature; the WPC validates; its policy hash equals the manifest's, the CST pin's and `job_start`'s",
  cst: 'signature, `typ`, claims, window, job binding, pin, scope',
  receipts: 'signatures, bindings, chain (v2: the proxy tree head), ids, order, model, count',
  model_views: "each receipt's view and response are the receipted ones; a ticket's calls send one view",
  redaction: 'redaction re-run over every view and response; each redaction record agrees with its view',
  proposals: 'each proposal is the one its receipted model answer gives; each ticket was called as often as its answers require',
  decisions: 'the record chain; the decisions are what the proposals ask for; every decision re-evaluated',
  approvals: 'two-phase commit: every applied write has its proposal and, where required, its approval; the approver was asked exactly when the format says',
  limits: 'rate, concurrency, calls per ticket, tickets per run, the degrade rule',
  schedule: 'the run\'s timing re-derived: every record, receipt and approval at its place and time',
  tickets: 'after-states are before-states plus the applied effects; every ticket accounted for',
  replay: "the CST's jti belongs to this job alone",
  manifest: 'signature; media type and version; counts; Merkle root (v2: the harness tree head); bindings; time',
};
