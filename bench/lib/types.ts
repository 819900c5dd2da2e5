/** One line of the bench table (and one object of its JSON). */
export interface BenchRow {
  /** Stable id, e.g. `size.main`. */
  id: string;
  /** What is measured, as printed in the first column. */
  row: string;
  /** The measured figure, as printed. */
  figure: string;
  /** The figure as a number (bytes, count, ratio…), for JSON consumers. */
  value: number | null;
  /** The budget, as printed; `reference` / `info` rows have none. */
  budget: string;
  /** `true` within budget, `false` over it (or the measurement failed), `null` for reference rows. */
  pass: boolean | null;
  /** How it was measured, in a few words. */
  method: string;
  /** Raw numbers behind the figure. */
  details?: Record<string, unknown>;
}

/** Every measurement module exports this. */
export type Measure = () => Promise<BenchRow[]>;

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

/** A row that reports a failed measurement, so the table still shows every row and the run fails. */
export function failedRow(id: string, row: string, budget: string, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    row,
    figure: 'error',
    value: null,
    budget,
    pass: false,
    method: `measurement failed: ${message.split('\n', 1)[0]}`,
  };
}
