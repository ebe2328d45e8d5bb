/**
 * Turn zod issues into WPC problems: a stable code, the RFC 6901 pointer, and a message in the
 * WPC's own terms (field names, allowed values), not zod's.
 */
import type { z } from 'zod';
import { ACTION_NAME_PATTERN, MAX_ACTION_NAME_LENGTH } from './actions.js';
import { describeValue } from './describe-value.js';
import { formatPointer, type PointerSegment } from './json-pointer.js';
import { wpcProblem, type Problem, type WpcProblemCode } from './problems.js';
import { MAX_MAX_CHARS_SENT_TO_MODEL, MIN_MAX_CHARS_SENT_TO_MODEL } from './schema.js';

const LIMIT_FIELDS: ReadonlySet<string> = new Set([
  'rate_limit_per_minute',
  'max_concurrency',
  'max_model_calls_per_ticket',
  'max_tickets_per_run',
]);
const ACTION_LIST_FIELDS: ReadonlySet<string> = new Set(['allow', 'deny', 'allowed_actions', 'denied_actions', 'requires_approval']);

/** What a string field must look like, for the messages of regex failures. */
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  workflow: 'letters, digits, `_`, `.` and `-`, starting with a letter or digit',
  required_fields: 'an identifier: letters, digits and `_`, not starting with a digit',
  redact_fields: 'a dotted field path such as `requester.email`; `*` may stand for one whole segment',
};

export function schemaIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: unknown,
  schema: z.ZodType,
  skipTopLevelFields: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PointerSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownFields(schema, path);
      for (const key of issue.keys) {
        if (path.length === 0 && skipTopLevelFields.has(key)) continue;
        const where = path.length === 0 ? 'the top level of the WPC' : `\`${formatPointer(path)}\``;
        const hint = known.length > 0 ? `; known fields: ${known.map((k) => `\`${k}\``).join(', ')}` : '';
        problems.push(wpcProblem(formatPointer([...path, key]), 'WPC_UNKNOWN_FIELD', `unknown field \`${key}\` at ${where}${hint}`));
      }
      continue;
    }
    problems.push(issueToProblem(issue, path, doc));
  }
  return problems;
}

function issueToProblem(issue: z.core.$ZodIssue, path: PointerSegment[], doc: unknown): Problem {
  const pointer = formatPointer(path);
  const field = lastFieldName(path);
  const value = valueAt(doc, path);
  const fail = (code: WpcProblemCode, message: string) => wpcProblem(pointer, code, `\`${pointer}\`: ${message}`);

  // zod reports an absent required field as whatever its schema expected (a type, an enum value).
  if (value.missing) {
    const parent = formatPointer(path.slice(0, -1));
    return wpcProblem(
      pointer,
      'WPC_MISSING_FIELD',
      `required field \`${String(path.at(-1))}\` is missing from ${parent === '' ? 'the top level of the WPC' : `\`${parent}\``}`,
    );
  }
  switch (issue.code) {
    case 'invalid_type': {
      return fail('WPC_TYPE', `expected ${describeExpected(issue.expected)}, got ${describeValue(value.value)}`);
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (field === 'wpc_version') {
        return fail('WPC_VERSION_UNSUPPORTED', `WPC version ${describeValue(value.value)} is not supported; supported: ${options}`);
      }
      return fail('WPC_VALUE', `${describeValue(value.value)} is not allowed here; expected ${issue.values.length === 1 ? '' : 'one of '}${options}`);
    }
    case 'invalid_format': {
      if (field !== undefined && ACTION_LIST_FIELDS.has(field)) {
        return fail(
          'WPC_ACTION_NAME_INVALID',
          `${describeValue(value.value)} is not an action name: expected lowercase \`resource.verb\` or \`resource:verb\` ` +
            `(letters, digits, \`_\`; at most ${MAX_ACTION_NAME_LENGTH} characters; no wildcards), matching ${ACTION_NAME_PATTERN.source}`,
        );
      }
      return fail('WPC_FORMAT', `${describeValue(value.value)} is not valid here; expected ${FORMAT_HINTS[field ?? ''] ?? `a value matching ${issue.pattern ?? issue.format}`}`);
    }
    case 'too_small': {
      if (field === 'max_chars_sent_to_model') {
        return fail('WPC_MAX_CHARS_TOO_SMALL', `${describeValue(value.value)} is below the minimum of ${MIN_MAX_CHARS_SENT_TO_MODEL} characters (too little text to classify; a unit slip?)`);
      }
      if (field !== undefined && LIMIT_FIELDS.has(field)) {
        return fail('WPC_LIMIT_NOT_POSITIVE', `a limit must be a positive integer (at least 1), got ${describeValue(value.value)}`);
      }
      return fail('WPC_TOO_SMALL', `${describeValue(value.value)} is too small (minimum ${String(issue.minimum)})`);
    }
    case 'too_big': {
      if (field === 'max_chars_sent_to_model') {
        return fail('WPC_MAX_CHARS_TOO_BIG', `${describeValue(value.value)} is above the maximum of ${MAX_MAX_CHARS_SENT_TO_MODEL} characters`);
      }
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : '';
      return fail('WPC_TOO_BIG', `${describeValue(value.value)} is too big (maximum ${String(issue.maximum)}${unit})`);
    }
    default:
      return fail('WPC_INVALID', issue.message);
  }
}

/** The nearest object key on the path (array indexes skipped): the field the value belongs to. */
function lastFieldName(path: readonly PointerSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i];
    if (typeof s === 'string') return s;
  }
  return undefined;
}

function valueAt(doc: unknown, path: readonly PointerSegment[]): { missing: boolean; value: unknown } {
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return { missing: true, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { missing: false, value: current };
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return `a ${expected}`;
  }
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, unknown>>;
  readonly innerType?: SchemaLike;
  readonly element?: SchemaLike;
}
interface SchemaLike {
  readonly _zod: { readonly def: SchemaDef };
}

/** Field names the schema allows at `path` (for the "known fields" hint on an unknown field). */
function knownFields(schema: z.ZodType, path: readonly PointerSegment[]): string[] {
  let node: SchemaLike | undefined = unwrap(schema as unknown as SchemaLike);
  for (const segment of path) {
    if (node === undefined) return [];
    const def: SchemaDef = node._zod.def;
    if (def.type === 'object' && typeof segment === 'string') node = unwrap(def.shape?.[segment] as SchemaLike | undefined);
    else if (def.type === 'array') node = unwrap(def.element);
    else return [];
  }
  const shape = node?._zod.def.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

function unwrap(node: SchemaLike | undefined): SchemaLike | undefined {
  let current = node;
  while (current !== undefined && current._zod.def.type === 'optional') current = current._zod.def.innerType;
  return current;
}
