/**
 * Compile a schema-valid WPC of either shape into the NormalizedPolicy model (see
 * normalized-policy.ts). Pure mapping: every check lives in validation, which runs first.
 */
import { canonicalActionName, lookupAction } from './actions.js';
import { DLP_PATTERNS, sortDetectorIds, type DetectorId, type DlpPatternName } from './dlp-patterns.js';
import { deepFreeze } from './freeze.js';
import { childPointer } from './json-pointer.js';
import {
  DEFAULT_MAX_CHARS_SENT_TO_MODEL,
  type ActionList,
  type ActionRule,
  type ApprovalPolicy,
  type DetectorRequirement,
  type LimitsPolicy,
  type NormalizedPolicy,
  type RedactionPolicy,
  type Sourced,
} from './normalized-policy.js';
import type { RoutingWpc, Wpc, WpcShape, ZendeskWpc } from './schema.js';

export function normalizeWpc(wpc: Wpc, shape: WpcShape): NormalizedPolicy {
  const policy = shape === 'routing' ? normalizeRouting(wpc as RoutingWpc) : normalizeZendesk(wpc as ZendeskWpc);
  return deepFreeze(policy);
}

function normalizeRouting(wpc: RoutingWpc): NormalizedPolicy {
  const redaction = wpc.outputs.redaction;
  const rules = redaction.dlp_rules ?? [];
  const requiredPointer = '/outputs/redaction/required';
  const detectorSources = rules.map((rule, i) => ({ pattern: rule.pattern, pointer: `/outputs/redaction/dlp_rules/${i}` }));
  // Redaction required with no rule named: run every detector rather than none (fail closed).
  if (redaction.required && rules.length === 0) {
    detectorSources.push({ pattern: 'any_secret', pointer: requiredPointer }, { pattern: 'any_pii', pointer: requiredPointer });
  }
  const approvalList = wpc.high_risk_actions?.requires_approval;
  const approval: ApprovalPolicy =
    approvalList === undefined
      ? { kind: 'none', pointer: null }
      : {
          kind: 'listed',
          pointer: '/high_risk_actions/requires_approval',
          actions: actionRules(approvalList, '/high_risk_actions/requires_approval'),
        };
  const limits = wpc.limits;
  return {
    shape: 'routing',
    wpcVersion: wpc.wpc_version,
    name: wpc.workflow,
    allow: wpc.tools.allow === undefined ? null : actionList(wpc.tools.allow, '/tools/allow'),
    deny: actionList(wpc.tools.deny ?? [], '/tools/deny'),
    mode: { value: wpc.outputs.mode, pointer: '/outputs/mode' },
    approval,
    redaction: {
      required: { value: redaction.required || rules.length > 0, pointer: requiredPointer },
      detectors: detectorRequirements(detectorSources),
      redactFields: [],
      maxCharsSentToModel: sourced(redaction.max_chars_sent_to_model, '/outputs/redaction/max_chars_sent_to_model', DEFAULT_MAX_CHARS_SENT_TO_MODEL),
    },
    limits: {
      ratePerMinute: optionalSourced(limits?.rate_limit_per_minute, '/limits/rate_limit_per_minute'),
      maxConcurrency: optionalSourced(limits?.max_concurrency, '/limits/max_concurrency'),
      maxModelCallsPerTicket: optionalSourced(limits?.max_model_calls_per_ticket, '/limits/max_model_calls_per_ticket'),
      maxTicketsPerRun: optionalSourced(limits?.max_tickets_per_run, '/limits/max_tickets_per_run'),
      pointer: limits === undefined ? '' : '/limits',
    },
    pinPolicyHash: sourced(wpc.cst_policy_hash_pin, '/cst_policy_hash_pin', true),
    requiredOutputFields: (wpc.outputs.required_fields ?? []).map((field, i) => ({
      field,
      pointer: `/outputs/required_fields/${i}`,
    })),
  };
}

function normalizeZendesk(wpc: ZendeskWpc): NormalizedPolicy {
  const data = wpc.data_handling;
  const rules = data.dlp_rules ?? [];
  const fields = data.redact_fields ?? [];
  const detectorSources: { pattern: DlpPatternName; pointer: string }[] = [];
  if (data.pii_redaction) detectorSources.push({ pattern: 'any_pii', pointer: '/data_handling/pii_redaction' });
  rules.forEach((rule, i) => detectorSources.push({ pattern: rule.pattern, pointer: `/data_handling/dlp_rules/${i}` }));
  // Listing rules or fields asks for redaction even with pii_redaction false: enforce them (fail closed).
  const required = data.pii_redaction || rules.length > 0 || fields.length > 0;
  const approval: ApprovalPolicy =
    wpc.write_approval === 'human_in_the_loop'
      ? { kind: 'all_writes', pointer: '/write_approval' }
      : { kind: 'none', pointer: '/write_approval' };
  const limits = wpc.limits;
  const limitsPointer = limits !== undefined ? '/limits' : wpc.max_tickets_per_run !== undefined ? '/max_tickets_per_run' : '';
  const limitsPolicy: LimitsPolicy = {
    ratePerMinute: optionalSourced(limits?.rate_limit_per_minute, '/limits/rate_limit_per_minute'),
    maxConcurrency: optionalSourced(limits?.max_concurrency, '/limits/max_concurrency'),
    maxModelCallsPerTicket: optionalSourced(limits?.max_model_calls_per_ticket, '/limits/max_model_calls_per_ticket'),
    maxTicketsPerRun: optionalSourced(wpc.max_tickets_per_run, '/max_tickets_per_run'),
    pointer: limitsPointer,
  };
  const redaction: RedactionPolicy = {
    required: { value: required, pointer: data.pii_redaction || !required ? '/data_handling/pii_redaction' : '/data_handling' },
    detectors: detectorRequirements(detectorSources),
    redactFields: fields.map((path, i) => ({ path, pointer: `/data_handling/redact_fields/${i}` })),
    maxCharsSentToModel: sourced(data.max_chars_sent_to_model, '/data_handling/max_chars_sent_to_model', DEFAULT_MAX_CHARS_SENT_TO_MODEL),
  };
  return {
    shape: 'zendesk',
    wpcVersion: wpc.wpc_version,
    name: wpc.integration,
    allow: wpc.allowed_actions === undefined ? null : actionList(wpc.allowed_actions, '/allowed_actions'),
    deny: actionList(wpc.denied_actions ?? [], '/denied_actions'),
    // The Zendesk shape has no mode field: write_approval "propose_only" is its propose-only mode.
    mode: { value: wpc.write_approval === 'propose_only' ? 'propose_only' : 'apply', pointer: '/write_approval' },
    approval,
    redaction,
    limits: limitsPolicy,
    pinPolicyHash: sourced(wpc.cst_policy_hash_pin, '/cst_policy_hash_pin', true),
    requiredOutputFields: [],
  };
}

function actionRules(names: readonly string[], listPointer: string): ActionRule[] {
  return names.map((written, i) => {
    // The schema admitted only well-formed names, so the canonical form exists.
    const action = canonicalActionName(written) ?? written;
    const info = lookupAction(action);
    return { action, written, kind: info?.kind ?? 'write', known: info !== undefined, pointer: childPointer(listPointer, i) };
  });
}

function actionList(names: readonly string[], pointer: string): ActionList {
  return { pointer, entries: actionRules(names, pointer) };
}

function detectorRequirements(sources: readonly { pattern: DlpPatternName; pointer: string }[]): DetectorRequirement[] {
  const pointers = new Map<DetectorId, string[]>();
  for (const { pattern, pointer } of sources) {
    for (const detector of DLP_PATTERNS[pattern].detectors) {
      const list = pointers.get(detector) ?? [];
      if (!list.includes(pointer)) list.push(pointer);
      pointers.set(detector, list);
    }
  }
  return sortDetectorIds(pointers.keys()).map((detector) => ({ detector, pointers: pointers.get(detector) ?? [] }));
}

function sourced<T>(value: T | undefined, pointer: string, fallback: T): Sourced<T> {
  return value === undefined ? { value: fallback, pointer: null } : { value, pointer };
}

function optionalSourced<T>(value: T | undefined, pointer: string): Sourced<T> | null {
  return value === undefined ? null : { value, pointer };
}
