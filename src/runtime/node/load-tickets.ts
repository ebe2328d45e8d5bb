/**
 * Tickets from disk for the CLI: a JSON file, every `*.json` file of a directory (in name order),
 * or standard input (`-`). Each file is anything the Zendesk importer takes (a ticket list, an
 * incremental export page, one ticket). Items the importer cannot use (a ticket, user or comment
 * that fails a check, a duplicate, pages left out) are skipped and returned with the file and the
 * JSON Pointer of what failed, so the run can print them, count them and record them in the
 * bundle; a run with no usable ticket is refused as bad input. Reads are bounded per file and, for
 * a directory, in total.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InputSkippedItem } from '../../core/bundle/types.js';
import { MAX_EXPORT_FILE_BYTES, MAX_TICKETS_TOTAL_BYTES } from '../../node/input-limits.js';
import { describeLimit, isReadBoundedError, STDIN_PATH, type StdinSource } from '../../node/read-bounded.js';
import { runtimeError } from '../errors.js';
import { importZendeskExport } from '../tickets/zendesk-import.js';
import type { Ticket } from '../tickets/types.js';
import { describeFsError, readJsonFileSized } from './files.js';

export interface LoadedTickets {
  readonly tickets: Ticket[];
  readonly files: string[];
  /** Every ticket, user or comment of the input not imported, in file order (at most 500 entries per file). */
  readonly skipped: InputSkippedItem[];
  /** How many were skipped in all (an entry may stand for a range cut off by a cap). */
  readonly skippedCount: number;
  /** Every problem the importer reported, `file#pointer: message`, for people (duplicates, partial exports, ...). */
  readonly problems: string[];
}

export interface LoadTicketsOptions {
  /** Given: `-` reads standard input. */
  readonly stdin?: () => StdinSource;
  readonly maxFileBytes?: number;
  readonly maxTotalBytes?: number;
}

export async function loadTickets(path: string, options: LoadTicketsOptions = {}): Promise<LoadedTickets> {
  const maxFile = options.maxFileBytes ?? MAX_EXPORT_FILE_BYTES;
  const maxTotal = options.maxTotalBytes ?? MAX_TICKETS_TOTAL_BYTES;
  const stdin = path === STDIN_PATH ? options.stdin : undefined;
  const files = stdin !== undefined ? [{ path, source: STDIN_PATH }] : await listFiles(path);

  const tickets: Ticket[] = [];
  const skipped: InputSkippedItem[] = [];
  const problems: string[] = [];
  let skippedCount = 0;
  let budget = maxTotal;
  for (const file of files) {
    if (budget <= 0) throw runtimeError('TICKETS_INVALID', `the tickets files of ${path} are larger than ${describeLimit(maxTotal)} in total`);
    const limit = Math.min(maxFile, budget);
    const read = { what: 'tickets file', maxBytes: limit, code: 'TICKETS_INVALID', ...(stdin === undefined ? {} : { stdin }) } as const;
    const { value, bytes } = await readJsonFileSized(file.path, read).catch((error: unknown) => {
      // Cut off by what is left of the directory's budget, not by the file's own limit: say so.
      const cause = (error as { cause?: unknown }).cause;
      if (limit < maxFile && isReadBoundedError(cause) && cause.code === 'READ_TOO_LARGE') {
        throw runtimeError('TICKETS_INVALID', `the tickets files of ${path} are larger than ${describeLimit(maxTotal)} in total (the limit was reached in ${file.path})`, { cause });
      }
      throw error;
    });
    budget -= bytes;
    const result = importZendeskExport(value);
    tickets.push(...result.tickets);
    for (const item of result.skipped) skipped.push({ source: file.source, kind: item.kind, pointer: item.pointer, reason: item.reason });
    skippedCount += result.skippedCount;
    for (const p of result.problems) problems.push(`${file.source}#${p.pointer}: ${p.message}`);
  }
  if (tickets.length === 0) {
    const first = problems[0] === undefined ? '' : ` (first problem: ${problems[0]})`;
    throw runtimeError('TICKETS_INVALID', `no usable ticket in ${path === STDIN_PATH ? 'standard input' : path}${first}`, { details: { problems } });
  }
  return { tickets, files: files.map((f) => f.path), skipped, skippedCount, problems };
}

/** The files to read, each with the name it is recorded under (its base name, never a full path). */
async function listFiles(path: string): Promise<{ path: string; source: string }[]> {
  let files: { path: string; source: string }[];
  try {
    const info = await stat(path);
    files = info.isDirectory()
      ? (await readdir(path))
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => ({ path: join(path, name), source: name }))
      : [{ path, source: basename(path) }];
  } catch (cause) {
    throw runtimeError('TICKETS_INVALID', `cannot read tickets from ${path}: ${describeFsError(cause)}`, { cause });
  }
  if (files.length === 0) throw runtimeError('TICKETS_INVALID', `the directory ${path} has no .json files of tickets`);
  return files;
}
