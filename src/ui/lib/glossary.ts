/**
 * The few words of the format an auditor meets before they know it (docs/FORMATS.md, the design's
 * vocabulary), and where they occur in a sentence, so a view can explain each on hover and focus.
 */

export type GlossaryTerm = 'WPC' | 'CST' | 'receipt' | 'manifest';

export const GLOSSARY: Readonly<Record<GlossaryTerm, string>> = {
  WPC: 'Work Policy Contract: the signed JSON policy that says which tools the agent may use, with which limits and approvals. Signed by the controls key; addressed by its hash.',
  CST: 'Capability-scoped token: a short-lived token for one job, signed by the scope key, naming the allowed scopes and pinning the policy hash.',
  receipt: 'Gateway receipt: signed by the model proxy for each model call; it records the model and the hashes of what was sent and answered, and chains to the receipt before it.',
  manifest: 'Manifest: the bundle\'s closing statement, signed by the harness key; it commits to the count of every part and to a Merkle root over them, so nothing can be added, dropped or reordered.',
};

/** How each term is written in running text (plural and capitalised forms included). */
const PATTERN = /\b(WPCs?|CSTs?|[Rr]eceipts?|[Mm]anifests?)\b/g;

function termOf(word: string): GlossaryTerm {
  const lower = word.toLowerCase();
  if (lower.startsWith('wpc')) return 'WPC';
  if (lower.startsWith('cst')) return 'CST';
  if (lower.startsWith('receipt')) return 'receipt';
  return 'manifest';
}

export type GlossaryPiece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'term'; readonly text: string; readonly term: GlossaryTerm };

/**
 * Splits a sentence at the glossary's words; only each term's first occurrence is marked (one
 * explanation per sentence is help, ten are noise). Words inside identifiers (`rct_…`) are not terms.
 */
export function glossaryPieces(text: string): GlossaryPiece[] {
  const pieces: GlossaryPiece[] = [];
  const seen = new Set<GlossaryTerm>();
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const term = termOf(match[0]);
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    if (seen.has(term) || before === '_' || after === '_' || before === '/' || before === '.') continue;
    seen.add(term);
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'term', text: match[0], term });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** The id of a term's definition (GlossaryDefinitions.svelte renders them once per page). */
export function glossaryId(term: GlossaryTerm): string {
  return `glossary-${term.toLowerCase()}`;
}
