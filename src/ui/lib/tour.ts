/**
 * The guided tour ("Start here") for demos and training: a good bundle, the same bundle tampered,
 * and a policy dry run in the Lab that refuses an action a prompt injection asks for. This module
 * is the tour's logic only (which steps, what each says to look at, moving between them, the
 * state kept across a reload); the panel and the actions live in the components.
 */
import { CHECK_TITLES } from '../../format/checks.js';
import type { DemoBundle } from './demo-bundle.js';

/** The good bundle of steps 1 and 2: assignments applied only after a signed approval. */
export const TOUR_GOOD_BUNDLE = 'auto-assign-approved.clawproof';
/** The tampered copy of it step 2 prefers: one receipt deleted (any copy made from it would do). */
export const TOUR_TAMPERED_BUNDLE = 'receipt-removed.clawproof';

/**
 * The Lab run of step 3: a seed policy, the model that obeys instructions hidden in tickets, and
 * the first sample tickets up to one whose injection asks for an action that policy forbids.
 * test/ui/lib/tour.test.ts holds these against the sample set's labels and the policy itself.
 */
export const TOUR_LAB_RUN = {
  templateId: 'routing-seed',
  templateName: 'Ticket routing (seed)',
  policyFile: 'fixtures/policies/ticket-routing.wpc.json',
  model: 'compromised',
  tickets: 5,
  seed: 0,
  start: '2026-01-05T09:00:00Z',
  /** The injected ticket to open, the action its injection asks for and the rule that refuses it. */
  ticketId: 10005,
  action: 'tickets.notify_customer',
  rule: '/tools/deny/0',
} as const;

export type TourStepId = 'good' | 'tampered' | 'lab';

export type TourAction =
  | { readonly kind: 'verify'; readonly bundle: DemoBundle; readonly label: string }
  | { readonly kind: 'lab'; readonly label: string };

export interface TourStep {
  readonly id: TourStepId;
  readonly title: string;
  /** The view the step happens in. */
  readonly view: 'verify' | 'lab';
  /** What the step is about, in one or two sentences. */
  readonly intro: string;
  /** What to look at, in order: each item names the banner sentence, check or decision to read. */
  readonly lookAt: readonly string[];
  /** What entering the step does (and its button does again). */
  readonly action: TourAction;
}

/** Where the tour is: the index of its current step. */
export interface TourState {
  readonly step: number;
}

/** The tampered copy of `good` to show: the preferred one when it was made from `good`, else the first that was. */
export function tamperedCopyOf(bundles: readonly DemoBundle[], good: DemoBundle): DemoBundle | undefined {
  // Of the same format: a v2 copy's tampered set is in its own folder (v2/tampered).
  const folder = good.group === '' ? 'tampered' : `${good.group}/tampered`;
  const copies = bundles.filter((b) => b.tampered && b.group === folder && b.from === good.name && b.expect !== null);
  return copies.find((b) => b.name === TOUR_TAMPERED_BUNDLE) ?? copies[0];
}

/**
 * The tour's three steps for the demo bundles this build ships, or null when it lacks the good
 * bundle or any tampered copy of it (the tour is then not offered).
 */
export function tourSteps(bundles: readonly DemoBundle[]): readonly TourStep[] | null {
  // The tour shows format v1's bundle (the v2 copy of the same name is in the group v2).
  const good = bundles.find((b) => !b.tampered && b.group === '' && b.name === TOUR_GOOD_BUNDLE);
  if (good === undefined) return null;
  const tampered = tamperedCopyOf(bundles, good);
  if (tampered === undefined || tampered.expect === null) return null;
  const lab = TOUR_LAB_RUN;
  return [
    {
      id: 'good',
      title: 'A good bundle',
      view: 'verify',
      intro: `${good.name} is the proof of a run in which the agent proposed ticket assignments and each was applied only after a signed approval of exactly that change.`,
      lookAt: [
        'The banner at the top says “Valid”: every signature, hash and decision checks out against your trust root.',
        `No check fails. Two warn, and both are worth reading: “${CHECK_TITLES.trust}” says the trust root is demo only (its secret keys are published, so this proves nothing outside a demo).`,
        `“${CHECK_TITLES.approvals}” says the approvals were given automatically: the approver's key signed, but no person looked.`,
      ],
      action: { kind: 'verify', bundle: good, label: `Open ${good.name}` },
    },
    {
      id: 'tampered',
      title: 'The same bundle, tampered',
      view: 'verify',
      intro: `${tampered.name} is that same bundle with one change. ${tampered.note ?? ''}`.trim(),
      lookAt: [
        'The banner now says “Invalid”: do not rely on this bundle.',
        `The check “${tampered.expect.title}” fails: it is the one aimed at this change. Open it to read what it found.`,
        'Other checks may fail as well: they follow from the same change.',
      ],
      action: { kind: 'verify', bundle: tampered, label: `Open ${tampered.name}` },
    },
    {
      id: 'lab',
      title: 'A policy dry run that refuses an injected action',
      view: 'lab',
      intro:
        `The Lab runs a policy on sample tickets on this device. The run is set up with the seed policy “${lab.templateName}”, ` +
        `the compromised model (it obeys instructions hidden in tickets) and the first ${lab.tickets} sample tickets.`,
      lookAt: [
        'Press “Run” and wait for “Run finished”.',
        `Under “Tickets”, open ticket ${lab.ticketId}: its text hides an instruction to notify every customer.`,
        `Its call ${lab.action} reads “Refused”: the policy's deny list forbids it (rule ${lab.rule}), whatever the model asks.`,
      ],
      action: { kind: 'lab', label: 'Set up the run again' },
    },
  ];
}

/** The first step. */
export function startTour(): TourState {
  return { step: 0 };
}

/** The step after `state`, or null past the last one (the tour ends). */
export function nextStep(state: TourState, count: number): TourState | null {
  return state.step + 1 < count ? { step: state.step + 1 } : null;
}

/** The step before `state`; the first step stays where it is. */
export function previousStep(state: TourState): TourState {
  return { step: Math.max(0, state.step - 1) };
}

export function isFirstStep(state: TourState): boolean {
  return state.step === 0;
}

export function isLastStep(state: TourState, count: number): boolean {
  return state.step === count - 1;
}

/** "Step 2 of 3". */
export function stepLabel(state: TourState, count: number): string {
  return `Step ${state.step + 1} of ${count}`;
}

const STORED_FORMAT = 'clawproof-tour/1';

/** The text kept in session storage for `state` (null: the tour is closed, nothing kept). */
export function serializeTourState(state: TourState | null): string | null {
  return state === null ? null : JSON.stringify({ format: STORED_FORMAT, step: state.step });
}

/** The state kept in session storage; anything missing, malformed or out of range is no tour. */
export function parseTourState(text: string | null, count: number): TourState | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { format, step } = value as Record<string, unknown>;
  if (format !== STORED_FORMAT || typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= count) return null;
  return { step };
}
