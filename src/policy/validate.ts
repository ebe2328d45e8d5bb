/**
 * validateWpc: the one door a WPC goes through before anything acts on it. It reports every
 * problem at once (structure from the zod schema, then meaning), and only a WPC without errors
 * yields a NormalizedPolicy.
 */
import { parsePointer } from './json-pointer.js';
import { detectShape } from './shape.js';
import { normalizeWpc } from './normalize.js';
import type { NormalizedPolicy } from './normalized-policy.js';
import { compareSeverity, wpcProblem, type Problem } from './problems.js';
import { WPC_SHAPE_SCHEMAS, type Wpc, type WpcShape } from './schema.js';
import { schemaIssuesToProblems } from './schema-issues.js';
import { semanticProblems } from './semantic-checks.js';

export interface ValidateWpcOptions {
  /** Treat every warning as an error (e.g. approval required for a denied action). Default false. */
  readonly strict?: boolean;
}

export type WpcValidation =
  | {
      readonly ok: true;
      readonly shape: WpcShape;
      readonly wpc: Wpc;
      readonly policy: NormalizedPolicy;
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function validateWpc(value: unknown, options: ValidateWpcOptions = {}): WpcValidation {
  const strict = options.strict === true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return { ok: false, problems: [wpcProblem('', 'WPC_NOT_OBJECT', `a WPC is a JSON object, got ${got}`)] };
  }
  const doc = value as Readonly<Record<string, unknown>>;
  const detection = detectShape(doc);
  const problems: Problem[] = [...detection.problems];
  const shape = detection.shape;
  let parsed: Wpc | undefined;
  if (shape !== null) {
    const schema = WPC_SHAPE_SCHEMAS[shape];
    const result = schema.safeParse(doc);
    if (result.success) parsed = result.data;
    else problems.push(...schemaIssuesToProblems(result.error.issues, doc, schema, detection.reportedFields));
    problems.push(...semanticProblems(doc, shape));
  }

  const all = sortInDocumentOrder(doc, strict ? problems.map(asError) : problems);
  const errors = all.filter((p) => p.severity === 'error');
  if (shape === null || parsed === undefined || errors.length > 0) return { ok: false, problems: all };
  return { ok: true, shape, wpc: parsed, policy: normalizeWpc(parsed, shape), warnings: all };
}

function asError(problem: Problem): Problem {
  return problem.severity === 'error' ? problem : { ...problem, severity: 'error' };
}

/**
 * Errors first, then warnings; within each, in the order their places appear in the document
 * (then in the order found), so the same WPC always lists its problems the same way, what blocks
 * it is read first, and an editor can walk them top to bottom.
 */
function sortInDocumentOrder(doc: unknown, problems: readonly Problem[]): Problem[] {
  const keyed = problems.map((problem, index) => ({ problem, index, order: documentOrder(doc, problem.pointer) }));
  keyed.sort((a, b) => compareSeverity(a.problem, b.problem) || compareOrder(a.order, b.order) || a.index - b.index);
  return keyed.map(({ problem }) => problem);
}

/** Position of each step of `pointer`: the member's index among its object's keys, or the array index. */
function documentOrder(doc: unknown, pointer: string): number[] {
  const tokens = parsePointer(pointer) ?? [];
  const order: number[] = [];
  let current: unknown = doc;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      const index = Number(token);
      order.push(Number.isInteger(index) ? index : Number.MAX_SAFE_INTEGER);
      current = current[index];
    } else if (typeof current === 'object' && current !== null) {
      const index = Object.keys(current).indexOf(token);
      // A missing field (reported as missing) sorts after the fields that are there.
      order.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
      current = (current as Record<string, unknown>)[token];
    } else {
      order.push(Number.MAX_SAFE_INTEGER);
      current = undefined;
    }
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
