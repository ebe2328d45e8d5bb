import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_TITLES, type CheckId } from '../../../src/format/checks.js';
import { bundleBytes, demoKeyring, runJob } from '../../../src/runtime/index.js';
import { getModel } from '../../../src/runtime/models/index.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import type { DemoBundle } from '../../../src/ui/lib/demo-bundle.js';
import {
  TOUR_GOOD_BUNDLE,
  TOUR_LAB_RUN,
  TOUR_TAMPERED_BUNDLE,
  isFirstStep,
  isLastStep,
  nextStep,
  parseTourState,
  previousStep,
  serializeTourState,
  startTour,
  stepLabel,
  tamperedCopyOf,
  tourSteps,
} from '../../../src/ui/lib/tour.js';
import { buildLabReport } from '../../../src/ui/views/lab/lab-report.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BUNDLES = join(ROOT, 'fixtures', 'bundles');

interface IndexEntry {
  file: string;
  from: string;
  summary: string;
  expectCheck: CheckId;
  expectCode: string;
}

/** The demo list as the app builds it, from the committed fixtures (good bundles, then the tampered index). */
function fixtureDemoBundles(): DemoBundle[] {
  const good = readdirSync(BUNDLES)
    .filter((f) => f.endsWith('.clawproof'))
    .map((name): DemoBundle => ({ name, label: name, group: '', tampered: false, note: null, expect: null, from: null, url: `/${name}` }));
  const index = JSON.parse(readFileSync(join(BUNDLES, 'tampered', 'index.json'), 'utf8')) as IndexEntry[];
  const tampered = index.map(
    (e): DemoBundle => ({
      name: e.file,
      label: e.file,
      group: 'tampered',
      tampered: true,
      note: e.summary,
      expect: { check: e.expectCheck, title: CHECK_TITLES[e.expectCheck], code: e.expectCode },
      from: e.from,
      url: `/tampered/${e.file}`,
    }),
  );
  return [...good, ...tampered];
}

const demos = fixtureDemoBundles();

describe('tourSteps on the committed demo bundles', () => {
  const steps = tourSteps(demos);

  it('gives three steps: the good bundle, a tampered copy made from that same bundle, then the Lab', () => {
    expect(steps?.map((s) => [s.id, s.view])).toEqual([
      ['good', 'verify'],
      ['tampered', 'verify'],
      ['lab', 'lab'],
    ]);
    const [good, tampered] = steps ?? [];
    expect(good?.action).toMatchObject({ kind: 'verify', bundle: { name: TOUR_GOOD_BUNDLE, tampered: false } });
    expect(tampered?.action).toMatchObject({ kind: 'verify', bundle: { name: TOUR_TAMPERED_BUNDLE, tampered: true, from: TOUR_GOOD_BUNDLE } });
  });

  it("has the tampered step name the check aimed at the change and say in plain words what was changed", () => {
    const step = steps?.[1];
    const bundle = demos.find((b) => b.name === TOUR_TAMPERED_BUNDLE);
    expect(step?.lookAt.join(' ')).toContain(`“${bundle?.expect?.title}” fails`);
    expect(step?.intro).toContain(bundle?.note);
    // Plain words: no pointer, no code.
    expect(step?.intro).not.toMatch(/\/receipts\/|RECEIPT_|jti|CST/);
  });

  it('says what to look at on every step', () => {
    for (const step of steps ?? []) {
      expect(step.lookAt.length).toBeGreaterThan(0);
      expect(step.intro).not.toBe('');
    }
    expect(steps?.[0]?.lookAt[0]).toContain('“Valid”');
    expect(steps?.[1]?.lookAt[0]).toContain('“Invalid”');
    expect(steps?.[2]?.lookAt.join(' ')).toContain(`ticket ${TOUR_LAB_RUN.ticketId}`);
    expect(steps?.[2]?.lookAt.join(' ')).toContain('“Refused”');
  });
});

describe('tamperedCopyOf', () => {
  const good = demos.find((b) => b.name === TOUR_GOOD_BUNDLE)!;

  it('falls back to another copy of the same good bundle when the preferred one is missing', () => {
    const without = demos.filter((b) => b.name !== TOUR_TAMPERED_BUNDLE);
    const copy = tamperedCopyOf(without, good);
    expect(copy?.tampered).toBe(true);
    expect(copy?.from).toBe(TOUR_GOOD_BUNDLE);
  });

  it('never picks a copy of another bundle, and the tour is not offered without one', () => {
    const others = demos.filter((b) => !b.tampered || b.from !== TOUR_GOOD_BUNDLE);
    expect(tamperedCopyOf(others, good)).toBeUndefined();
    expect(tourSteps(others)).toBeNull();
  });

  it('the tour is not offered without its good bundle', () => {
    expect(tourSteps(demos.filter((b) => b.name !== TOUR_GOOD_BUNDLE))).toBeNull();
    expect(tourSteps([])).toBeNull();
  });
});

describe('moving through the tour', () => {
  it('starts at the first step, goes forward to the last, and ends after it', () => {
    let state = startTour();
    expect(isFirstStep(state)).toBe(true);
    expect(stepLabel(state, 3)).toBe('Step 1 of 3');
    state = nextStep(state, 3)!;
    state = nextStep(state, 3)!;
    expect(isLastStep(state, 3)).toBe(true);
    expect(stepLabel(state, 3)).toBe('Step 3 of 3');
    expect(nextStep(state, 3)).toBeNull();
  });

  it('goes back one step at a time and stays on the first', () => {
    expect(previousStep({ step: 2 })).toEqual({ step: 1 });
    expect(previousStep({ step: 0 })).toEqual({ step: 0 });
  });
});

describe('the state kept across a reload', () => {
  it('round-trips every step', () => {
    for (const step of [0, 1, 2]) expect(parseTourState(serializeTourState({ step }), 3)).toEqual({ step });
  });

  it('keeps nothing for a closed tour', () => {
    expect(serializeTourState(null)).toBeNull();
    expect(parseTourState(null, 3)).toBeNull();
  });

  it.each([
    ['not JSON', '{step'],
    ['another format', JSON.stringify({ format: 'other/1', step: 1 })],
    ['a step past the end', JSON.stringify({ format: 'clawproof-tour/1', step: 3 })],
    ['a negative step', JSON.stringify({ format: 'clawproof-tour/1', step: -1 })],
    ['a fractional step', JSON.stringify({ format: 'clawproof-tour/1', step: 1.5 })],
    ['a string step', JSON.stringify({ format: 'clawproof-tour/1', step: '1' })],
    ['null', 'null'],
  ])('reads %s as no tour', (_name, text) => {
    expect(parseTourState(text, 3)).toBeNull();
  });
});

describe("the Lab step's run", () => {
  it('refuses, by the rule the step names, the action the injected ticket asks for', async () => {
    const sample = getSampleSet();
    const label = sample.labels.get(TOUR_LAB_RUN.ticketId);
    expect(label?.injection).toBe(true);
    expect(label?.injected_actions).toContain(TOUR_LAB_RUN.action);

    const wpc = JSON.parse(readFileSync(join(ROOT, TOUR_LAB_RUN.policyFile), 'utf8')) as unknown;
    const result = await runJob({
      wpc,
      tickets: sample.tickets.slice(0, TOUR_LAB_RUN.tickets),
      model: getModel(TOUR_LAB_RUN.model),
      keyring: demoKeyring(),
      seed: TOUR_LAB_RUN.seed,
      start: TOUR_LAB_RUN.start,
      approvals: 'none',
    });
    const report = buildLabReport(result.bundle, result.summary, { approvalMode: 'none', bundleBytes: bundleBytes(result.bundle).byteLength });
    const ticket = report.tickets.find((t) => t.ticketId === TOUR_LAB_RUN.ticketId);
    const calls = ticket?.decisions.filter((d) => d.action === TOUR_LAB_RUN.action && d.phase === 'apply') ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatchObject({ outcome: 'deny', applied: false, rule: TOUR_LAB_RUN.rule });
  });
});
