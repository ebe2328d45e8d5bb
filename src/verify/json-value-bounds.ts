/**
 * Bounds check for a bundle handed over already parsed (a JavaScript value, not text): its depth
 * and a lower bound of its serialised size, computed without calling getters and in time linear
 * in the number of distinct objects (shared sub-values are measured once, so a small value that
 * references one array a billion times over is caught as too large instead of walked).
 *
 * Whether the value is pure JSON data at all is then decided by canonicalJson, which names the
 * offending place; this pass only keeps that step (and everything after it) bounded.
 */
import { escapePointerToken } from '../core/pointer.js';

export type BoundsProblem =
  | { readonly code: 'INPUT_TOO_DEEP' | 'INPUT_TOO_LARGE' | 'INPUT_NOT_JSON_DATA'; readonly pointer: string; readonly message: string };

interface Measure {
  readonly size: number;
  readonly height: number;
}

interface Frame {
  readonly value: object;
  readonly keys: readonly string[];
  readonly isArray: boolean;
  readonly depth: number;
  readonly pointer: string;
  readonly startSize: number;
  next: number;
  height: number;
}

/** Returns the first problem found, or null when `value` fits in `maxDepth` levels and about `maxBytes` bytes. */
export function checkJsonValueBounds(value: unknown, maxDepth: number, maxBytes: number): BoundsProblem | null {
  try {
    return walk(value, maxDepth, maxBytes);
  } catch {
    // A Proxy trap or an exotic object threw: certainly not plain JSON data.
    return { code: 'INPUT_NOT_JSON_DATA', pointer: '', message: 'the bundle value could not be read as plain JSON data' };
  }
}

function walk(root: unknown, maxDepth: number, maxBytes: number): BoundsProblem | null {
  const done = new WeakMap<object, Measure>();
  const open = new WeakSet<object>();
  const stack: Frame[] = [];
  let size = 0;
  const tooLarge = (pointer: string): BoundsProblem => ({
    code: 'INPUT_TOO_LARGE',
    pointer,
    message: `the bundle value serialises to more than ${maxBytes} bytes`,
  });

  // Visits one value at `depth` (containers opened so far). Returns a problem, or null.
  const visit = (value: unknown, depth: number, pointer: string): BoundsProblem | null => {
    if (typeof value !== 'object' || value === null) {
      size += typeof value === 'string' ? value.length + 2 : 1;
      return size > maxBytes ? tooLarge(pointer) : null;
    }
    const seen = done.get(value);
    if (seen !== undefined) {
      size += seen.size;
      if (size > maxBytes) return tooLarge(pointer);
      if (depth + seen.height > maxDepth) return tooDeep(pointer, maxDepth);
      return null;
    }
    if (open.has(value)) {
      return { code: 'INPUT_NOT_JSON_DATA', pointer, message: 'the bundle value contains itself (a cycle); JSON cannot' };
    }
    if (depth + 1 > maxDepth) return tooDeep(pointer, maxDepth);
    const isArray = Array.isArray(value);
    const keys = isArray ? [] : Object.keys(value);
    const count = isArray ? (value as unknown[]).length : keys.length;
    // Brackets and separators up front: a huge list is refused before it is walked.
    size += 2 + count;
    if (size > maxBytes) return tooLarge(pointer);
    open.add(value);
    stack.push({ value, keys, isArray, depth: depth + 1, pointer, startSize: size - 2 - count, next: 0, height: 1 });
    return null;
  };

  const first = visit(root, 0, '');
  if (first !== null) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const count = frame.isArray ? (frame.value as unknown[]).length : frame.keys.length;
    if (frame.next >= count) {
      stack.pop();
      open.delete(frame.value);
      const measure = { size: size - frame.startSize, height: frame.height };
      done.set(frame.value, measure);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.height = Math.max(parent.height, measure.height + 1);
      continue;
    }
    const index = frame.next++;
    const key = frame.isArray ? String(index) : frame.keys[index]!;
    const descriptor = Object.getOwnPropertyDescriptor(frame.value, key);
    const pointer = `${frame.pointer}/${escapePointerToken(key)}`;
    if (descriptor === undefined || !('value' in descriptor)) {
      return { code: 'INPUT_NOT_JSON_DATA', pointer, message: 'the bundle value has a hole or an accessor property here' };
    }
    if (!frame.isArray) size += key.length + 3;
    const before = stack.length;
    const problem = visit(descriptor.value, frame.depth, pointer);
    if (problem !== null) return problem;
    if (stack.length === before) {
      // A scalar or an already measured container: its height counts for the parent now.
      const v: unknown = descriptor.value;
      const h = typeof v === 'object' && v !== null ? (done.get(v)?.height ?? 0) : 0;
      frame.height = Math.max(frame.height, h + 1);
    }
  }
  return null;
}

function tooDeep(pointer: string, maxDepth: number): BoundsProblem {
  return { code: 'INPUT_TOO_DEEP', pointer, message: `the bundle value nests deeper than ${maxDepth} objects/arrays` };
}
