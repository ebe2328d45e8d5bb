/**
 * The inputs that exist only for the conformance suite, each made deterministically from the
 * committed tiny example bundle or from nothing: hostile bytes (cut, mis-encoded, duplicated,
 * nested too deep, re-spelled) and trust roots that list the demo keys differently.
 * scripts/conformance-cases.ts says what a verifier must make of each.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concatBytes, utf8Decode, utf8Encode } from '../src/core/bytes.js';
import { parseTrustRoot, serializeTrustRoot, type TrustRoot } from '../src/core/trust-root.js';
import type { ProofBundle } from '../src/core/bundle/types.js';
import { serializeBundle } from '../src/runtime/bundle/serialize.js';
import { trustRootFromKeyring } from '../src/runtime/keys/trust-root.js';
import { STRANGER } from '../test/verify/support.js';

export const TINY = 'fixtures/bundles/tiny-example.clawproof';
export const DEMO_ROOT = 'fixtures/trust/demo-trust-root.json';

/** What the builders start from: the committed files, read once. */
export interface Sources {
  readonly tiny: Uint8Array;
  readonly tinyText: string;
  readonly demoRoot: TrustRoot;
}

export async function readSources(root: string): Promise<Sources> {
  const tiny = new Uint8Array(await readFile(join(root, TINY)));
  return { tiny, tinyText: utf8Decode(tiny), demoRoot: parseTrustRoot(new Uint8Array(await readFile(join(root, DEMO_ROOT)))) };
}

export type Build = (s: Sources) => Uint8Array;

const text = (t: string): Uint8Array => utf8Encode(t);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

/** Replaces the one occurrence of `from`; a fixture that changed shape fails loudly instead of giving a wrong input. */
function replaceOnce(source: string, from: string, to: string): string {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)} in the tiny example`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** The tiny example with `from` (once) replaced by raw bytes: for encodings text cannot hold. */
function withBytes(s: Sources, from: string, ...parts: (string | Uint8Array)[]): Uint8Array {
  const marker = '\u0000CONFORMANCE\u0000';
  const [before, after] = replaceOnce(s.tinyText, from, marker).split(marker) as [string, string];
  return concatBytes(text(before), ...parts.map((p) => (typeof p === 'string' ? text(p) : p)), text(after));
}

const edit = (from: string, to: string): Build => (s) => text(replaceOnce(s.tinyText, from, to));
const document = (s: Sources): ProofBundle => JSON.parse(s.tinyText) as ProofBundle;

const VERSION = '"version": 1,';
const COMMENT = 'Thanks Harper.';
const SUBJECT = '"subject": "What is this charge?"';

/** Suite-only bundle inputs, by path under fixtures/conformance/. */
export const INPUT_BUILDERS: Readonly<Record<string, Build>> = {
  // Re-spellings of the tiny example that change no value: a verifier reads values, not bytes.
  'inputs/valid/compact.clawproof': (s) => text(JSON.stringify(document(s))),
  'inputs/valid/members-reversed.clawproof': (s) => text(`${JSON.stringify(Object.fromEntries(Object.entries(document(s)).reverse()), null, 2)}\n`),
  'inputs/valid/crlf.clawproof': (s) => text(s.tinyText.replaceAll('\n', '\r\n')),
  'inputs/valid/trailing-whitespace.clawproof': (s) => text(`${s.tinyText} \t\r\n\n`),
  'inputs/valid/escaped-strings.clawproof': edit(SUBJECT, '"subj\\u0065ct": "\\u0057hat is this charge\\u003F"'),
  'inputs/valid/version-1.0.clawproof': edit(VERSION, '"version": 1.0,'),

  // Not a JSON text at all.
  'inputs/hostile/empty.clawproof': () => new Uint8Array(0),
  'inputs/hostile/whitespace-only.clawproof': () => text(' \n\t\r\n'),
  'inputs/hostile/zip-archive.clawproof': () => concatBytes(text('PK'), bytes(3, 4, 20, 0, 0, 0, 8, 0), new Uint8Array(22)),
  'inputs/hostile/cut-before-last-brace.clawproof': (s) => text(s.tinyText.slice(0, s.tinyText.lastIndexOf('}'))),
  'inputs/hostile/trailing-garbage.clawproof': (s) => text(`${s.tinyText}x`),
  'inputs/hostile/second-document.clawproof': (s) => text(`${s.tinyText}{}\n`),
  'inputs/hostile/comment.clawproof': (s) => text(`// a proof bundle\n${s.tinyText}`),
  'inputs/hostile/trailing-comma.clawproof': edit('\n  }\n}\n', '\n  },\n}\n'),

  // Encodings.
  'inputs/hostile/bom.clawproof': (s) => concatBytes(bytes(0xef, 0xbb, 0xbf), s.tiny),
  'inputs/hostile/utf16le.clawproof': (s) => concatBytes(bytes(0xff, 0xfe), new Uint8Array(Buffer.from(s.tinyText, 'utf16le'))),
  'inputs/hostile/invalid-utf8-byte.clawproof': (s) => withBytes(s, COMMENT, 'Thanks Harper', bytes(0xff), '.'),
  'inputs/hostile/utf8-cut-sequence.clawproof': (s) => withBytes(s, COMMENT, 'Thanks Harper', bytes(0xc3), '.'),
  'inputs/hostile/utf8-overlong.clawproof': (s) => withBytes(s, COMMENT, 'Thanks Harper', bytes(0xc0, 0xae)),
  'inputs/hostile/utf8-encoded-surrogate.clawproof': (s) => withBytes(s, COMMENT, 'Thanks Harper', bytes(0xed, 0xa0, 0x80), '.'),
  'inputs/hostile/lone-surrogate-escape.clawproof': edit(COMMENT, 'Thanks Harper\\ud800.'),
  'inputs/hostile/raw-control-character.clawproof': (s) => withBytes(s, COMMENT, 'Thanks Harper', bytes(0x01), '.'),

  // Member names and numbers.
  'inputs/hostile/duplicate-key.clawproof': edit(VERSION, `${VERSION}\n  "version": 1,`),
  'inputs/hostile/duplicate-key-escaped.clawproof': edit(VERSION, `${VERSION}\n  "\\u0076ersion": 1,`),
  'inputs/hostile/duplicate-key-in-view.clawproof': edit(SUBJECT, `"subject": "Nothing to see here", ${SUBJECT}`),
  'inputs/hostile/number-overflow.clawproof': edit(VERSION, '"version": 1e400,'),
  'inputs/hostile/number-leading-zero.clawproof': edit(VERSION, '"version": 01,'),
  'inputs/hostile/nan.clawproof': edit(VERSION, '"version": NaN,'),

  // Nesting.
  'inputs/hostile/nesting-64.clawproof': () => text(`${'['.repeat(64)}${']'.repeat(64)}`),
  'inputs/hostile/nesting-65.clawproof': () => text(`${'['.repeat(65)}${']'.repeat(65)}`),
  'inputs/hostile/nesting-unclosed.clawproof': () => text('['.repeat(10_000)),
  'inputs/hostile/view-nested-past-limit.clawproof': (s) => {
    const bundle = document(s);
    let nested: Record<string, unknown> = {};
    for (let i = 0; i < 70; i++) nested = { n: nested };
    (bundle.model_views[0]!.request.view as Record<string, unknown>)['subject'] = nested;
    return text(serializeBundle(bundle));
  },

  // Parsed fine, but not a bundle of this format.
  'inputs/hostile/top-level-array.clawproof': (s) => text(`[${s.tinyText}]`),
  'inputs/hostile/top-level-null.clawproof': () => text('null'),
  'inputs/hostile/media-type-unknown.clawproof': edit('"application/vnd.clawproof.bundle+json"', '"application/vnd.clawproof.bundle+json; version=2"'),
  'inputs/hostile/version-2.clawproof': edit(VERSION, '"version": 2,'),
  'inputs/hostile/version-string.clawproof': edit(VERSION, '"version": "1",'),
  'inputs/hostile/unknown-member.clawproof': edit(VERSION, `${VERSION}\n  "note": "added after signing",`),
  'inputs/hostile/proto-member.clawproof': edit(VERSION, `${VERSION}\n  "__proto__": {},`),
  'inputs/hostile/member-missing.clawproof': (s) => {
    const { approvals: _dropped, ...rest } = document(s);
    return text(`${JSON.stringify(rest, null, 2)}\n`);
  },
  'inputs/hostile/list-not-array.clawproof': (s) => text(`${JSON.stringify({ ...document(s), model_views: {} }, null, 2)}\n`),
};

export type RootBuild = (s: Sources) => TrustRoot;

/** The demo trust root renamed, its keys changed; demo-only unless `demoOnly` is false (then the member is left out). */
function demoVariant(s: Sources, name: string, change: (keys: TrustRoot['keys']) => TrustRoot['keys'], demoOnly = true): TrustRoot {
  const { demoOnly: _demo, ...rest } = s.demoRoot;
  return parseTrustRoot({ ...rest, name, ...(demoOnly ? { demoOnly: true } : {}), keys: change(s.demoRoot.keys) });
}

const withoutRole = (role: string) => (keys: TrustRoot['keys']) => keys.filter((k) => k.role !== role);

/** Suite-only trust roots, by path under fixtures/conformance/. */
export const TRUST_ROOT_BUILDERS: Readonly<Record<string, RootBuild>> = {
  'inputs/trust/demo-keys-not-demo-only.json': (s) =>
    demoVariant(s, 'Conformance suite: the demo keys, deliberately NOT marked demo-only', (keys) => keys, false),
  'inputs/trust/stranger.json': () => parseTrustRoot({ ...trustRootFromKeyring(STRANGER, 'Conformance suite: keys of a stranger (published)'), demoOnly: true }),
  'inputs/trust/without-proxy.json': (s) => demoVariant(s, 'Conformance suite: the demo keys without the proxy key', withoutRole('proxy')),
  'inputs/trust/without-approver.json': (s) => demoVariant(s, 'Conformance suite: the demo keys without the approver key', withoutRole('approver')),
  'inputs/trust/proxy-approver-swapped.json': (s) =>
    demoVariant(s, 'Conformance suite: the demo proxy and approver keys listed under each other\'s role', (keys) =>
      keys.map((k) => (k.role === 'proxy' ? { ...k, role: 'approver' } : k.role === 'approver' ? { ...k, role: 'proxy' } : k)),
    ),
  'inputs/trust/windows-closed.json': (s) =>
    demoVariant(s, 'Conformance suite: the demo keys, every window closed on 2025-06-01', (keys) => keys.map((k) => ({ ...k, validUntil: '2025-06-01T00:00:00Z' }))),
};

export function trustRootText(root: TrustRoot): string {
  return serializeTrustRoot(root);
}
