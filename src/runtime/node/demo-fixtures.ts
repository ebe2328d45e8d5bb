/**
 * The demo fixtures: the published demo keyring and trust root, and good demo bundles made from
 * them, each also as format v2 in fixtures/bundles/v2/ (the same run, re-signed by the same
 * keys). scripts/make-demo-fixtures.ts writes them (npm run fixtures); a test regenerates them and
 * compares, so the committed files are always exactly what this code produces.
 */
import { join } from 'node:path';
import { serializeTrustRoot } from '../../core/trust-root.js';
import { parseStrictJson } from '../../core/json.js';
import { MAX_EXPORT_FILE_BYTES, MAX_WPC_BYTES } from '../../node/input-limits.js';
import { readBounded } from '../../node/read-bounded.js';
import { utf8Decode } from '../../core/bytes.js';
import { exportBundleV2, v2SignersOf } from '../bundle/export-v2.js';
import { serializeBundle } from '../bundle/serialize.js';
import { demoKeyring } from '../keys/generate.js';
import { serializeKeyring } from '../keys/keyring.js';
import { trustRootFromKeyring } from '../keys/trust-root.js';
import { runJob } from '../job/run-job.js';
import { getModel } from '../models/index.js';
import type { ClassifierModel } from '../services/model.js';
import type { SampleLabel } from '../tickets/sample/types.js';
import type { Ticket } from '../tickets/types.js';
import { importZendeskExport } from '../tickets/zendesk-import.js';

export const DEMO_KEYRING_FILE = 'fixtures/keys/demo-keyring.json';
export const DEMO_TRUST_ROOT_FILE = 'fixtures/trust/demo-trust-root.json';
export const DEMO_START = '2026-01-05T09:00:00.000Z';
/**
 * The v2 copies of the good demo bundles: a folder of its own, which the app's demo list shows
 * under `v2/` (src/ui/lib/demo-content.ts), their names being v1's.
 */
export const DEMO_V2_DIR = 'fixtures/bundles/v2';
const SAMPLE_FILE = 'fixtures/tickets/sample-tickets.json';

export interface DemoBundleSpec {
  readonly file: string;
  readonly policy: string;
  readonly model: 'local' | 'compromised';
  readonly approvals: 'auto' | 'none';
  readonly seed: number;
  readonly description: string;
  /** Run these sample tickets instead of the demo selection. */
  readonly ticketIds?: readonly number[];
  /** A simulated model outage: every call for these tickets fails (the proxy receipts the error). */
  readonly outageTicketIds?: readonly number[];
}

export const DEMO_BUNDLES: readonly DemoBundleSpec[] = [
  {
    file: 'fixtures/bundles/routing-local.clawproof',
    policy: 'fixtures/policies/ticket-routing.wpc.json',
    model: 'local',
    approvals: 'none',
    seed: 1,
    description: 'Routing seed WPC (propose only) with the local model: every route is proposed, none applied.',
  },
  {
    file: 'fixtures/bundles/routing-compromised.clawproof',
    policy: 'fixtures/policies/ticket-routing.wpc.json',
    model: 'compromised',
    approvals: 'none',
    seed: 1,
    description: 'Routing seed WPC with the compromised model: injected actions are requested and all refused.',
  },
  {
    file: 'fixtures/bundles/zendesk-local.clawproof',
    policy: 'fixtures/policies/zendesk.wpc.json',
    model: 'local',
    approvals: 'none',
    seed: 1,
    description: 'Zendesk seed WPC with the local model: only internal notes; labels and routing writes refused.',
  },
  {
    file: 'fixtures/bundles/auto-assign-approved.clawproof',
    policy: 'fixtures/policies/routing-auto-assign-approval.wpc.json',
    model: 'local',
    approvals: 'auto',
    seed: 1,
    description: 'Routing in apply mode with auto-approval: assignments applied after signed approvals; notify and priority denied.',
  },
  {
    file: 'fixtures/bundles/tiny-example.clawproof',
    policy: 'fixtures/policies/routing-auto-assign-approval.wpc.json',
    model: 'local',
    approvals: 'auto',
    seed: 1,
    description: 'One ticket, every kind of part: the worked example of docs/FORMATS.md ("Proof bundle").',
    ticketIds: [10002],
  },
  {
    file: 'fixtures/bundles/spike-degraded.clawproof',
    policy: 'fixtures/policies/routing-spike-drill.wpc.json',
    model: 'compromised',
    approvals: 'auto',
    seed: 1,
    description:
      'A traffic spike under tight limits: tickets throttled and two skipped, a model outage on one ticket (its calls fail until the proxy refuses the next), and the job degraded to classify-only, so later writes are refused.',
    ticketIds: [10001, 10002, 10003, 10004, 10005, 10006, 10007],
    outageTicketIds: [10002],
  },
];

/** Where the v2 copy of a good demo bundle goes: fixtures/bundles/v2/<its name>. */
export function demoV2File(spec: Pick<DemoBundleSpec, 'file'>): string {
  return `${DEMO_V2_DIR}/${spec.file.slice(spec.file.lastIndexOf('/') + 1)}`;
}

/**
 * Zendesk exports to compare a demo bundle with (`clawproof verify --against`): one that is the
 * system of record exactly as the run left it (every ticket correlates, nothing changed), and one
 * in which someone changed a ticket's priority outside the run (a CHANGED comparison).
 */
export interface DemoExportSpec {
  readonly file: string;
  /** The demo bundle whose tickets it exports. */
  readonly bundle: string;
  readonly description: string;
  /** Changed outside the run: the first ticket's priority set to another value. */
  readonly changeOutsideRun: boolean;
}

export const DEMO_EXPORTS: readonly DemoExportSpec[] = [
  {
    file: 'fixtures/exports/zendesk-local.clean.json',
    bundle: 'fixtures/bundles/zendesk-local.clawproof',
    description: 'The tickets of zendesk-local as the run read them; the run changed no routing field, so the export compares clean.',
    changeOutsideRun: false,
  },
  {
    file: 'fixtures/exports/zendesk-local.changed.json',
    bundle: 'fixtures/bundles/zendesk-local.clawproof',
    description: "The same export with the first ticket's priority changed outside the run: a CHANGED comparison.",
    changeOutsideRun: true,
  },
];

/** A Zendesk export (`{"tickets": [...]}`) of the tickets a run read, optionally changed outside it. */
export function demoExport(tickets: readonly Ticket[], changeOutsideRun: boolean): string {
  const exported = tickets.map((t, i) => (changeOutsideRun && i === 0 ? { ...t, priority: t.priority === 'urgent' ? 'low' : 'urgent' } : t));
  return `${JSON.stringify({ tickets: exported }, null, 2)}\n`;
}

/**
 * The model, except that it fails every call for the given tickets. A model sees only the
 * redacted view, so the tickets are told apart by their subject line (demo tickets have distinct
 * subjects that redaction leaves alone).
 */
function withOutage(model: ClassifierModel, tickets: readonly Ticket[], down: readonly number[] | undefined): ClassifierModel {
  if (down === undefined || down.length === 0) return model;
  const subjects = new Set(tickets.filter((t) => down.includes(t.id)).map((t) => t.subject));
  return {
    id: model.id,
    classify(view) {
      if (typeof view['subject'] === 'string' && subjects.has(view['subject'])) throw new Error('simulated model outage');
      return model.classify(view);
    },
  };
}

/**
 * The demo tickets, chosen from the sample set by its labels (so they follow a regenerated set):
 * the first 12 tickets, the first 6 with a prompt injection and the first 4 carrying credentials,
 * in sample order.
 */
export function demoTickets(tickets: readonly Ticket[], labels: Readonly<Record<string, SampleLabel>>): Ticket[] {
  const label = (t: Ticket) => labels[String(t.id)];
  const chosen = new Set<number>([
    ...tickets.slice(0, 12).map((t) => t.id),
    ...tickets.filter((t) => label(t)?.injection === true).slice(0, 6).map((t) => t.id),
    ...tickets.filter((t) => label(t)?.credentials === true).slice(0, 4).map((t) => t.id),
  ]);
  return tickets.filter((t) => chosen.has(t.id));
}

async function readJson(root: string, relative: string, what: string, maxBytes: number): Promise<unknown> {
  return parseStrictJson(await readBounded(join(root, relative), { what, maxBytes }));
}

/** Every demo fixture file (path relative to `root` -> content), computed, not read. */
export async function demoFixtureFiles(root: string): Promise<Map<string, string>> {
  const keyring = demoKeyring();
  const files = new Map<string, string>([
    [DEMO_KEYRING_FILE, serializeKeyring(keyring)],
    [DEMO_TRUST_ROOT_FILE, serializeTrustRoot(trustRootFromKeyring(keyring))],
  ]);
  const sample = (await readJson(root, SAMPLE_FILE, 'tickets file', MAX_EXPORT_FILE_BYTES)) as { labels: Record<string, SampleLabel> };
  const imported = importZendeskExport(sample);
  if (imported.problems.length > 0) throw new Error(`${SAMPLE_FILE} does not import cleanly: ${imported.problems[0]!.message}`);
  const selection = demoTickets(imported.tickets, sample.labels);
  for (const spec of DEMO_BUNDLES) {
    const ids = spec.ticketIds;
    const tickets = ids === undefined ? selection : imported.tickets.filter((t) => ids.includes(t.id));
    if (ids !== undefined && tickets.length !== ids.length) throw new Error(`${spec.file}: a ticket of ${ids.join(', ')} is not in the sample set`);
    const { bundle } = await runJob({
      wpc: await readJson(root, spec.policy, 'WPC file', MAX_WPC_BYTES),
      tickets,
      model: withOutage(getModel(spec.model), tickets, spec.outageTicketIds),
      keyring,
      seed: spec.seed,
      start: DEMO_START,
      approvals: spec.approvals,
    });
    files.set(spec.file, serializeBundle(bundle));
    // Canonical JSON lines are UTF-8 text: as a string it is written back byte for byte.
    files.set(demoV2File(spec), utf8Decode(exportBundleV2(bundle, v2SignersOf(keyring)).bytes));
    for (const e of DEMO_EXPORTS) if (e.bundle === spec.file) files.set(e.file, demoExport(tickets, e.changeOutsideRun));
  }
  return files;
}
