/**
 * The spec's code tables, rendered from the registry (src/format/codes.ts) and spliced into
 * docs/formats-parts/90-verification.md between marker comments. Pure: the script
 * (generate-code-tables.ts) reads and writes the file; test/docs/code-tables.test.ts checks that
 * the committed part is what this renders.
 */
import { CHECK_IDS, CHECK_SCOPES, type CheckId } from '../src/format/checks.js';
import { CHECK_CODES, CODES, INPUT_CODES, SCHEMA_CODES, codeSpec, type CheckCode, type CodeSpec, type UnknownSignerRole } from '../src/format/codes.js';

export const CODE_TABLES_PART = 'docs/formats-parts/90-verification.md';

export type RegionName = 'input' | 'schema' | 'checks' | 'index';
export const REGION_NAMES: readonly RegionName[] = ['input', 'schema', 'checks', 'index'];

const NOTE = 'generated from src/format/codes.ts by `npm run docs:formats`: edit the registry, not this table';

export function beginMarker(name: RegionName): string {
  return `<!-- codes:${name}:begin (${NOTE}) -->`;
}

export function endMarker(name: RegionName): string {
  return `<!-- codes:${name}:end -->`;
}

/** The generated text of each region, without its markers. */
export function renderRegions(): Readonly<Record<RegionName, string>> {
  return { input: inputTable(), schema: schemaTable(), checks: checksTable(), index: codeIndex() };
}

/**
 * `part` with every region's text replaced by a fresh rendering. Throws when a region's markers
 * are missing, repeated or out of order: a lost marker must not silently drop a table.
 */
export function spliceRegions(part: string, regions: Readonly<Record<RegionName, string>> = renderRegions()): string {
  let out = part;
  for (const name of REGION_NAMES) {
    const begin = new RegExp(`<!-- codes:${name}:begin(?: [^>]*)? -->`, 'g');
    const end = endMarker(name);
    const begins = [...out.matchAll(begin)];
    const endAt = out.indexOf(end);
    if (begins.length !== 1 || endAt === -1 || out.indexOf(end, endAt + 1) !== -1) {
      throw new Error(`${CODE_TABLES_PART}: expected exactly one ${beginMarker(name)} ... ${end} pair`);
    }
    const beginAt = begins[0]!.index;
    if (endAt < beginAt) throw new Error(`${CODE_TABLES_PART}: ${end} comes before its begin marker`);
    out = `${out.slice(0, beginAt)}${beginMarker(name)}\n${regions[name]}\n${out.slice(endAt)}`;
  }
  return out;
}

function inputTable(): string {
  return table(['code', 'input'], INPUT_CODES.map((code) => [tick(code), cell(CHECK_CODES[code].doc)]));
}

function schemaTable(): string {
  return table(['code', 'meaning'], SCHEMA_CODES.map((code) => [tick(code), cell(CHECK_CODES[code].doc)]));
}

/** One row per check: its fail and warn codes. Codes every check can report are said once, below. */
function checksTable(): string {
  const everywhere = CODES.filter((code) => CHECK_IDS.every((id) => reports(codeSpec(code), id)));
  const rows = CHECK_IDS.map((id) => {
    const own = CODES.filter((code) => !everywhere.includes(code));
    const failing = own.filter((code) => codeSpec(code).checks.includes(id) && codeSpec(code).severity === 'fail');
    const warning = own.filter((code) => warnsIn(codeSpec(code), id));
    return [tick(id), cell(CHECK_SCOPES[id]), list(failing), list(warning)];
  });
  const lines = [table(['id', 'verifies', 'fail codes', 'warn codes'], rows)];
  if (everywhere.length > 0) {
    lines.push('', `Every check can also fail with ${everywhere.map((code) => `${tick(code)}: ${CHECK_CODES[code].doc}`).join('; ')}.`);
  }
  return lines.join('\n');
}

const ROLE_TEXT: Readonly<Record<UnknownSignerRole, string>> = {
  cause: 'cause',
  consequence: 'consequence',
  evidence: 'evidence',
  none: '—',
};

function codeIndex(): string {
  const sorted = [...CODES].sort();
  const rows = sorted.map((code) => {
    const spec: CodeSpec = CHECK_CODES[code];
    const checks = CHECK_IDS.every((id) => spec.checks.includes(id)) ? 'every check' : spec.checks.map(tick).join(', ');
    const severity = spec.warnsIn === undefined ? spec.severity : `${spec.severity}; warn in ${spec.warnsIn.map(tick).join(', ')}`;
    return [tick(code), checks, severity, ROLE_TEXT[spec.unknownSigner], cell(spec.doc)];
  });
  return [
    '### Code index',
    '',
    `Every code a report can carry (${CODES.length}), with the checks that report it and its severity. The column`,
    '"unknown signer" says how a failing issue of the code bears on that verdict (section "Verdict"):',
    '**cause**, the signer is unknown (some such issue is needed for the verdict); **consequence**, a',
    'check that needed a part no trusted key signed (always excused); **evidence**, excused only when',
    'all its evidence lies in such parts. Warnings never change the verdict.',
    '',
    table(['code', 'checks', 'severity', 'unknown signer', 'meaning'], rows),
  ].join('\n');
}

function reports(spec: CodeSpec, id: CheckId): boolean {
  return spec.checks.includes(id) || warnsIn(spec, id);
}

function warnsIn(spec: CodeSpec, id: CheckId): boolean {
  return (spec.checks.includes(id) && spec.severity === 'warn') || spec.warnsIn?.includes(id) === true;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function list(codes: readonly CheckCode[]): string {
  return codes.map(tick).join(', ');
}

function tick(name: string): string {
  return `\`${name}\``;
}

/** A doc line as a table cell: a `|` or a line break would split the row. */
function cell(text: string): string {
  if (/[|\n]/.test(text)) throw new Error(`a code table cell cannot hold "|" or a line break: ${text}`);
  return text;
}
