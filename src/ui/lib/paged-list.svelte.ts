/**
 * One part of a lazy report (tickets, timeline, a long evidence list) as a list a virtual list
 * renders: every slot exists at once (so the scrollbar is right), and a slot's page is read the
 * first time a row of it is rendered (`want`), so only what the user scrolls to is ever loaded.
 */
import { getContext, setContext } from 'svelte';
import type { LazyReport, PartItem, PartName } from '../../store/index.js';
import { pageSizeOf } from '../../store/index.js';

export class PagedList<P extends PartName> {
  /** Loaded items; undefined where the page is not read yet (or could not be). Raw: never deep-proxied. */
  items: readonly (PartItem<P> | undefined)[] = $state.raw([]);
  /** One line per page that could not be read: shown instead of its rows. */
  problems: readonly string[] = $state.raw([]);
  readonly #report: LazyReport;
  readonly #part: P;
  readonly #asked = new Set<number>();

  constructor(report: LazyReport, part: P, start: readonly PartItem<P>[] = []) {
    this.#report = report;
    this.#part = part;
    const slots = new Array<PartItem<P> | undefined>(Math.max(report.total(part), start.length));
    start.forEach((item, i) => (slots[i] = item));
    this.items = slots;
  }

  get length(): number {
    return this.items.length;
  }

  /** Reads the page holding item `index`, once. */
  want(index: number): void {
    const page = Math.floor(index / pageSizeOf(this.#part));
    if (index < 0 || index >= this.items.length || this.#asked.has(page)) return;
    this.#asked.add(page);
    this.#report.page(this.#part, page).then(
      (read) => {
        if (!read.ok) {
          this.problems = [...this.problems, read.problem];
          return;
        }
        const next = this.items.slice();
        const from = page * pageSizeOf(this.#part);
        read.items.forEach((item, i) => (next[from + i] = item));
        this.items = next;
      },
      (cause: unknown) => {
        this.#asked.delete(page); // not damaged, just not read: scrolling back tries again
        this.problems = [...this.problems, cause instanceof Error ? cause.message : String(cause)];
      },
    );
  }
}

/** Svelte action for a rendered row: asks its list for the row's page. */
export function wantPage(_node: HTMLElement, args: { list: PagedList<PartName>; index: number }): { update: (next: typeof args) => void } {
  args.list.want(args.index);
  return { update: (next) => next.list.want(next.index) };
}

const REPORT = Symbol('lazy-report');

/** The report on show, for views deep in the tree (evidence lists) without threading it through every prop. */
export function provideReport(report: () => LazyReport): void {
  setContext(REPORT, report);
}

export function currentReport(): LazyReport {
  return (getContext(REPORT) as () => LazyReport)();
}
