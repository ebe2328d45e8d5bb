/**
 * The worked example of the v2 spec part quotes lines of a real v2 file and states values
 * computed from it. Each quoted line must be that line of the file (`…` standing for characters
 * left out), and each stated value must be what the file gives, so the example cannot drift
 * from the fixture `npm run fixtures` writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexEncode, utf8Decode } from '../../src/core/bytes.js';
import { sha256 } from '../../src/core/hash.js';
import { merkleLeafHash, merkleRoot } from '../../src/core/merkle.js';
import { splitFile } from '../verify/v2/reseal.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PART = 'docs/formats-parts/75-bundle-v2.md';
const part = readFileSync(join(ROOT, PART), 'utf8');

/** Every `<!-- v2-example: path -->` block: the file it quotes and its `N: line` entries. */
function quotedBlocks(text: string): { file: string; quotes: { number: number; text: string }[] }[] {
  const blocks = [...text.matchAll(/<!-- v2-example: (\S+) -->\n```\n([\s\S]*?)\n```/g)];
  return blocks.map((m) => ({
    file: m[1]!,
    quotes: m[2]!.split('\n').map((line) => {
      const q = /^(\d+): (.*)$/.exec(line);
      if (q === null) throw new Error(`${PART}: a quoted line must read "N: <line>", not ${line.slice(0, 60)}`);
      return { number: Number(q[1]), text: q[2]! };
    }),
  }));
}

/** Whether `quote` is `line` with `…` standing for characters left out: its pieces in order, the first a prefix, the last a suffix. */
function quotes(quote: string, line: string): boolean {
  const pieces = quote.split('…');
  if (!line.startsWith(pieces[0]!) || !line.endsWith(pieces[pieces.length - 1]!)) return false;
  let at = pieces[0]!.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = line.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return pieces.length === 1 ? quote === line : at <= line.length - pieces[pieces.length - 1]!.length;
}

function linesOf(path: string): Uint8Array[] {
  return splitFile(new Uint8Array(readFileSync(join(ROOT, path))));
}

describe('the worked example of docs/formats-parts/75-bundle-v2.md', () => {
  const blocks = quotedBlocks(part);

  it('quotes lines that are, character for character (but the elisions), those lines of the file', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const { file, quotes: list } of blocks) {
      const lines = linesOf(file).map(utf8Decode);
      expect(list.length).toBeGreaterThan(0);
      for (const q of list) {
        const line = lines[q.number - 1];
        expect(line, `${file} has no line ${q.number}`).toBeDefined();
        expect(quotes(q.text, line!), `line ${q.number} of ${file} is not what the spec quotes`).toBe(true);
      }
      expect(list.map((q) => q.number)).toEqual([...list.map((q) => q.number)].sort((a, b) => a - b));
    }
  });

  it('states the values the file gives: size, longest line, proposal hash, both tree roots and the first leaf', () => {
    const file = 'fixtures/bundles/v2/tiny-example.clawproof';
    const bytes = readFileSync(join(ROOT, file));
    const lines = linesOf(file);
    const text = lines.map(utf8Decode);
    const header = JSON.parse(text[0]!) as { max_line_bytes: number };
    const number = (n: number) => n.toLocaleString('en-US');
    expect(part).toContain(`${lines.length} lines, ${number(bytes.length)} bytes`);
    const longest = Math.max(...lines.map((l) => l.length));
    expect(header.max_line_bytes).toBe(longest);
    expect(lines[1]!.length, 'the wpc line is the longest').toBe(longest);
    expect(part).toContain(`\`max_line_bytes\` ${longest} is the \`wpc\` line's length`);

    const approval = JSON.parse(text[12]!) as { t: string; payload: { proposal_hash: string } };
    expect(approval.t).toBe('approval');
    expect(approval.payload.proposal_hash).toBe(sha256(lines[10]!));
    expect(part).toContain(`SHA-256 of line 11's bytes,\n  \`${sha256(lines[10]!)}\``);

    const proxyHead = JSON.parse(text[18]!) as { payload: { root_hash: string; size: number } };
    const receiptLeaf = hexEncode(merkleLeafHash(lines[7]!));
    expect(proxyHead.payload).toMatchObject({ size: 1, root_hash: `sha256:${receiptLeaf}` });
    expect(part).toContain(`SHA-256(\`0x00\` || line 8) =\n  \`${receiptLeaf}\``);

    const harnessHead = JSON.parse(text[19]!) as { payload: { root_hash: string; size: number } };
    const leaves = lines.slice(0, -2).map((l) => merkleLeafHash(l));
    expect(harnessHead.payload).toMatchObject({ size: 18, root_hash: `sha256:${hexEncode(merkleRoot(leaves))}` });
    expect(part).toContain(`the first leaf hash (the header) is\n  \`${hexEncode(leaves[0]!)}\``);
    expect(part).toContain(`\`${harnessHead.payload.root_hash}\``);
  });
});
