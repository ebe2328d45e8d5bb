/** One section of the report (Checks, Timeline, Tickets). */
export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly count?: number | undefined;
  /** Marks the tab when its section holds failures. */
  readonly alert?: boolean;
}
