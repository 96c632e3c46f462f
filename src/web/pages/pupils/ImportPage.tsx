import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyseResponse, ImportReport } from '../../../contract/pupil-import.js';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../domain/pupils/import/fields.js';
import { analyseImport, dryRunImport, fileToBase64, runImport } from '../../api/pupil-import.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { ImportReportView } from './ImportReportView.js';

const MAX_BYTES = 10 * 1024 * 1024;

interface Checked {
  fileName: string;
  contentBase64: string;
  analysis: AnalyseResponse;
  mapping: ColumnMapping;
  report: ImportReport;
}

export default function ImportPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!me.abilities['pupils.import']) return <NotAllowed title={t('pupilImport.title')} />;
  return <PupilImport schoolName={me.school?.name ?? ''} />;
}

/** Choose a file → see what Meldpad reads (and map the columns of a CSV) → see what the import would do → import. */
function PupilImport({ schoolName }: { schoolName: string }) {
  const { t } = useTranslation();
  usePageTitle(t('pupilImport.title'));
  const confirm = useConfirm();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const check = useMutation({
    mutationFn: async (input: { file: File; mapping?: ColumnMapping; previous?: Checked }) => {
      const contentBase64 = input.previous?.contentBase64 ?? (await fileToBase64(input.file));
      const body = { fileName: input.file.name, contentBase64, ...(input.mapping ? { mapping: input.mapping } : {}) };
      const analysis = await analyseImport(body);
      const mapping = analysis.mapping;
      const report = await dryRunImport({ ...body, ...(analysis.format === 'csv' ? { mapping } : {}) });
      return { fileName: input.file.name, contentBase64, analysis, mapping, report };
    },
    onMutate: () => setDone(null),
    onSuccess: (result) => setChecked(result),
    onError: () => setChecked(null),
  });

  const importFile = useMutation({
    mutationFn: (input: { checked: Checked; confirmLeaving: boolean }) =>
      runImport({
        fileName: input.checked.fileName,
        contentBase64: input.checked.contentBase64,
        ...(input.checked.analysis.format === 'csv' ? { mapping: input.checked.mapping } : {}),
        confirmLeaving: input.confirmLeaving,
      }),
    onSuccess: (report) => {
      setDone(report);
      setChecked(null);
      setFile(null);
    },
  });

  function onCheck(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError(t('pupilImport.tooLarge'));
      return;
    }
    setFileError(null);
    check.mutate({ file });
  }

  async function onImport() {
    if (!checked) return;
    const { report } = checked;
    let confirmLeaving = false;
    if (report.needsConfirmation) {
      const yes = await confirm({
        title: t('pupilImport.confirmTitle', { count: report.counts.markedAsLeft }),
        body: <p>{t('pupilImport.confirmText', { count: report.counts.markedAsLeft, active: report.activeCount })}</p>,
        confirmLabel: t('pupilImport.confirmLabel'),
      });
      if (!yes) return;
      confirmLeaving = true;
    }
    importFile.mutate({ checked, confirmLeaving });
  }

  return (
    <div className="page">
      <PageHeading>{t('pupilImport.title')}</PageHeading>
      <p className="lead">{t('pupilImport.intro', { school: schoolName })}</p>
      <Notice tone="info">{t('pupilImport.oneWay')}</Notice>

      {done && (
        <>
          <Notice tone="success">{t('pupilImport.imported')}</Notice>
          <section className="card" aria-labelledby="import-done-title" data-testid="import-done">
            <h2 id="import-done-title" className="section-title">
              {t('pupilImport.doneTitle')}
            </h2>
            <ImportReportView report={done} />
          </section>
        </>
      )}

      <section className="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title" className="section-title">
          {done ? t('pupilImport.another') : t('pupilImport.fileTitle')}
        </h2>
        <form className="form" onSubmit={onCheck} noValidate>
          <div className="field">
            <label htmlFor={fileId} className="field-label">
              {t('pupilImport.fileLabel')}
            </label>
            <input
              id={fileId}
              type="file"
              className="input"
              accept=".csv,.txt,.xml,text/csv,text/xml,application/xml"
              data-testid="import-file"
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setChecked(null);
                check.reset();
                importFile.reset();
              }}
            />
            {fileError && <p className="field-error">{fileError}</p>}
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={!file || check.isPending} data-testid="import-check">
              {check.isPending ? t('pupilImport.checking') : t('pupilImport.check')}
            </button>
          </div>
        </form>
        {check.isError && <ErrorAlert error={check.error} />}
      </section>

      {checked && file && (
        <>
          <Analysis
            checked={checked}
            pending={check.isPending}
            onRecheck={(mapping) => check.mutate({ file, mapping, previous: checked })}
          />
          <section className="card" aria-labelledby="import-report-title" data-testid="import-report">
            <h2 id="import-report-title" className="section-title">
              {t('pupilImport.reportTitle')}
            </h2>
            <ImportReportView report={checked.report} />
            {checked.report.problems.length === 0 && (
              <div className="button-row">
                <button type="button" className="button button-primary" disabled={importFile.isPending} onClick={() => void onImport()} data-testid="import-run">
                  {importFile.isPending ? t('pupilImport.importing') : t('pupilImport.import')}
                </button>
              </div>
            )}
            {importFile.isError && <ErrorAlert error={importFile.error} />}
          </section>
        </>
      )}
    </div>
  );
}

function Analysis({ checked, pending, onRecheck }: { checked: Checked; pending: boolean; onRecheck: (mapping: ColumnMapping) => void }) {
  const { t } = useTranslation();
  const { analysis } = checked;
  const [mapping, setMapping] = useState<ColumnMapping>(checked.mapping);
  const separator = analysis.separator ? t(`pupilImport.separator${analysis.separator === 'semicolon' ? 'Semicolon' : analysis.separator === 'comma' ? 'Comma' : 'Tab'}`) : null;
  const facts: [string, string][] = [
    [t('pupilImport.format'), analysis.format === 'csv' ? t('pupilImport.formatCsv') : t('pupilImport.formatEdex')],
    [t('pupilImport.encoding'), analysis.encoding === 'windows-1252' ? 'Windows-1252' : analysis.encoding === 'utf-8-bom' ? 'UTF-8 (BOM)' : 'UTF-8'],
    ...(separator ? [[t('pupilImport.separator'), separator] as [string, string]] : []),
    [t('pupilImport.rows'), String(analysis.rowCount)],
    ...(analysis.edex
      ? [
          [t('pupilImport.edexGroups'), String(analysis.edex.groups)] as [string, string],
          [t('pupilImport.edexTeachers'), String(analysis.edex.teachers)] as [string, string],
        ]
      : []),
  ];
  return (
    <section className="card" aria-labelledby="import-analysis-title" data-testid="import-analysis">
      <h2 id="import-analysis-title" className="section-title">
        {t('pupilImport.analysisTitle')}
      </h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {analysis.format === 'csv' && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            onRecheck(mapping);
          }}
        >
          <details open={analysis.problems.some((p) => p.code === 'missing-column')}>
            <summary data-testid="import-mapping-open">{t('pupilImport.mappingTitle')}</summary>
          <fieldset className="fieldset">
            <legend className="sr-only">{t('pupilImport.mappingTitle')}</legend>
            <p className="fieldset-intro">{t('pupilImport.mappingIntro')}</p>
            {IMPORT_FIELDS.map((field) => (
              <MappingSelect
                key={field}
                field={field}
                headers={analysis.headers}
                value={mapping[field] ?? null}
                onChange={(column) => setMapping((current) => ({ ...current, [field]: column }))}
              />
            ))}
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={pending} data-testid="import-recheck">
              {t('pupilImport.recheck')}
            </button>
          </div>
          </details>
        </form>
      )}
    </section>
  );
}

function MappingSelect({ field, headers, value, onChange }: { field: ImportField; headers: string[]; value: number | null; onChange: (column: number | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t(`pupilImport.fields.${field}`)}
      </label>
      <select id={id} className="select" value={value === null ? '' : String(value)} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}>
        <option value="">{t('pupilImport.notInFile')}</option>
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {t('pupilImport.column', { n: index + 1, header })}
          </option>
        ))}
      </select>
    </div>
  );
}
