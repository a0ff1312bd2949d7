import { suppressColumnWithTotal, suppressSmallNumber, type Figure } from '~/modules/reporting/figures';
import type { RagStatus } from '~/modules/reporting/targets.server';

// One shape for every table the reports show, so the page, its CSV and the board pack print the same cells.
// Pure: suppression and CSV are decided here, formatting for the screen is the component's job.

export type CountCell = { kind: 'count'; value: Figure };
export type PercentCell = { kind: 'percent'; value: Figure | null };
export type DaysCell = { kind: 'days'; value: Figure | null };
export type Cell =
  | { kind: 'text'; value: string }
  | CountCell
  | PercentCell
  | DaysCell
  | { kind: 'pounds'; pence: number | null }
  | { kind: 'rag'; value: RagStatus | null };

type ReportColumn = { label: string; numeric?: boolean };
type ReportRow = { id: string; cells: Cell[] };
export type ReportTable = {
  /** Stable, URL-safe: the CSV link is /reports/csv/<id>. */
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Plain-English caveats printed under the table and kept out of the CSV. */
  notes?: string[];
};

export const SUPPRESSION_SYMBOL = 'x';

export const text = (value: string): Cell => ({ kind: 'text', value });
export const pounds = (pence: number | null): Cell => ({ kind: 'pounds', pence });
export const rag = (value: RagStatus | null): Cell => ({ kind: 'rag', value });

/**
 * Cells for counts and rates, exact for managers and suppressed for wider audiences (DOMAIN.md §6.8): counts 1–10
 * become x, and a rate or a figure derived from hidden counts is hidden with them.
 */
export function cellMaker(suppress: boolean) {
  const hide = (n: number) => suppress && suppressSmallNumber(n) !== n;
  return {
    suppress,
    hides: hide,
    count: (n: number): CountCell => ({ kind: 'count', value: hide(n) ? SUPPRESSION_SYMBOL : n }),
    /** A rate of two counts: hidden when either is. */
    rate: (numerator: number, denominator: number, value: number | null): PercentCell => ({
      kind: 'percent',
      value: hide(numerator) || hide(denominator) ? SUPPRESSION_SYMBOL : value,
    }),
    /** A count worked out from other counts (a net change): hidden when any of them is. */
    derivedCount: (value: number, from: readonly number[]): CountCell => ({ kind: 'count', value: from.some(hide) ? SUPPRESSION_SYMBOL : value }),
    /** Days summarising n cases (a median): hidden with n, since ten or fewer cases describe identifiable households. */
    derivedDays: (value: number | null, from: readonly number[]): DaysCell => ({ kind: 'days', value: from.some(hide) ? SUPPRESSION_SYMBOL : value }),
    /**
     * Counts printed beside their total: with secondary suppression, so the total minus the others never gives a
     * hidden cell back. Returns the cells and the total cell.
     */
    countsWithTotal: (counts: readonly number[]): { cells: CountCell[]; total: CountCell; hidden: boolean[] } => {
      if (!suppress) {
        return {
          cells: counts.map((value) => ({ kind: 'count', value })),
          total: { kind: 'count', value: counts.reduce((sum, n) => sum + n, 0) },
          hidden: counts.map(() => false),
        };
      }
      const result = suppressColumnWithTotal(counts, { symbol: SUPPRESSION_SYMBOL });
      return {
        cells: result.cells.map((value) => ({ kind: 'count', value })),
        total: { kind: 'count', value: result.total },
        hidden: result.hidden,
      };
    },
  };
}

export type CellMaker = ReturnType<typeof cellMaker>;

/** The value a cell has in a CSV: numbers as numbers, x as x, nothing as empty. */
function csvValue(cell: Cell): string | number | null {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'count':
    case 'percent':
    case 'days':
      return cell.value;
    case 'pounds':
      return cell.pence === null ? null : cell.pence / 100;
    case 'rag':
      return cell.value;
  }
}

/** The table as CSV: a header row of column labels, then one line per row, CRLF line ends (RFC 4180). */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((column) => column.label);
  return [header, ...table.rows.map((row) => row.cells.map(csvValue))].map(csvLine).join('');
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
