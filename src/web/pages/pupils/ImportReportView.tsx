import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../contract/pupil-import.js';

/** What an import will do or did: counts, the pupils by name, and every problem (row, field, message). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const lists = [
    { key: 'added', label: t('pupilImport.added'), count: report.counts.added, items: report.added.map((p) => ({ ...p, fields: [] as string[] })) },
    { key: 'changed', label: t('pupilImport.changed'), count: report.counts.changed, items: report.changed },
    { key: 'returned', label: t('pupilImport.returned'), count: report.counts.returned, items: report.returned },
    { key: 'markedAsLeft', label: t('pupilImport.markedAsLeft'), count: report.counts.markedAsLeft, items: report.markedAsLeft.map((p) => ({ ...p, fields: [] as string[] })) },
  ];
  // While the file has errors, the counts would mislead (a row with an error is left out): show the errors only.
  const showPlan = report.applied || report.problems.length === 0;
  return (
    <div data-testid="import-report-view">
      {showPlan && (
        <>
      <dl className="facts">
        {lists.map((list) => (
          <div key={list.key} className="facts-row">
            <dt>{list.label}</dt>
            <dd data-testid={`import-count-${list.key}`}>
              {list.count}
              {list.items.length > 0 && (
                <details>
                  <summary>{t('pupilImport.showList', { count: list.count })}</summary>
                  <ul>
                    {list.items.map((p) => (
                      <li key={p.pupilNumber}>
                        {p.pupilNumber} {p.name}
                        {p.fields.length > 0 && ` (${t('pupilImport.changedFields', { fields: p.fields.map((f) => t(`pupilImport.fields.${f as 'surname'}`)).join(', ') })})`}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </dd>
          </div>
        ))}
        <div className="facts-row">
          <dt>{t('pupilImport.unchanged')}</dt>
          <dd data-testid="import-count-unchanged">{report.counts.unchanged}</dd>
        </div>
        {report.groupsCreated.length > 0 && (
          <div className="facts-row">
            <dt>{t('pupilImport.groupsCreated')}</dt>
            <dd>{report.groupsCreated.join(', ')}</dd>
          </div>
        )}
      </dl>
      <ul>
        <li>{t('pupilImport.guardians', { added: report.guardians.added, changed: report.guardians.changed })}</li>
        {report.format === 'edex' && <li>{t('pupilImport.teachersLinked', { count: report.teachers.linked })}</li>}
        {report.teachers.unmatched.length > 0 && <li>{t('pupilImport.teachersUnmatched', { emails: report.teachers.unmatched.join(', ') })}</li>}
      </ul>
        </>
      )}
      {report.problems.length > 0 ? (
        <div role="alert" className="alert alert-error" data-testid="import-problems">
          <p className="alert-message">{t('pupilImport.problemsTitle', { count: report.problems.length })}</p>
          <p>{t('pupilImport.problemsIntro')}</p>
          <div className="table-scroll">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('pupilImport.colRow')}</th>
                  <th scope="col">{t('pupilImport.colField')}</th>
                  <th scope="col">{t('pupilImport.colProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, index) => (
                  <tr key={`${p.row}-${p.field}-${index}`}>
                    <td>{p.row}</td>
                    <td>{t(`pupilImport.fields.${p.field}`)}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        !report.applied && <p>{t('pupilImport.noProblems')}</p>
      )}
    </div>
  );
}
