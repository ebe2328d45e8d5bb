/**
 * The sample set: a seeded, deterministic Zendesk-shaped export of help-desk tickets with ground
 * truth labels and the list of planted secrets and PII. Same seed, same bytes, on any engine.
 */
import { AGENTS, CATEGORY_QUEUE, CUSTOM_FIELDS, QUEUES, type Category } from '../catalog.js';
import type { TicketPriority, TicketStatus, TicketType } from '../types.js';
import { composeText } from './compose-text.js';
import {
  FAKE_DATA_NOTE,
  type PlantedFile,
  type SampleTicketsFile,
  type ZendeskCommentJson,
  type ZendeskTicketJson,
  type ZendeskUserJson,
} from './files.js';
import { createPerson, type Person } from './people.js';
import { planSampleSet, type TicketSpec } from './plan.js';
import { createPrng, type Prng } from './prng.js';
import { PHRASES } from './templates/index.js';
import type { PlantedValue, SampleLabel, SampleLanguage } from './types.js';

export const DEFAULT_SAMPLE_SEED = 'clawproof-sample-v1';
export const SAMPLE_FORMAT_VERSION = 1;

export const FIRST_TICKET_ID = 10001;
const FIRST_REQUESTER_ID = 421000100001;
const FIRST_COMMENT_ID = 39000000001;
const FIRST_ORGANIZATION_ID = 361000000001;
const ORGANIZATIONS = 12;
// 2025-03-03T07:00:00Z: tickets arrive from here, a few minutes to a few hours apart.
const START_MS = Date.UTC(2025, 2, 3, 7, 0, 0);
const BASE_URL = 'https://lumora.zendesk.com/api/v2';

const LOCALES: Readonly<Record<SampleLanguage, string>> = { en: 'en-US', de: 'de', es: 'es', fr: 'fr', ja: 'ja' };

export interface SampleSet {
  file: SampleTicketsFile;
  planted: PlantedFile;
}

interface Requester {
  person: Person;
  user: ZendeskUserJson;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ticketType(prng: Prng, category: Category): TicketType | null {
  if (prng.chance(30)) return null;
  switch (category) {
    case 'technical_issue':
      return prng.pick(['incident', 'problem'] as const);
    case 'bug_report':
      return 'problem';
    case 'security':
      return 'incident';
    case 'feature_request':
    case 'general_inquiry':
      return 'question';
    default:
      return prng.pick(['question', 'task'] as const);
  }
}

function initialPriority(prng: Prng): TicketPriority | null {
  const roll = prng.int(1, 100);
  return roll <= 50 ? null : roll <= 80 ? 'normal' : roll <= 90 ? 'low' : 'high';
}

function tagsFor(prng: Prng, language: SampleLanguage, channel: string, plan: string): string[] {
  const tags = [channel === 'web' ? 'web_widget' : channel === 'email' ? 'email_inbound' : channel];
  if (language !== 'en') tags.push(`lang_${language}`);
  if (prng.chance(40)) tags.push(`plan_${plan.toLowerCase()}`);
  if (prng.chance(5)) tags.push('vip');
  return tags;
}

class SampleBuilder {
  private readonly requesters: Requester[] = [];
  private nextRequesterId = FIRST_REQUESTER_ID;
  private nextCommentId = FIRST_COMMENT_ID;

  constructor(private readonly seed: string) {}

  requesterFor(prng: Prng, language: SampleLanguage): Requester {
    const returning = this.requesters.filter((r) => r.person.language === language);
    if (returning.length > 3 && prng.chance(12)) return prng.pick(returning);
    const person = createPerson(prng, language);
    const id = this.nextRequesterId++;
    const user: ZendeskUserJson = {
      id,
      url: `${BASE_URL}/users/${id}.json`,
      name: person.name,
      email: person.email,
      phone: prng.chance(75) ? person.phoneE164 : null,
      role: 'end-user',
      locale: LOCALES[language],
      organization_id: prng.chance(30) ? FIRST_ORGANIZATION_ID + prng.int(0, ORGANIZATIONS - 1) : null,
      verified: true,
    };
    const requester = { person, user };
    this.requesters.push(requester);
    return requester;
  }

  comment(authorId: number, body: string, isPublic: boolean, at: number): ZendeskCommentJson {
    return { id: this.nextCommentId++, type: 'Comment', author_id: authorId, body, public: isPublic, created_at: iso(at) };
  }

  build(spec: TicketSpec, id: number, createdMs: number): { ticket: ZendeskTicketJson; label: SampleLabel; planted: PlantedValue[] } {
    // Each ticket draws from its own stream: editing one ticket's recipe leaves the others as they were.
    const prng = createPrng(`${this.seed}/ticket/${id}`);
    const { person, user } = this.requesterFor(prng, spec.language);
    const text = composeText(prng, spec, id, person, Math.floor(createdMs / 1000));
    const phrases = PHRASES[spec.language];
    const channel = text.terse ? prng.pick(['chat', 'mobile']) : prng.pick(['email', 'email', 'web', 'web', 'api']);

    const comments = [this.comment(user.id, text.description, true, createdMs)];
    let t = createdMs;
    let status: TicketStatus = 'new';
    let assigneeId: number | null = null;
    const triage = QUEUES[0]?.group_id ?? null;
    let groupId: number | null = prng.chance(60) ? triage : null;
    const injectedInComment = spec.injection?.placement === 'comment';
    if (injectedInComment || prng.chance(35)) {
      const agent = prng.pick(AGENTS);
      t += prng.int(20, 360) * 60_000;
      const reply = prng.pick(phrases.agentReplies).replace('{first}', person.firstName);
      comments.push(this.comment(agent.id, reply, true, t));
      status = prng.chance(70) ? 'open' : 'pending';
      if (prng.chance(20)) {
        assigneeId = agent.id;
        groupId = triage;
      }
    }
    if (prng.chance(15)) {
      t += prng.int(5, 120) * 60_000;
      comments.push(this.comment(prng.pick(AGENTS).id, prng.pick(phrases.internalNotes), false, t));
    }
    if (text.followup !== null) {
      t += prng.int(30, 1440) * 60_000;
      comments.push(this.comment(user.id, text.followup, true, t));
      if (status === 'pending') status = 'open';
    }
    const updatedMs = t === createdMs ? createdMs + prng.int(1, 10) * 60_000 : t;

    const planted = [...text.planted, { kind: 'pii.email' as const, value: person.email }];
    if (user.phone !== null) planted.push({ kind: 'pii.phone', value: user.phone });
    const ticket: ZendeskTicketJson = {
      url: `${BASE_URL}/tickets/${id}.json`,
      id,
      external_id: null,
      via: { channel },
      created_at: iso(createdMs),
      updated_at: iso(updatedMs),
      type: ticketType(prng, spec.category),
      subject: text.subject,
      raw_subject: text.subject,
      description: text.description,
      priority: initialPriority(prng),
      status,
      recipient: 'support@lumora.example',
      requester_id: user.id,
      submitter_id: user.id,
      assignee_id: assigneeId,
      organization_id: user.organization_id,
      group_id: groupId,
      collaborator_ids: [],
      tags: tagsFor(prng, spec.language, channel, text.plan),
      custom_fields: [
        { id: CUSTOM_FIELDS.orderNumber, value: spec.category === 'shipping' || spec.category === 'refunds' ? text.order : null },
        { id: CUSTOM_FIELDS.accountId, value: `ACC-${prng.chars('0123456789', 7)}` },
        { id: CUSTOM_FIELDS.productArea, value: prng.pick(['devices', 'app', 'account', 'orders', 'cloud_api', null]) },
        { id: CUSTOM_FIELDS.plan, value: text.plan.toLowerCase() },
        { id: CUSTOM_FIELDS.contactPhone, value: text.contactPhone },
        {
          id: CUSTOM_FIELDS.affectedVersions,
          value: spec.category === 'bug_report' || spec.category === 'technical_issue' ? prng.sample(['4.11', '4.12', '4.13', '4.14'], prng.int(1, 2)).sort() : [],
        },
      ],
      brand_id: 360000777001,
      comments,
    };
    const label: SampleLabel = {
      category: spec.category,
      queue: CATEGORY_QUEUE[spec.category],
      injection: spec.injection !== null,
      credentials: spec.credential !== null,
      language: spec.language,
      injected_actions: spec.injection === null ? [] : [...spec.injection.template.actions],
      injection_location: spec.injection?.placement ?? null,
    };
    return { ticket, label, planted: dedupe(planted) };
  }

  users(): ZendeskUserJson[] {
    const agents: ZendeskUserJson[] = AGENTS.map((a) => ({
      id: a.id,
      url: `${BASE_URL}/users/${a.id}.json`,
      name: a.name,
      email: a.email,
      phone: null,
      role: 'agent',
      locale: 'en-US',
      organization_id: null,
      verified: true,
    }));
    return [...agents, ...this.requesters.map((r) => r.user)];
  }
}

function dedupe(values: PlantedValue[]): PlantedValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = `${v.kind}\u0000${v.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function generateSampleSet(seed: string = DEFAULT_SAMPLE_SEED): SampleSet {
  const prng = createPrng(`${seed}/plan`);
  const specs = planSampleSet(prng);
  const builder = new SampleBuilder(seed);
  const tickets: ZendeskTicketJson[] = [];
  const labels: Record<string, SampleLabel> = {};
  const planted: Record<string, PlantedValue[]> = {};
  let createdMs = START_MS;
  specs.forEach((spec, index) => {
    const id = FIRST_TICKET_ID + index;
    createdMs += prng.int(3, 150) * 60_000;
    const built = builder.build(spec, id, createdMs);
    tickets.push(built.ticket);
    labels[String(id)] = built.label;
    planted[String(id)] = built.planted;
  });
  return {
    file: {
      note: FAKE_DATA_NOTE,
      generator: { script: 'scripts/generate-sample-tickets.ts', seed, version: SAMPLE_FORMAT_VERSION },
      tickets,
      users: builder.users(),
      labels,
    },
    planted: { note: FAKE_DATA_NOTE, tickets: planted },
  };
}

/** The bytes written to disk: two-space JSON and a final newline. */
export function serializeSampleFile(value: SampleTicketsFile | PlantedFile): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
