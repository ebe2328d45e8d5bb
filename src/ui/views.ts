/** The four top-level views of the app and how they map to the location hash (`#/lab`). */

export const VIEW_IDS = ['verify', 'lab', 'library', 'trust'] as const;

export type ViewId = (typeof VIEW_IDS)[number];

export interface ViewInfo {
  readonly id: ViewId;
  /** Short label for the navigation. */
  readonly label: string;
  /** Heading of the view. */
  readonly title: string;
  /** What the view is for, in one paragraph. */
  readonly purpose: string;
  /** What arrives there next (the shell only shows placeholders). */
  readonly arriving: string;
}

export const VIEWS: readonly ViewInfo[] = [
  {
    id: 'verify',
    label: 'Verify',
    title: 'Verify a proof bundle',
    purpose:
      'Open a .clawproof bundle and check it offline against your own trust root: every signature, ' +
      'hash and policy pin, every tool decision re-evaluated under the pinned policy, and each ' +
      "ticket's diff next to the receipts, proposals and approvals that explain it.",
    arriving: 'Dropping a bundle here and reading its report, check by check, with the evidence each one looked at.',
  },
  {
    id: 'lab',
    label: 'Lab',
    title: 'Lab',
    purpose:
      'Dry-run a Work Policy Contract on sample tickets, or on tickets you exported, in a local simulated ' +
      'runtime: a policy store, a token minter, a receipting model proxy and an executor that enforces the ' +
      'policy on every tool call with two-phase commit. Every run produces a proof bundle.',
    arriving: 'Choosing a policy and a ticket set, running the job, and watching each decision as it is made.',
  },
  {
    id: 'library',
    label: 'Library',
    title: 'Library',
    purpose:
      'The bundles you have opened and the reports computed for them, kept on this device only. ' +
      'Nothing you load here is uploaded anywhere.',
    arriving: 'A searchable list of bundles and reports, with replay detection across everything you have seen.',
  },
  {
    id: 'trust',
    label: 'Trust',
    title: 'Trust root',
    purpose:
      'The public keys you trust for each role (controls, scope, proxy, harness, approver, log) and when each ' +
      'one is valid. A bundle never brings its own trust: only the keys listed here can make it pass.',
    arriving: 'Importing, reviewing and exporting your trust root, and a demo root for the sample bundles.',
  },
];

export const DEFAULT_VIEW: ViewId = 'verify';

export function hashFor(id: ViewId): string {
  return `#/${id}`;
}

/** Where the location hash points: a view, and for Verify optionally a bundle of the Library. */
export interface Route {
  readonly view: ViewId;
  /** `#/verify/sha256:<hex>`: the stored bundle whose report to show (a reload shows it again). */
  readonly bundle: string | null;
}

const BUNDLE_SEGMENT = /^sha256:[0-9a-f]{64}$/;

/** The route a location hash names; anything unknown or malformed falls back to the default view. */
export function routeFromHash(hash: string): Route {
  const path = hash.startsWith('#/') ? hash.slice(2) : '';
  const [name = '', second, ...rest] = path.split('/');
  if (!(VIEW_IDS as readonly string[]).includes(name)) return { view: DEFAULT_VIEW, bundle: null };
  const view = name as ViewId;
  if (second === undefined || second === '') return { view, bundle: null };
  // Only Verify takes a bundle; a decoded segment must be exactly one sha256 digest.
  const bundle = view === 'verify' && rest.length === 0 ? safeDecode(second) : null;
  return bundle !== null && BUNDLE_SEGMENT.test(bundle) ? { view, bundle } : { view: DEFAULT_VIEW, bundle: null };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The view a location hash names; anything unknown or malformed falls back to the default view. */
export function viewFromHash(hash: string): ViewId {
  return routeFromHash(hash).view;
}

/** The address of a stored bundle's report. */
export function bundleHref(bundleHash: string): string {
  return `${hashFor('verify')}/${bundleHash}`;
}

export function viewInfo(id: ViewId): ViewInfo {
  const info = VIEWS.find((view) => view.id === id);
  if (info === undefined) throw new Error(`No view is registered for "${id}".`);
  return info;
}
