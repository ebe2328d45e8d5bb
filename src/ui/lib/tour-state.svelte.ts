/**
 * The guided tour as the page holds it: the current step (kept in session storage, so a reload
 * stays on it and a new tab starts without a tour), and the demo bundle a step asked the Verify
 * view to open. Entering a step does what the step is about (open its bundle, set up its Lab run)
 * and goes to its view.
 */
import { hashFor } from '../views.js';
import { demoBundles, type DemoBundle } from './demo-content.js';
import { prepareTourLabRun } from './tour-lab.js';
import { nextStep, parseTourState, previousStep, serializeTourState, startTour, tourSteps, type TourState, type TourStep } from './tour.js';

const STORAGE_KEY = 'clawproof.tour';

/** The tour's steps for this build, or null when its demo bundles are missing. */
export const TOUR_STEPS: readonly TourStep[] | null = tourSteps(demoBundles());

function readStored(): TourState | null {
  if (TOUR_STEPS === null) return null;
  try {
    return parseTourState(window.sessionStorage.getItem(STORAGE_KEY), TOUR_STEPS.length);
  } catch {
    // Storage can be refused (privacy settings): the tour then simply does not survive a reload.
    return null;
  }
}

function store(state: TourState | null): void {
  try {
    const text = serializeTourState(state);
    if (text === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, text);
  } catch {
    // See readStored.
  }
}

export const tour = $state<{ state: TourState | null; problem: string | null }>({ state: readStored(), problem: null });

/** A demo bundle a tour step wants the Verify view to open (taken, then cleared, by that view). */
export const tourRequest = $state<{ bundle: DemoBundle | null }>({ bundle: null });

export function currentStep(): TourStep | null {
  const state = tour.state;
  return state === null || TOUR_STEPS === null ? null : (TOUR_STEPS[state.step] ?? null);
}

/** Does what `step` is about and goes to its view. */
export function performStep(step: TourStep): void {
  tour.problem = null;
  const act = (): void => {
    const action = step.action;
    if (action.kind === 'verify') {
      tourRequest.bundle = action.bundle;
      return;
    }
    prepareTourLabRun().catch((cause: unknown) => {
      tour.problem = `The Lab run could not be set up: ${cause instanceof Error ? cause.message : String(cause)}`;
    });
  };
  const target = hashFor(step.view);
  if (window.location.hash === target) {
    act();
    return;
  }
  // Act once the shell has followed the new address: the Verify view clears itself on a plain
  // #/verify, which must happen before the step's bundle is opened, not during its verification.
  window.addEventListener('hashchange', act, { once: true });
  window.location.hash = target;
}

function enter(state: TourState | null): void {
  tour.state = state;
  store(state);
  const step = currentStep();
  if (step !== null) performStep(step);
}

export function beginTour(): void {
  enter(startTour());
}

export function goNext(): void {
  if (tour.state === null || TOUR_STEPS === null) return;
  enter(nextStep(tour.state, TOUR_STEPS.length));
}

export function goBack(): void {
  if (tour.state === null) return;
  enter(previousStep(tour.state));
}

export function leaveTour(): void {
  tour.problem = null;
  enter(null);
}
