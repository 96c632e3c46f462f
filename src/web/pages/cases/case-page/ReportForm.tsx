import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCheckResponse, ReportInput } from '../../../../contract/cases.js';
import { INFORM_EXCEPTION_GROUNDS, PROCEDURAL_FINDING_CODES, type InformExceptionGround } from '../../../../domain/cases/procedural-check.js';
import { ApiError } from '../../../api/client.js';
import { checkReport, recordReport } from '../../../api/cases.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { FactualLanguageHint } from '../../../components/FactualLanguageHint.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { isDate, todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, refreshCase, useServerErrors, type FieldErrors } from './entry-form.js';
import { groundLabel, useFindingLabel } from './report-entry.js';

type Finding = ReportCheckResponse['findings'][number];
type How = 'phone' | 'form';
type YesNo = 'yes' | 'no';

const reasonField = (code: string) => `proceedReasons-${code}`;

/** The form's fields in their order on screen: for focus and for the server's errors. */
const FIELDS = [
  'acute',
  'reportedOn',
  'how',
  'reference',
  'whatReported',
  'anonymityRequested',
  'anonymityReason',
  'parentsInformed',
  'parentsInformedOn',
  'informExceptionGround',
  'proceedReasons',
  ...PROCEDURAL_FINDING_CODES.map(reasonField),
] as const;

type Props = {
  idPrefix: string;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * The casushouder's report to Veilig Thuis. Before it is saved the procedural check runs: what the
 * meldcode expects and the file lacks is listed, each point with how to mend it and a reason to go
 * on anyway. The check warns; in acute danger it never holds the report up.
 */
export function ReportForm({ idPrefix, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const lang = currentLanguage();
  const findingLabel = useFindingLabel();
  const today = todayAtSchool();
  const [acute, setAcute] = useState(false);
  const [reportedOn, setReportedOn] = useState(today);
  const [how, setHow] = useState<How | null>(null);
  const [reference, setReference] = useState('');
  const [whatReported, setWhatReported] = useState('');
  const [anonymityRequested, setAnonymityRequested] = useState(false);
  const [anonymityReason, setAnonymityReason] = useState('');
  const [parentsInformed, setParentsInformed] = useState<YesNo | null>(null);
  const [parentsInformedOn, setParentsInformedOn] = useState('');
  const [ground, setGround] = useState<InformExceptionGround | null>(null);
  /** The check's findings as shown; null until the file has been checked. */
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [reasons, setReasons] = useState<Partial<Record<string, string>>>({});
  const [recheck, setRecheck] = useState(false);
  const checkRef = useRef<HTMLDivElement>(null);
  const problems = useServerErrors(idPrefix, FIELDS);
  const { errors } = problems;

  function body(): ReportInput {
    const informed = parentsInformed === 'yes';
    const proceedReasons: Partial<Record<Finding['code'], string>> = {};
    for (const finding of findings ?? []) {
      const reason = (reasons[finding.code] ?? '').trim();
      if (reason !== '') proceedReasons[finding.code] = reason;
    }
    return {
      reportedOn,
      how: how!,
      reference: reference.trim() === '' ? null : reference.trim(),
      whatReported: whatReported.trim(),
      anonymityRequested,
      anonymityReason: anonymityRequested ? anonymityReason.trim() : null,
      parentsInformed: informed,
      parentsInformedOn: informed ? parentsInformedOn : null,
      informExceptionGround: informed ? null : ground,
      acute,
      proceedReasons,
    };
  }

  const check = useMutation({ mutationFn: () => checkReport(caseId, body()) });

  const save = useMutation({
    mutationFn: () => recordReport(caseId, body()),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: (error) => {
      problems.show(error);
      // The file changed since the last check (someone recorded or removed something): check again,
      // so the list shows every point the server asks a reason for.
      if (error instanceof ApiError && error.code === 'procedural-reasons-required') {
        check.mutate(undefined, { onSuccess: (result) => setFindings(result.findings) });
      }
    },
  });

  function validate(): FieldErrors {
    return {
      reportedOn: checkPastDate(reportedOn, today, t),
      how: how === null ? t('casePage.report.form.howRequired') : undefined,
      whatReported: whatReported.trim() === '' ? t('casePage.report.form.whatReportedRequired') : undefined,
      anonymityReason: anonymityRequested && anonymityReason.trim() === '' ? t('casePage.report.form.anonymityReasonRequired') : undefined,
      parentsInformed: parentsInformed === null ? t('casePage.report.form.parentsRequired') : undefined,
      parentsInformedOn:
        parentsInformed !== 'yes'
          ? undefined
          : !isDate(parentsInformedOn)
            ? t('casePage.report.form.parentsInformedOnRequired')
            : (checkPastDate(parentsInformedOn, today, t) ?? (isDate(reportedOn) && parentsInformedOn > reportedOn ? t('casePage.report.form.parentsInformedAfter') : undefined)),
      informExceptionGround: parentsInformed === 'no' && ground === null ? t('casePage.report.form.groundRequired') : undefined,
    };
  }

  function showFindings(found: Finding[], changed: boolean) {
    setFindings(found);
    setRecheck(changed);
    window.setTimeout(() => checkRef.current?.focus(), 0);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check.isPending || save.isPending) return;
    if (!problems.check(validate())) return;
    // In acute danger the report goes now: the server records what the check finds, reasons or not.
    if (acute) {
      save.mutate();
      return;
    }
    let found: Finding[];
    try {
      found = (await check.mutateAsync()).findings;
    } catch (error) {
      problems.show(error);
      return;
    }
    // The first check, or one that finds a point not shown yet: the person reads the list first.
    if (findings === null || found.some((f) => !findings.some((shown) => shown.code === f.code))) {
      showFindings(found, findings !== null);
      return;
    }
    setFindings(found);
    const missing: FieldErrors = {};
    for (const finding of found) {
      if ((reasons[finding.code] ?? '').trim() === '') missing[reasonField(finding.code)] = t('casePage.report.check.reasonRequired');
    }
    if (!problems.check(missing)) return;
    save.mutate();
  }

  const checked = findings !== null;
  const pending = check.isPending || save.isPending;
  const submitLabel = save.isPending
    ? t('common.saving')
    : check.isPending
      ? t('casePage.report.form.checking')
      : acute || checked
        ? t('casePage.report.form.save')
        : t('casePage.report.form.check');

  return (
    <form className="form case-form report-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${idPrefix}-title`} data-testid="report-form">
      <h5 id={`${idPrefix}-title`} className="case-form-title">
        {t('casePage.report.form.title')}
      </h5>
      <p className="muted report-form-intro">{t('casePage.report.form.intro')}</p>
      <ErrorAlert error={problems.alert} />

      <div className={acute ? 'report-acute report-acute-on' : 'report-acute'}>
        <div className="checkbox checkbox-top">
          <input
            id={`${idPrefix}-acute`}
            type="checkbox"
            className="checkbox-input"
            checked={acute}
            aria-describedby={`${idPrefix}-acute-hint`}
            onChange={(event) => setAcute(event.target.checked)}
            data-testid="report-acute"
          />
          <div className="report-checkbox-text">
            <label htmlFor={`${idPrefix}-acute`} className="checkbox-label report-acute-label">
              {t('casePage.report.form.acute')}
            </label>
            <p id={`${idPrefix}-acute-hint`} className="field-hint">
              {t('casePage.report.form.acuteHint')}
            </p>
          </div>
        </div>
      </div>

      <div className="report-form-row">
        <TextField
          id={`${idPrefix}-reportedOn`}
          type="date"
          className="input-date"
          label={t('casePage.report.form.reportedOn')}
          hint={t('casePage.report.form.reportedOnHint')}
          max={today}
          required
          value={reportedOn}
          onChange={(event) => setReportedOn(event.target.value)}
          error={errors['reportedOn'] ?? null}
          data-testid="report-reported-on"
        />
        <TextField
          id={`${idPrefix}-reference`}
          label={t('casePage.report.form.reference')}
          hint={t('casePage.report.form.referenceHint')}
          maxLength={100}
          autoComplete="off"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={errors['reference'] ?? null}
          data-testid="report-reference"
        />
      </div>
      <RadioGroup
        idPrefix={`${idPrefix}-how`}
        name={`${idPrefix}-how`}
        legend={t('casePage.report.form.how')}
        options={[
          { value: 'phone', label: t('casePage.report.hows.phone') },
          { value: 'form', label: t('casePage.report.hows.form') },
        ]}
        value={how}
        onChange={setHow}
        error={errors['how'] ?? null}
        variant="inline"
      />
      <div className="report-what">
        <TextAreaField
          id={`${idPrefix}-whatReported`}
          label={t('casePage.report.form.whatReported')}
          hint={t('casePage.report.form.whatReportedHint')}
          rows={6}
          maxLength={10000}
          required
          value={whatReported}
          onChange={(event) => setWhatReported(event.target.value)}
          error={errors['whatReported'] ?? null}
          data-testid="report-what"
        />
        <FactualLanguageHint text={whatReported} />
      </div>

      <fieldset className="report-fieldset">
        <legend className="field-label">{t('casePage.report.anonymity')}</legend>
        <div className="checkbox checkbox-top">
          <input
            id={`${idPrefix}-anonymityRequested`}
            type="checkbox"
            className="checkbox-input"
            checked={anonymityRequested}
            aria-describedby={`${idPrefix}-anonymityRequested-hint`}
            onChange={(event) => setAnonymityRequested(event.target.checked)}
            data-testid="report-anonymity"
          />
          <div className="report-checkbox-text">
            <label htmlFor={`${idPrefix}-anonymityRequested`} className="checkbox-label">
              {t('casePage.report.form.anonymity')}
            </label>
            <p id={`${idPrefix}-anonymityRequested-hint`} className="field-hint">
              {t('casePage.report.form.anonymityHint')}
            </p>
          </div>
        </div>
        {anonymityRequested && (
          <TextAreaField
            id={`${idPrefix}-anonymityReason`}
            label={t('casePage.report.form.anonymityReason')}
            rows={2}
            maxLength={2000}
            required
            value={anonymityReason}
            onChange={(event) => setAnonymityReason(event.target.value)}
            error={errors['anonymityReason'] ?? null}
            data-testid="report-anonymity-reason"
          />
        )}
      </fieldset>

      <div className="report-parents">
        <RadioGroup
          idPrefix={`${idPrefix}-parentsInformed`}
          name={`${idPrefix}-parentsInformed`}
          legend={t('casePage.report.form.parentsLegend')}
          hint={t('casePage.report.form.parentsHint')}
          options={[
            { value: 'yes', label: t('casePage.report.form.parentsYes') },
            { value: 'no', label: t('casePage.report.form.parentsNo') },
          ]}
          value={parentsInformed}
          onChange={setParentsInformed}
          error={errors['parentsInformed'] ?? null}
        />
        {parentsInformed === 'yes' && (
          <TextField
            id={`${idPrefix}-parentsInformedOn`}
            type="date"
            className="input-date"
            label={t('casePage.report.form.parentsInformedOn')}
            max={isDate(reportedOn) && reportedOn < today ? reportedOn : today}
            required
            value={parentsInformedOn}
            onChange={(event) => setParentsInformedOn(event.target.value)}
            error={errors['parentsInformedOn'] ?? null}
            data-testid="report-parents-informed-on"
          />
        )}
        {parentsInformed === 'no' && (
          <RadioGroup
            idPrefix={`${idPrefix}-informExceptionGround`}
            name={`${idPrefix}-informExceptionGround`}
            legend={t('casePage.report.form.groundLegend')}
            hint={t('casePage.report.form.groundHint')}
            options={INFORM_EXCEPTION_GROUNDS.map((value) => ({ value, label: groundLabel(value) }))}
            value={ground}
            onChange={setGround}
            error={errors['informExceptionGround'] ?? null}
          />
        )}
      </div>

      {findings !== null && (
        <div ref={checkRef} tabIndex={-1} className="report-check" aria-labelledby={`${idPrefix}-check-title`} role="group" data-testid="report-check">
          <h6 id={`${idPrefix}-check-title`} className="report-check-title">
            {t('casePage.report.check.title')}
          </h6>
          {findings.length === 0 ? (
            <p className="report-check-ok" data-testid="report-check-none">
              {t('casePage.report.check.none')}
            </p>
          ) : (
            <>
              {recheck && <p className="report-check-changed">{t('casePage.report.check.changed')}</p>}
              <p className="report-check-intro">
                {acute ? t('casePage.report.check.introAcute') : t('casePage.report.check.intro', { count: findings.length })} {t('casePage.report.check.keep')}
              </p>
              {errors['proceedReasons'] && <p className="field-error">{errors['proceedReasons']}</p>}
              <ol className="report-findings">
                {findings.map((finding, index) => {
                  const field = reasonField(finding.code);
                  const empty = (reasons[finding.code] ?? '').trim() === '';
                  const error = errors[field] ?? (errors['proceedReasons'] && empty ? errors['proceedReasons'] : undefined);
                  return (
                    <li key={finding.code} className="report-finding" data-testid="report-finding" data-code={finding.code}>
                      <span className="report-finding-marker" aria-hidden="true">
                        {index + 1}
                      </span>
                      <div className="report-finding-main">
                        <p className="report-finding-title">
                          <span className="sr-only">{t('casePage.report.check.number', { number: index + 1 })}: </span>
                          {findingLabel(finding.code)}
                        </p>
                        <p className="report-finding-message">{finding.message[lang]}</p>
                        <p className="report-finding-mend">
                          <span className="report-finding-mend-label">{t('casePage.report.check.mend')}: </span>
                          {finding.mend[lang]}
                        </p>
                        <TextAreaField
                          id={`${idPrefix}-${field}`}
                          label={acute ? t('casePage.report.check.reasonOptional') : t('casePage.report.check.reason')}
                          rows={2}
                          maxLength={2000}
                          required={!acute}
                          value={reasons[finding.code] ?? ''}
                          onChange={(event) => {
                            const value = event.target.value;
                            setReasons((current) => ({ ...current, [finding.code]: value }));
                          }}
                          error={error ?? null}
                          data-testid="report-finding-reason"
                        />
                      </div>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>
      )}

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="report-form-submit" data-stage={acute || checked ? 'save' : 'check'}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
