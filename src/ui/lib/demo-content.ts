/**
 * What ships with the app for a first run: the demo trust root and the demo bundles (good ones
 * from the runtime, tampered ones with a note each saying what was changed). Bundles are listed
 * with import.meta.glob, so a new fixture appears without code changes; each is fetched from the
 * app's own origin only when picked.
 */
import { parseTrustRoot, type TrustRoot } from '../../core/trust-root.js';
import { CHECK_IDS, CHECK_TITLES, type CheckId } from '../../format/checks.js';
import type { DemoBundle } from './demo-bundle.js';

const ROOT_TEXT = import.meta.glob<string>('/fixtures/trust/demo-trust-root.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});
/** Every bundle, v2 copies (fixtures/bundles/v2/) included: they are listed under their folder. */
const BUNDLE_URLS = import.meta.glob<string>('/fixtures/bundles/**/*.clawproof', { eager: true, query: '?url', import: 'default' });
/** A folder's index.json lists what each tampered bundle must fail ({file, from, description, summary, expectCheck, expectCode}). */
const INDEXES = import.meta.glob<unknown>('/fixtures/bundles/**/index.json', { eager: true, import: 'default' });
/** A note sits next to its bundle with the same name and .md or .txt (e.g. `wpc-swapped.md`). */
const NOTES = import.meta.glob<string>(['/fixtures/bundles/**/*.md', '/fixtures/bundles/**/*.txt'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The demo trust root, or undefined when this build has none (it is then simply not preinstalled). */
export function demoTrustRoot(): TrustRoot | undefined {
  const text = Object.values(ROOT_TEXT)[0];
  return text === undefined ? undefined : parseTrustRoot(text);
}

export type { DemoBundle } from './demo-bundle.js';

function stem(path: string): string {
  return path.replace(/\.(clawproof|md|txt)$/i, '');
}

/** Text of a note without Markdown headings and emphasis: one calm paragraph for the list. */
function noteSummary(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^#+\s.*$/gm, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  return paragraphs[0] ?? '';
}

/**
 * Descriptions from a folder README's table: rows whose first cell is a file name in backticks
 * (`| \`routing-local.clawproof\` | … | what it shows |`) give the last cell.
 */
function readmeDescriptions(): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const [path, text] of Object.entries(NOTES)) {
    if (!/\/README\.md$/i.test(path)) continue;
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const line of text.split('\n')) {
      const cells = line.split('|').map((cell) => cell.trim());
      const file = /^`([^`]+\.clawproof)`$/.exec(cells[1] ?? '')?.[1];
      const last = cells.length >= 4 ? cells[cells.length - 2] : undefined;
      if (file !== undefined && last !== undefined && last !== '') descriptions.set(`${folder}${file}`, last.replace(/`/g, ''));
    }
  }
  return descriptions;
}

interface IndexEntry {
  readonly description: string | null;
  readonly from: string | null;
  readonly check: string;
  readonly code: string;
}

/** Entries of every folder's index.json, by bundle path; malformed entries are skipped. */
function indexEntries(): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  for (const [path, value] of Object.entries(INDEXES)) {
    if (!Array.isArray(value)) continue;
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const item of value as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { file, from, description, summary, expectCheck, expectCode } = item as Record<string, unknown>;
      if (typeof file !== 'string' || typeof expectCheck !== 'string' || typeof expectCode !== 'string') continue;
      // The plain summary is what a person reads; the technical description is the fallback.
      const text = typeof summary === 'string' && summary !== '' ? summary : typeof description === 'string' ? description : null;
      const source = typeof from === 'string' ? from.slice(from.lastIndexOf('/') + 1) : null;
      entries.set(`${folder}${file}`, { description: text, from: source, check: expectCheck, code: expectCode });
    }
  }
  return entries;
}

/** A check's title, or its id when this build does not know it. */
function checkTitle(id: string): string {
  return (CHECK_IDS as readonly string[]).includes(id) ? CHECK_TITLES[id as CheckId] : id;
}

export function demoBundles(): DemoBundle[] {
  const notes = new Map(Object.entries(NOTES).map(([path, text]) => [stem(path), text]));
  const described = readmeDescriptions();
  const indexed = indexEntries();
  return Object.entries(BUNDLE_URLS)
    .map(([path, url]) => {
      const relative = path.slice('/fixtures/bundles/'.length);
      const slash = relative.lastIndexOf('/');
      const group = slash < 0 ? '' : relative.slice(0, slash);
      const name = relative.slice(slash + 1);
      const note = notes.get(stem(path)) ?? notes.get(`${stem(path)}.note`);
      const entry = indexed.get(path);
      // Tampered bundles live in a tamper folder, or come with a note or an index entry of their own.
      const tampered = note !== undefined || entry !== undefined || /tamper/i.test(relative);
      const text = entry?.description ?? (note === undefined ? (described.get(path) ?? null) : noteSummary(note));
      const expect = entry === undefined ? null : { check: entry.check, title: checkTitle(entry.check), code: entry.code };
      const label = group === 'v2' || group.startsWith('v2/') ? relative : name;
      return { name, label, group, tampered, note: text, expect, from: entry?.from ?? null, url };
    })
    .sort((a, b) => Number(a.tampered) - Number(b.tampered) || a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}

/** The demo bundle's bytes, from this app's own origin. */
export async function fetchDemoBundle(bundle: DemoBundle): Promise<Uint8Array> {
  const response = await fetch(bundle.url);
  if (!response.ok) throw new Error(`The demo bundle ${bundle.name} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
