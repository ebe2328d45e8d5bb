/**
 * zod issues as report issues: a stable code, a plain-language message naming the place, and the
 * JSON Pointer of that place (into the bundle document, or into a decoded signed payload).
 */
import type { z } from 'zod';
import { SCHEMA_CODES, type SchemaCode } from '../../format/codes.js';
import { childPointer } from '../pointer.js';
import type { CheckIssue, Evidence } from '../report.js';

export interface IssuePlace {
  /** Pointer of the validated value in the bundle document. */
  readonly pointer: string;
  /** True when the value is a decoded signed payload: paths then go to `payloadPointer`. */
  readonly inPayload: boolean;
  /** What the value is, for messages ("receipt payload", "ticket entry"). */
  readonly what: string;
  /** Codes for invalid_value issues by the name of the field (mediaType -> MEDIA_TYPE_UNKNOWN). */
  readonly valueCodes?: Readonly<Record<string, SchemaCode>>;
  /** Code for an unknown discriminator (record kind). */
  readonly unknownKindCode?: SchemaCode;
}

export function zodIssuesToReport(issues: readonly z.core.$ZodIssue[], input: unknown, place: IssuePlace): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push(make('UNKNOWN_FIELD', path, place, `unknown field ${JSON.stringify(key)}; this format has no such member`));
      }
      continue;
    }
    const [code, message] = describe(issue, input, place);
    out.push(make(code, issue.path, place, message));
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, input: unknown, place: IssuePlace): [SchemaCode, string] {
  const value = valueAt(input, issue.path);
  if (value.missing && issue.code !== 'custom') return ['FIELD_MISSING', 'is required and missing'];
  const field = lastField(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return ['WRONG_TYPE', `must be ${article(issue.expected)}, not ${typeName(value.value)}`];
    case 'invalid_value': {
      const code = (field !== undefined ? place.valueCodes?.[field] : undefined) ?? 'VALUE_INVALID';
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(' or ');
      return [code, `is ${shown(value.value)}; expected ${allowed}`];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        return [place.unknownKindCode ?? 'VALUE_INVALID', `is ${shown(value.value)}; expected one of the known kinds`];
      }
      return ['VALUE_INVALID', `has none of the allowed shapes`];
    }
    case 'too_big':
      if (issue.origin === 'array') return ['ARRAY_TOO_LONG', `has more than ${String(issue.maximum)} entries`];
      if (issue.origin === 'string') return ['STRING_TOO_LONG', `is longer than ${String(issue.maximum)} characters`];
      return ['VALUE_OUT_OF_RANGE', `must be at most ${String(issue.maximum)}`];
    case 'too_small':
      if (issue.origin === 'array') return ['ARRAY_TOO_SHORT', `must have at least ${String(issue.minimum)} entries`];
      if (issue.origin === 'string') return ['STRING_TOO_SHORT', `must have at least ${String(issue.minimum)} characters`];
      return ['VALUE_OUT_OF_RANGE', `must be at least ${String(issue.minimum)}`];
    case 'custom': {
      const code: unknown = issue.params?.code;
      return [isSchemaCode(code) ? code : 'VALUE_INVALID', issue.message];
    }
    case 'invalid_format':
      // No v1 schema has a zod string format (formats are coded refinements); kept readable.
      return ['VALUE_INVALID', `is not in the required format (${issue.format})`];
    default:
      return ['VALUE_INVALID', 'is not allowed here'];
  }
}

function make(code: SchemaCode, path: readonly PropertyKey[], place: IssuePlace, detail: string): CheckIssue {
  const inner = childPointer('', path);
  const evidence: Evidence = place.inPayload
    ? { pointer: place.pointer, payloadPointer: inner }
    : { pointer: childPointer(place.pointer, path) };
  const where = place.inPayload
    ? `${place.what} at ${place.pointer || 'the root'}, member ${inner || '(the whole payload)'}`
    : `${place.what} at ${childPointer(place.pointer, path) || 'the root'}`;
  return { severity: 'fail', code, message: `${where} ${detail}`, evidence: [evidence] };
}

/** Refinements carry their code in `params.code` (src/format/schema-blocks.ts); anything else is VALUE_INVALID. */
function isSchemaCode(code: unknown): code is SchemaCode {
  return typeof code === 'string' && (SCHEMA_CODES as readonly string[]).includes(code);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { missing: boolean; value: unknown } {
  let current: unknown = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || typeof segment === 'symbol') return { missing: true, value: undefined };
    if (!Object.hasOwn(current, segment)) return { missing: true, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { missing: false, value: current };
}

function lastField(path: readonly PropertyKey[]): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return article(typeof value);
}

/** A value for a message: short, never a whole document. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(value);
}
