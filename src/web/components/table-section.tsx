/**
 * A titled section holding one data table, or a short "nothing here" line when it has no rows.
 * Pages describe their columns; the table scaffolding and its accessibility live here once.
 */
import type { ReactNode } from 'react';

export function TableSection<T>({
  id,
  title,
  empty,
  headers,
  rows,
  rowKey,
  renderRow,
}: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly headers: readonly string[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  /** The cells of one row (<th scope="row"> or <td> elements). */
  readonly renderRow: (row: T) => ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                {headers.map((header) => (
                  <th scope="col" key={header}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>{renderRow(row)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
