import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

export interface TableColumn {
  label: ReactNode;
  className?: string;
}

/**
 * A card holding one titled table: the administration lists (staff, invitations, groups, sign-in
 * providers) share this frame. `rows` are the table body's rows; `actions` adds a last column whose
 * header only screen readers hear.
 */
export function TableCard({
  titleId,
  title,
  error,
  testId,
  tableClassName,
  columns,
  actions,
  rows,
}: {
  titleId: string;
  title: ReactNode;
  error?: unknown;
  testId: string;
  tableClassName?: string;
  columns: readonly TableColumn[];
  actions?: false | { className?: string };
  rows: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card card-flush" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title card-flush-title">
        {title}
      </h2>
      {error ? (
        <div className="card-flush-alert">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <div className="table-scroll">
        <table className={tableClassName ? `table ${tableClassName}` : 'table'} data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.className}>
                  {column.label}
                </th>
              ))}
              {actions && (
                <th scope="col" className={actions.className}>
                  <span className="sr-only">{t('staff.col.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </section>
  );
}
