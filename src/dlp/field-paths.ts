/**
 * redactFields paths: dotted member names, e.g. 'requester.email', 'custom_fields.*'.
 *
 * Matching, segment by segment from the document root:
 *   - on an object, a segment names a member; '*' matches every member;
 *   - on an array, '*' matches every item and a canonical integer ('0', '12') matches that index;
 *     any other segment is applied to every item without being consumed, so 'comments.body'
 *     reaches the body of each comment (as MongoDB dotted paths do): a path written without '*'
 *     still covers every item rather than silently matching nothing;
 *   - a path that leads nowhere in a given document matches nothing (tickets differ in shape).
 * There is no escape syntax: a member whose name contains '.' is reachable only through '*'.
 */
import { dlpError } from './errors.js';

export type FieldPath = readonly string[];

const INDEX = /^(?:0|[1-9][0-9]*)$/;

export function parseFieldPaths(paths: unknown): FieldPath[] {
  if (!Array.isArray(paths)) throw dlpError('DLP_CONFIG_INVALID', 'redactFields must be an array of dotted paths');
  return paths.map((p, i) => {
    if (typeof p !== 'string' || p.length === 0) {
      throw dlpError('DLP_CONFIG_INVALID', `redactFields[${i}] must be a non-empty string`);
    }
    const segments = p.split('.');
    if (segments.some((s) => s.length === 0)) {
      throw dlpError('DLP_CONFIG_INVALID', `redactFields[${i}] ${JSON.stringify(p)} has an empty segment`);
    }
    return segments;
  });
}

/** Progress of one path through the document: next segment to match. */
export interface PathState {
  readonly path: number;
  readonly next: number;
}

export function initialStates(paths: readonly FieldPath[]): PathState[] {
  return paths.map((_, path) => ({ path, next: 0 }));
}

/** True if some path ends exactly at the node these states describe. */
export function isMatched(paths: readonly FieldPath[], states: readonly PathState[]): boolean {
  return states.some((s) => s.next === paths[s.path]!.length);
}

/** States after stepping from a node into its member `name` (object) or item `index` (array). */
export function stepStates(
  paths: readonly FieldPath[],
  states: readonly PathState[],
  step: { readonly name: string } | { readonly index: number },
): PathState[] {
  const out: PathState[] = [];
  for (const s of states) {
    const segment = paths[s.path]![s.next];
    if (segment === undefined) continue;
    if ('name' in step) {
      if (segment === '*' || segment === step.name) out.push({ path: s.path, next: s.next + 1 });
    } else if (segment === '*' || segment === String(step.index)) {
      out.push({ path: s.path, next: s.next + 1 });
    } else if (!INDEX.test(segment)) {
      out.push(s);
    }
  }
  return out;
}
