/**
 * validateWpcText: validation of WPC source text for the Lab editor. The text is parsed with
 * core's strict JSON parser (duplicate keys are an error: two readers must not see two policies),
 * and every problem carries the range of source text it is about: for a syntax error, the place
 * of the mistake (a missing comma at the end of a line), not where the parser noticed it.
 */
import { ClawproofError, isClawproofError } from '../core/errors.js';
import { parseStrictJson, textPositionAt } from '../core/json.js';
import { sortByPosition, type Problem } from './problems.js';
import { syntaxCause } from './syntax-cause.js';
import { rangeForPointer } from './text-locator.js';
import { validateWpc, type ValidateWpcOptions, type WpcValidation } from './validate.js';

/** Problems about a member's name rather than its value: underline the name. */
const KEY_PROBLEM_CODES: ReadonlySet<string> = new Set(['WPC_UNKNOWN_FIELD', 'WPC_MIXED_SHAPE']);

export function validateWpcText(text: string, options: ValidateWpcOptions = {}): WpcValidation {
  if (typeof text !== 'string') {
    throw new ClawproofError({ code: 'INPUT_INVALID', message: 'validateWpcText expects the WPC source text as a string' });
  }
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch (error) {
    if (!isClawproofError(error) || !(error.code.startsWith('JSON_') || error.code === 'ENCODING_INVALID')) throw error;
    return { ok: false, problems: [syntaxProblem(text, error)] };
  }
  const result = validateWpc(value, options);
  const withRange = (problem: Problem): Problem => {
    const range = rangeForPointer(text, problem.pointer, KEY_PROBLEM_CODES.has(problem.code));
    return range === null ? problem : { ...problem, range };
  };
  // Sorted again now that each problem has its place: by severity, then line and column.
  return result.ok
    ? { ...result, warnings: sortByPosition(result.warnings.map(withRange)) }
    : { ok: false, problems: sortByPosition(result.problems.map(withRange)) };
}

function syntaxProblem(text: string, error: ClawproofError): Problem {
  const problem: Problem = { pointer: '', code: error.code, message: error.message, severity: 'error' };
  const position = error.position;
  if (position === undefined) return problem;
  const cause = syntaxCause(text, position, error.message);
  if (cause !== null) return { ...problem, message: cause.message, range: cause.range };
  const end = Math.min(position.offset + 1, text.length);
  return { ...problem, range: { start: position, end: end > position.offset ? textPositionAt(text, end) : position } };
}
