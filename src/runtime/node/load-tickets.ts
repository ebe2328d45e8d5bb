/**
 * Tickets from disk for the CLI: a JSON file, or every `*.json` file of a directory (in name
 * order). Each file is anything the Zendesk importer takes (a ticket list, an incremental export
 * page, one ticket). Tickets the importer cannot use are skipped and reported, with the file and
 * the JSON Pointer of what failed; a run with no usable ticket is refused as bad input.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runtimeError } from '../errors.js';
import { importZendeskExport } from '../tickets/zendesk-import.js';
import type { Ticket } from '../tickets/types.js';
import { describeFsError, readJsonFile } from './files.js';

export interface LoadedTickets {
  readonly tickets: Ticket[];
  readonly files: string[];
  /** `file#pointer: message` for every ticket, user or comment that was skipped. */
  readonly problems: string[];
}

export async function loadTickets(path: string): Promise<LoadedTickets> {
  let files: string[];
  try {
    const info = await stat(path);
    files = info.isDirectory()
      ? (await readdir(path)).filter((name) => name.endsWith('.json')).sort().map((name) => join(path, name))
      : [path];
  } catch (cause) {
    throw runtimeError('TICKETS_INVALID', `cannot read tickets from ${path}: ${describeFsError(cause)}`, { cause });
  }
  if (files.length === 0) throw runtimeError('TICKETS_INVALID', `the directory ${path} has no .json files of tickets`);
  const tickets: Ticket[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const value = await readJsonFile(file, 'tickets file', 'TICKETS_INVALID');
    const result = importZendeskExport(value);
    tickets.push(...result.tickets);
    problems.push(...result.problems.map((p) => `${file}#${p.pointer}: ${p.message}`));
  }
  if (tickets.length === 0) {
    const first = problems[0] === undefined ? '' : ` (first problem: ${problems[0]})`;
    throw runtimeError('TICKETS_INVALID', `no usable ticket in ${path}${first}`, { details: { problems } });
  }
  return { tickets, files, problems };
}
