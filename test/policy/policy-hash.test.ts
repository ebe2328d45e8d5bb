import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyHash } from '../../src/policy/policy-hash.js';
import { fixture, fixtureText } from './fixtures.js';

/** An independent computation: canonicalize (RFC 8785) + noble SHA-256. */
function referenceHash(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalize(value) as string)))}`;
}

describe('policyHash', () => {
  it.each(['ticket-routing.wpc.json', 'zendesk.wpc.json'])('is sha256 of the RFC 8785 bytes of %s', (name) => {
    const doc = fixture(name);
    expect(policyHash(doc)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(policyHash(doc)).toBe(referenceHash(doc));
  });

  it('does not depend on whitespace or member order in the source text', () => {
    const doc = fixture('zendesk.wpc.json');
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(policyHash(reordered)).toBe(policyHash(JSON.parse(fixtureText('zendesk.wpc.json'))));
  });

  it('changes with any change of content, including the spelling of an action', () => {
    const doc = fixture('zendesk.wpc.json');
    const respelt = fixture('zendesk.wpc.json');
    respelt.allowed_actions[0] = 'tickets.read';
    const loosened = fixture('zendesk.wpc.json');
    loosened.max_tickets_per_run = 51;
    expect(policyHash(respelt)).not.toBe(policyHash(doc));
    expect(policyHash(loosened)).not.toBe(policyHash(doc));
  });
});

describe('the worked example in docs/formats-parts/40-wpc.md', () => {
  const spec = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'formats-parts', '40-wpc.md'), 'utf8');

  it.each(['ticket-routing.wpc.json', 'zendesk.wpc.json'])('states the hash and canonical size this code computes for %s', (name) => {
    const doc = fixture(name);
    const size = new TextEncoder().encode(canonicalize(doc) as string).length;
    expect(spec).toContain(`| \`fixtures/policies/${name}\` | ${size} | \`${policyHash(doc)}\` |`);
  });

  it('shows the canonical bytes of the Zendesk seed', () => {
    expect(spec).toContain(`\n${canonicalize(fixture('zendesk.wpc.json')) as string}\n`);
  });
});
