import { Table } from '~/components/govuk/Table';
import { Tag, type TagColour } from '~/components/govuk/Tag';
import { formatNumber, formatPounds } from '~/lib/uk';
import type { Cell, ReportTable } from '~/modules/reporting/report-table';

// A report table as the page shows it, with its caveats and its CSV link. Figures arrive already suppressed where
// the viewer may not see them; this only formats.

const RAG_TAGS: Record<'green' | 'amber' | 'red', { colour: TagColour; text: string }> = {
  green: { colour: 'green', text: 'Green: at or above target' },
  amber: { colour: 'yellow', text: 'Amber: up to 5 points below' },
  red: { colour: 'red', text: 'Red: more than 5 points below' },
};

export function formatCell(cell: Cell) {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'count':
      return typeof cell.value === 'number' ? formatNumber(cell.value) : cell.value;
    case 'days':
      if (cell.value === null) return 'Not applicable';
      return typeof cell.value === 'number' ? formatNumber(cell.value) : cell.value;
    case 'percent':
      if (cell.value === null) return 'Not applicable';
      return typeof cell.value === 'number' ? `${formatNumber(cell.value, { maximumFractionDigits: 1 })}%` : cell.value;
    case 'pounds':
      return cell.pence === null ? 'Not recorded' : formatPounds(cell.pence);
    case 'rag':
      return cell.value ? <Tag colour={RAG_TAGS[cell.value].colour}>{RAG_TAGS[cell.value].text}</Tag> : 'Not applicable';
  }
}

export function ReportTableView({ table, csvHref }: { table: ReportTable; csvHref?: string }) {
  return (
    <section className="mb-10 break-inside-avoid-page" aria-labelledby={`${table.id}-heading`}>
      <h2 id={`${table.id}-heading`} className="mb-2 text-2xl font-bold">
        {table.title}
      </h2>
      <Table
        caption={table.title}
        captionIsVisuallyHidden
        firstCellIsHeader
        columns={table.columns.map((column) => ({ header: column.label, numeric: column.numeric }))}
        rows={table.rows.map((row) => ({ id: row.id, cells: row.cells.map(formatCell) }))}
      />
      {table.notes?.map((note) => (
        <p key={note} className="mb-2 max-w-3xl text-base text-muted">
          {note}
        </p>
      ))}
      {csvHref ? (
        <p className="mt-2 print:hidden">
          <a className="underline" href={csvHref} download>
            Download this table as CSV<span className="sr-only">: {table.title}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}
