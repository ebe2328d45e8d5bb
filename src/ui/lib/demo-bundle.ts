/** A demo bundle the app ships (src/ui/lib/demo-content.ts lists them); a plain type, usable outside Vite. */
export interface DemoBundle {
  /** File name, e.g. `good.clawproof`. */
  readonly name: string;
  /** What the list shows: the file name, with its folder for the format v2 bundles (`v2/good.clawproof`), which share names with v1's. */
  readonly label: string;
  /** The folder under fixtures/bundles ('' at the top). */
  readonly group: string;
  /** Whether the bundle was made to fail verification. */
  readonly tampered: boolean;
  /** What the bundle shows, or for a tampered one what was changed, in plain words where the index has them. */
  readonly note: string | null;
  /** For a tampered bundle: the check that must catch it (id and title) and that check's code. */
  readonly expect: { readonly check: string; readonly title: string; readonly code: string } | null;
  /** For a tampered bundle: the file name of the good bundle it was made from, when the index says. */
  readonly from: string | null;
  readonly url: string;
}
