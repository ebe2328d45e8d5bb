/**
 * JSON on standard output in pieces: a report of 100,000 tickets is over 1 GB as indented JSON,
 * longer than V8's longest string, so JSON.stringify of it throws (RangeError: Invalid string
 * length) after the whole verification has run. The chunks join to exactly JSON.stringify(value,
 * null, 2); none is much longer than the library's 16 KiB high-water mark or the longest string
 * in the value.
 */
import { stringifyChunked } from '@discoveryjs/json-ext';
import type { CliIo } from './command.js';

export function writeJson(io: Pick<CliIo, 'stdout'>, value: unknown): void {
  for (const chunk of stringifyChunked(value, null, 2)) io.stdout(chunk);
  io.stdout('\n');
}
