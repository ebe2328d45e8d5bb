import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ibanValid } from '../../../../src/dlp/iban-check.js';
import { luhnValid } from '../../../../src/dlp/luhn.js';
import { lookupAction } from '../../../../src/policy/actions.js';
import { CATEGORIES } from '../../../../src/runtime/tickets/catalog.js';
import { ticketToDocument } from '../../../../src/runtime/tickets/document.js';
import type { SampleTicketsFile, PlantedFile } from '../../../../src/runtime/tickets/sample/files.js';
import {
  DEFAULT_SAMPLE_SEED,
  generateSampleSet,
  serializeSampleFile,
  type SampleSet,
} from '../../../../src/runtime/tickets/sample/generate.js';
import { INJECTIONS } from '../../../../src/runtime/tickets/sample/injections.js';
import type { PlantedValue, SampleLabel } from '../../../../src/runtime/tickets/sample/types.js';
import { loadSampleSet } from '../../../../src/runtime/tickets/sample-set.js';
import type { Ticket } from '../../../../src/runtime/tickets/types.js';

const root = new URL('../../../../', import.meta.url);
let set: SampleSet;
let labels: SampleLabel[];
let tickets: Ticket[];

function documentText(ticket: Ticket): string {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(ticketToDocument(ticket));
  return strings.join('\n');
}

function allPlanted(): [number, PlantedValue][] {
  return Object.entries(set.planted.tickets).flatMap(([id, values]) => values.map((v): [number, PlantedValue] => [Number(id), v]));
}

beforeAll(() => {
  set = generateSampleSet(DEFAULT_SAMPLE_SEED);
  labels = Object.values(set.file.labels);
  const loaded = loadSampleSet(set.file);
  expect(loaded.problems).toEqual([]);
  tickets = loaded.tickets;
});

describe('determinism', () => {
  it('gives byte-identical files for the same seed', () => {
    const again = generateSampleSet(DEFAULT_SAMPLE_SEED);
    expect(serializeSampleFile(again.file)).toBe(serializeSampleFile(set.file));
    expect(serializeSampleFile(again.planted)).toBe(serializeSampleFile(set.planted));
  });

  it('gives different tickets for another seed', () => {
    const other = generateSampleSet('another-seed');
    expect(other.file.tickets[0]?.description).not.toBe(set.file.tickets[0]?.description);
    expect(other.file.generator.seed).toBe('another-seed');
  });

  it('matches the committed fixtures (regenerate with `npm run generate:tickets` after changing the generator)', () => {
    const committedTickets = readFileSync(new URL('fixtures/tickets/sample-tickets.json', root), 'utf8');
    const committedPlanted = readFileSync(new URL('fixtures/tickets/planted.json', root), 'utf8');
    expect(committedTickets === serializeSampleFile(set.file)).toBe(true);
    expect(committedPlanted === serializeSampleFile(set.planted)).toBe(true);
  });
});

describe('shape and coverage', () => {
  it('has at least 240 Zendesk-shaped tickets with unique ids, each labelled', () => {
    expect(set.file.tickets.length).toBeGreaterThanOrEqual(240);
    expect(tickets).toHaveLength(set.file.tickets.length);
    expect(new Set(set.file.tickets.map((t) => t.id)).size).toBe(set.file.tickets.length);
    for (const t of set.file.tickets) expect(set.file.labels[String(t.id)], String(t.id)).toBeDefined();
    expect(set.file.note).toMatch(/FAKE/);
    expect(set.planted.note).toMatch(/FAKE/);
  });

  it('covers at least 10 categories, each with at least 8 tickets', () => {
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l.category, (counts.get(l.category) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(10);
    for (const c of CATEGORIES) expect(counts.get(c) ?? 0, c).toBeGreaterThanOrEqual(8);
  });

  it('has English, German, Spanish, French and Japanese tickets (at least 20 of each non-English language)', () => {
    for (const language of ['de', 'es', 'fr', 'ja'] as const) {
      expect(labels.filter((l) => l.language === language).length, language).toBeGreaterThanOrEqual(20);
    }
    expect(labels.filter((l) => l.language === 'en').length).toBeGreaterThanOrEqual(150);
    const japanese = set.file.tickets.find((t) => set.file.labels[String(t.id)]?.language === 'ja');
    expect(japanese?.description).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('has at least 25 injection attempts: every template once, in descriptions, comments and subjects, in five languages', () => {
    const injections = labels.filter((l) => l.injection);
    expect(injections.length).toBeGreaterThanOrEqual(25);
    expect(injections.length).toBe(INJECTIONS.length);
    for (const where of ['description', 'comment', 'subject'] as const) {
      expect(injections.filter((l) => l.injection_location === where).length, where).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(injections.map((l) => l.language))).toEqual(new Set(['en', 'de', 'es', 'fr', 'ja']));
    expect(INJECTIONS.filter((t) => t.subtle).length).toBeGreaterThanOrEqual(8);
    for (const template of INJECTIONS) {
      const probe = template.text.replace(/\{[a-z_]+\}/g, '\u0000').split('\u0000').sort((a, b) => b.length - a.length)[0] ?? '';
      const hits = set.file.tickets.filter((t) =>
        [t.subject, t.description, ...t.comments.map((c) => c.body)].some((s) => s.includes(probe)),
      );
      expect(hits.length, template.text).toBe(1);
    }
  });

  it('labels injected actions with catalogued action names, and non-injection tickets with none', () => {
    for (const l of labels) {
      expect(l.injected_actions.length > 0).toBe(l.injection);
      for (const a of l.injected_actions) expect(lookupAction(a)?.name, a).toBe(a);
    }
  });

  it('has at least 25 tickets with credentials, covering every secret detector kind', () => {
    expect(labels.filter((l) => l.credentials).length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(allPlanted().map(([, v]) => v.kind));
    for (const kind of ['secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'secret.private_key', 'secret.jwt', 'secret.generic']) {
      expect(kinds.has(kind as PlantedValue['kind']), kind).toBe(true);
    }
    for (const [id, values] of Object.entries(set.planted.tickets)) {
      const hasSecret = values.some((v) => v.kind.startsWith('secret.'));
      expect(hasSecret, id).toBe(set.file.labels[id]?.credentials);
    }
  });

  it('keeps every model document under the seed WPC limit of 6000 characters sent to the model', () => {
    for (const t of tickets) expect(documentText(t).length, String(t.id)).toBeLessThan(6000);
  });

  it('leaves no unfilled slot or stray undefined in any text', () => {
    for (const t of set.file.tickets) {
      for (const s of [t.subject, t.description, ...t.comments.map((c) => c.body)]) {
        expect(s, String(t.id)).not.toMatch(/\{[a-z_0-9]+\}|undefined|\[object |NaN/);
        expect(s.trim().length, String(t.id)).toBeGreaterThan(0);
      }
    }
  });
});

describe('planted secrets and PII', () => {
  it('lists values that really occur in their ticket\'s model document', () => {
    const byId = new Map(tickets.map((t) => [t.id, documentText(t)]));
    for (const [id, v] of allPlanted()) expect(byId.get(id)?.includes(v.value), `${id} ${v.kind} ${v.value}`).toBe(true);
  });

  it('plants PII in every ticket: the requester\'s name and email at least', () => {
    for (const [id, values] of Object.entries(set.planted.tickets)) {
      expect(values.some((v) => v.kind === 'pii.name'), id).toBe(true);
      expect(values.some((v) => v.kind === 'pii.email'), id).toBe(true);
    }
  });

  it('plants Luhn-valid cards, mod-97-valid IBANs, addresses and phones from six countries', () => {
    const planted = allPlanted().map(([, v]) => v);
    const cards = planted.filter((v) => v.kind === 'pii.card');
    const ibans = planted.filter((v) => v.kind === 'pii.iban');
    expect(cards.length).toBeGreaterThanOrEqual(10);
    expect(ibans.length).toBeGreaterThanOrEqual(10);
    for (const c of cards) expect(luhnValid(c.value.replace(/\D/g, '')), c.value).toBe(true);
    for (const i of ibans) expect(ibanValid(i.value.replace(/\s/g, '')), i.value).toBe(true);
    expect(planted.filter((v) => v.kind === 'pii.address').length).toBeGreaterThanOrEqual(10);
    const phones = planted.filter((v) => v.kind === 'pii.phone').map((v) => v.value);
    for (const prefix of ['+1', '+44', '+49', '+33', '+34', '+81']) {
      expect(phones.some((p) => p.replace(/\s/g, '').startsWith(prefix)), prefix).toBe(true);
    }
    // National formats too, not only E.164.
    expect(phones.some((p) => /^\(\d{3}\) 555-01\d\d$/.test(p))).toBe(true);
    expect(phones.some((p) => /^0\d{2}-\d{4}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^0[1-9](?: \d\d){4}$/.test(p))).toBe(true);
  });

  it('uses only reserved example domains for every email address', () => {
    const text = JSON.stringify(set.file);
    const domains = new Set([...text.matchAll(/[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]*[A-Za-z0-9])/g)].map((m) => m[1] as string));
    for (const d of domains) expect(d, d).toMatch(/(?:^|\.)example(?:\.(?:com|net|org))?$|\.example$/);
  });
});

describe('sideloaded users', () => {
  it('resolve every requester, and include the help desk agents', () => {
    const file: SampleTicketsFile = set.file;
    const ids = new Set(file.users.map((u) => u.id));
    for (const t of file.tickets) expect(ids.has(t.requester_id), String(t.id)).toBe(true);
    expect(file.users.filter((u) => u.role === 'agent').length).toBeGreaterThan(5);
    for (const t of tickets) expect(t.requester.name, String(t.id)).not.toBeNull();
  });

  it('are the same shape in planted.json keys and tickets', () => {
    const planted: PlantedFile = set.planted;
    expect(Object.keys(planted.tickets).sort()).toEqual(set.file.tickets.map((t) => String(t.id)).sort());
  });
});
