// Work Policy Contracts: schema, validation, normalisation, policy hash and the pure evaluator.
export {
  ACTION_CATALOG,
  ACTION_NAME_PATTERN,
  MAX_ACTION_NAME_LENGTH,
  PROPOSAL_NOTE_ACTION,
  actionKind,
  canonicalActionName,
  isActionName,
  lookupAction,
  type ActionInfo,
  type ActionKind,
} from './actions.js';
export {
  DETECTOR_IDS,
  DLP_PATTERNS,
  DLP_PATTERN_NAMES,
  DLP_RULE_TYPES,
  PII_DETECTOR_IDS,
  SECRET_DETECTOR_IDS,
  type DetectorId,
  type DlpPatternInfo,
  type DlpPatternName,
  type DlpRuleType,
} from './dlp-patterns.js';
export {
  CST_SCOPE_RULE,
  DECISION_CODES,
  evaluate,
  type Decision,
  type DecisionCode,
  type DecisionOutcome,
  type EvaluationContext,
  type ToolCall,
  type ToolPhase,
} from './evaluate.js';
export { childPointer, escapePointerToken, formatPointer, parsePointer, type PointerSegment } from './json-pointer.js';
export { WPC_SCHEMA_FILES, generateWpcSchemaFiles, type WpcSchemaFile } from './json-schema.js';
export {
  DEFAULT_MAX_CHARS_SENT_TO_MODEL,
  findActionRule,
  type ActionList,
  type ActionRule,
  type ApprovalPolicy,
  type DetectorRequirement,
  type LimitsPolicy,
  type NormalizedPolicy,
  type PolicyMode,
  type RedactionPolicy,
  type Sourced,
} from './normalized-policy.js';
export { policyHash } from './policy-hash.js';
export { WPC_PROBLEM_CODES, type Problem, type ProblemSeverity, type TextRange, type WpcProblemCode } from './problems.js';
export {
  MAX_MAX_CHARS_SENT_TO_MODEL,
  MIN_MAX_CHARS_SENT_TO_MODEL,
  OUTPUT_MODES,
  WPC_VERSIONS,
  WRITE_APPROVAL_VALUES,
  ZENDESK_CONNECTIONS,
  routingWpcSchema,
  wpcSchema,
  zendeskWpcSchema,
  type RoutingWpc,
  type Wpc,
  type WpcShape,
  type ZendeskWpc,
} from './schema.js';
export { ROUTING_ONLY_FIELDS, ZENDESK_ONLY_FIELDS } from './shape.js';
export { locatePointer, rangeForPointer, type PointerLocation } from './text-locator.js';
export { validateWpc, type ValidateWpcOptions, type WpcValidation } from './validate.js';
export { validateWpcText } from './validate-text.js';
