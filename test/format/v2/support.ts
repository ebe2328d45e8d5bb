/**
 * A real run for the v2 tests: runJob over 20 sample tickets under the auto-assign-with-approval
 * WPC (so it has receipts, every record kind of a normal run, and approvals), with the demo
 * keyring, encoded once per test file. Plus helpers to feed bytes in any chunking and to edit lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { canonicalBytes } from '../../../src/core/canonical.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { parseStrictJson, type JsonObject } from '../../../src/core/json.js';
import { encodeBundleV2, joinLines, type EncodedV2, type V2Signers } from '../../../src/format/v2/encode.js';
import { isV2ReadError, type V2ReadCode } from '../../../src/format/v2/errors.js';
import { readBundleV2, type ReadV2Options, type V2ReadResult } from '../../../src/format/v2/read.js';
import { isRecordKind } from '../../../src/format/v2/record-line.js';
import { demoKeyring } from '../../../src/runtime/keys/generate.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { getModel } from '../../../src/runtime/models/index.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const KEYRING = demoKeyring();
export const SIGNERS = {
  harness: signerFor(KEYRING, 'harness'),
  proxy: signerFor(KEYRING, 'proxy'),
  approver: signerFor(KEYRING, 'approver'),
} satisfies V2Signers;

let run: Promise<{ bundle: ProofBundle; encoded: EncodedV2 }> | undefined;

/** The run and its v2 encoding, made once per test file. */
export function realRun(): Promise<{ bundle: ProofBundle; encoded: EncodedV2 }> {
  run ??= (async () => {
    const wpc = parseStrictJson(readFileSync(join(ROOT, 'fixtures/policies/routing-auto-assign-approval.wpc.json'))) as JsonObject;
    const sample = getSampleSet().tickets;
    const tickets = Array.from({ length: 20 }, (_, i) => ({ ...sample[i % sample.length]!, id: 5000 + i }));
    const { bundle } = await runJob({ wpc, tickets, model: getModel('local'), keyring: KEYRING, seed: 7, start: '2026-01-05T09:00:00.000Z', approvals: 'auto' });
    return { bundle, encoded: encodeBundleV2(bundle, SIGNERS) };
  })();
  return run;
}

/** `bytes` as an async stream of chunks of `size` bytes. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

export function read(bytes: Uint8Array, chunkSize = 4096, options?: ReadV2Options): Promise<V2ReadResult> {
  return readBundleV2(chunked(bytes, chunkSize), options);
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Lines of a file joined with LF. */
export function file(lines: readonly Uint8Array[]): Uint8Array {
  return joinLines(lines);
}

export function lineObject(line: Uint8Array): JsonObject {
  return parseStrictJson(line) as JsonObject;
}

/** The lines with line `index` (0-based) replaced by the canonical bytes of `edit(its object)`. */
export function editLine(lines: readonly Uint8Array[], index: number, edit: (o: JsonObject) => unknown): Uint8Array[] {
  const out = [...lines];
  out[index] = canonicalBytes(edit(lineObject(lines[index]!)));
  return out;
}

/** A record line's object (its `t` is a record kind). */
export function isRecordObject(o: JsonObject): boolean {
  return isRecordKind(o['t']);
}

export function indexWhere(lines: readonly Uint8Array[], test: (o: JsonObject, index: number) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lineObject(lines[i]!), i)) return i;
  throw new Error('no such line');
}

/** Expects `promise` to reject with a V2ReadError of `code`, at `line` when given. */
export async function expectRefusal(promise: Promise<unknown>, code: V2ReadCode, line?: number, pointer?: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isV2ReadError(error), `expected a V2ReadError ${code}, got ${String(error)}`).toBe(true);
  if (!isV2ReadError(error)) return;
  expect(error.code, error.message).toBe(code);
  if (line !== undefined) expect(error.line, error.message).toBe(line);
  if (pointer !== undefined) expect(error.pointer, error.message).toBe(pointer);
}
