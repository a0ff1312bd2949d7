import type { ReactNode } from 'react';

export type TableColumn = { header: ReactNode; numeric?: boolean };
export type TableRow = { id: string; cells: readonly ReactNode[] };

type TableProps = {
  caption: ReactNode;
  /** The caption still names the table for screen readers when a heading above already says what it is. */
  captionIsVisuallyHidden?: boolean;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** The first cell of each row names the row (a household reference, a month): rendered as th scope="row". */
  firstCellIsHeader?: boolean;
};

export function Table({ caption, captionIsVisuallyHidden = false, columns, rows, firstCellIsHeader = false }: TableProps) {
  const align = (column: TableColumn | undefined) => (column?.numeric ? 'text-right tabular-nums' : 'text-left');
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse">
        <caption className={captionIsVisuallyHidden ? 'sr-only' : 'mb-2 text-left text-xl font-bold'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`border-b border-line py-2.5 pr-5 font-bold ${align(column)}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {row.cells.map((cell, index) =>
                index === 0 && firstCellIsHeader ? (
                  <th key={index} scope="row" className={`border-b border-line py-2.5 pr-5 font-bold ${align(columns[index])}`}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={`border-b border-line py-2.5 pr-5 ${align(columns[index])}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
