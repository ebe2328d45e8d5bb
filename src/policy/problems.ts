/**
 * Problems found in a WPC. Validation reports every problem it finds, each at its RFC 6901
 * pointer, so an author fixes a policy in one pass instead of one error at a time.
 */
import type { TextPosition } from '../core/errors.js';

export const WPC_PROBLEM_CODES = [
  // Structure (from the schema).
  'WPC_NOT_OBJECT',
  'WPC_SHAPE_UNKNOWN',
  'WPC_MIXED_SHAPE',
  'WPC_UNKNOWN_FIELD',
  'WPC_MISSING_FIELD',
  'WPC_TYPE',
  'WPC_VALUE',
  'WPC_VERSION_UNSUPPORTED',
  'WPC_FORMAT',
  'WPC_ACTION_NAME_INVALID',
  'WPC_TOO_SMALL',
  'WPC_TOO_BIG',
  'WPC_LIMIT_NOT_POSITIVE',
  'WPC_MAX_CHARS_TOO_SMALL',
  'WPC_MAX_CHARS_TOO_BIG',
  'WPC_INVALID',
  // Meaning (semantic checks).
  'WPC_CONTRADICTION_ALLOW_DENY',
  'WPC_APPROVAL_FOR_DENIED_ACTION',
  'WPC_APPROVAL_FOR_NON_WRITE',
  'WPC_DUPLICATE_ENTRY',
  'WPC_UNKNOWN_ACTION',
  'WPC_NO_ALLOW_LIST',
  'WPC_DLP_TYPE_MISMATCH',
  'WPC_REDACTION_DEFAULT_DETECTORS',
  'WPC_REDACTION_RULES_WITHOUT_REQUIRED',
] as const;

export type WpcProblemCode = (typeof WPC_PROBLEM_CODES)[number];

export type ProblemSeverity = 'error' | 'warning';

/** A span of source text; `end` is exclusive. Offsets and columns count UTF-16 code units. */
export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

export interface Problem {
  /** RFC 6901 pointer into the WPC; `""` is the whole document. */
  readonly pointer: string;
  /** A WpcProblemCode, or a core JSON_* code when the text is not strict JSON. */
  readonly code: string;
  readonly message: string;
  readonly severity: ProblemSeverity;
  /** Where in the source text (only from validateWpcText). */
  readonly range?: TextRange;
}

export function wpcProblem(
  pointer: string,
  code: WpcProblemCode,
  message: string,
  severity: ProblemSeverity = 'error',
): Problem {
  return { pointer, code, message, severity };
}

const SEVERITY_RANK: Readonly<Record<ProblemSeverity, number>> = { error: 0, warning: 1 };

/** Errors before warnings: what blocks a policy is read first. */
export function compareSeverity(a: Problem, b: Problem): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/**
 * Problems by severity, then by where they are in the source text (line, then column); a problem
 * without a range is about the whole document and comes first in its severity. Stable: problems
 * at one place keep the order they were found in.
 */
export function sortByPosition(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareSeverity(a, b) || (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1));
}
