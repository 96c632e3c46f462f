import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INFORM_EXCEPTION_GROUND_LABELS,
  INFORM_EXCEPTION_GROUNDS,
  PROCEDURAL_FINDING_CODES,
  type InformExceptionGround,
  type ProceduralFindingCode,
} from '../../../../domain/cases/procedural-check.js';
import { currentLanguage } from '../../../i18n/index.js';
import { formatDate } from '../../pupils/dates.js';

/** A report to Veilig Thuis as the file keeps it, read defensively: an old entry stays readable. */
export interface ReportRecord {
  reportedOn: string | null;
  how: 'phone' | 'form' | null;
  reference: string | null;
  whatReported: string | null;
  anonymityRequested: boolean;
  anonymityReason: string | null;
  /** null when the body does not say. */
  parentsInformed: boolean | null;
  parentsInformedOn: string | null;
  informExceptionGround: InformExceptionGround | null;
  acute: boolean;
  /** The procedural check's findings at the moment of saving (codes; an unknown code as it is). */
  findings: string[];
  /** The reason given to go on despite each finding, by code. */
  reasons: ReadonlyMap<string, string>;
}

export interface ReportFeedbackRecord {
  receivedOn: string | null;
  feedback: string | null;
}

type Body = Record<string, unknown>;

function asBody(value: unknown): Body {
  return typeof value === 'object' && value !== null ? (value as Body) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** `proceedReasons` as the request sends it ({code: reason}) or as the check records it ([{code, reason}]). */
function readReasons(value: unknown): Map<string, string> {
  const reasons = new Map<string, string>();
  if (Array.isArray(value)) {
    for (const item of value) {
      const entry = asBody(item);
      const code = text(entry['code']);
      const reason = text(entry['reason']);
      if (code && reason) reasons.set(code, reason);
    }
  } else {
    for (const [code, reason] of Object.entries(asBody(value))) {
      if (text(reason)) reasons.set(code, String(reason));
    }
  }
  return reasons;
}

export function readReport(body: unknown): ReportRecord {
  const b = asBody(body);
  const ground = b['informExceptionGround'];
  const reasons = readReasons(b['proceedReasons'] ?? b['reasons']);
  const findings = (Array.isArray(b['findings']) ? b['findings'] : [])
    .map((f) => (typeof f === 'string' ? f : text(asBody(f)['code'])))
    .filter((code): code is string => code !== null);
  // A reason for a finding that is not listed still belongs in the file.
  for (const code of reasons.keys()) if (!findings.includes(code)) findings.push(code);
  return {
    reportedOn: text(b['reportedOn']),
    how: b['how'] === 'phone' || b['how'] === 'form' ? b['how'] : null,
    reference: text(b['reference']),
    whatReported: text(b['whatReported']),
    anonymityRequested: b['anonymityRequested'] === true,
    anonymityReason: text(b['anonymityReason']),
    parentsInformed: typeof b['parentsInformed'] === 'boolean' ? b['parentsInformed'] : null,
    parentsInformedOn: text(b['parentsInformedOn']),
    informExceptionGround: typeof ground === 'string' && isInformExceptionGround(ground) ? ground : null,
    acute: b['acute'] === true,
    findings,
    reasons,
  };
}

export function readReportFeedback(body: unknown): ReportFeedbackRecord {
  const b = asBody(body);
  return { receivedOn: text(b['receivedOn']), feedback: text(b['feedback']) };
}

export function isInformExceptionGround(value: string): value is InformExceptionGround {
  return (INFORM_EXCEPTION_GROUNDS as readonly string[]).includes(value);
}

export function isFindingCode(value: string): value is ProceduralFindingCode {
  return (PROCEDURAL_FINDING_CODES as readonly string[]).includes(value);
}

/** The short name of a finding of the procedural check. */
export function useFindingLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isFindingCode(code) ? t(`casePage.report.findings.${code}`) : code);
}

/** Why the parents were not told, in the chosen language. */
export function groundLabel(ground: InformExceptionGround): string {
  return INFORM_EXCEPTION_GROUND_LABELS[ground][currentLanguage()];
}

/** "Ja, op 08-09-2026" or "Nee" — the ground is a line of its own. */
export function useParentsLine(): (report: ReportRecord) => string | null {
  const { t } = useTranslation();
  return (report) =>
    report.parentsInformed === true
      ? report.parentsInformedOn
        ? t('casePage.report.parentsInformedOn', { date: formatDate(report.parentsInformedOn) })
        : t('casePage.body.yes')
      : report.parentsInformed === false
        ? t('casePage.report.parentsNotInformed')
        : null;
}

/**
 * What the procedural check found when the report was saved, each finding with the reason given to
 * report anyway — what a complaints commission later reads.
 */
export function ReportCheckOutcome({ report }: { report: ReportRecord }) {
  const { t } = useTranslation();
  const findingLabel = useFindingLabel();
  if (report.findings.length === 0) return <p className="report-check-none">{t('casePage.report.checkNone')}</p>;
  return (
    <div className="report-check-outcome">
      <p className="report-check-found">{t('casePage.report.checkFound', { count: report.findings.length })}</p>
      <ul className="report-check-reasons" data-testid="report-reasons">
        {report.findings.map((code) => {
          const reason = report.reasons.get(code);
          return (
            <li key={code} data-code={code}>
              <span className="report-check-finding">{findingLabel(code)}</span>
              <span className="report-check-reason">
                {reason ? (
                  <>
                    <span className="report-check-reason-label">{t('casePage.report.reasonGiven')}: </span>
                    <span className="notes">{reason}</span>
                  </>
                ) : (
                  <span className="muted">{t('casePage.report.noReason')}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One line of an entry, as EntryBody shows them: a label and its value; nothing without a value. */
function Row({ label, children, long = false }: { label: string; children: ReactNode; long?: boolean }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className={long ? 'case-body-row case-body-row-long' : 'case-body-row'}>
      <dt>{label}</dt>
      <dd className={long ? 'notes' : undefined}>{children}</dd>
    </div>
  );
}

/** A report in the timeline and the print view: every field, the check's findings and the reasons to go on. */
export function ReportEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const parentsLine = useParentsLine();
  const report = readReport(body);
  return (
    <>
      <Row label={t('casePage.report.reportedOn')}>{report.reportedOn && formatDate(report.reportedOn)}</Row>
      <Row label={t('casePage.report.how')}>{report.how && t(`casePage.report.hows.${report.how}`)}</Row>
      <Row label={t('casePage.report.reference')}>{report.reference}</Row>
      <Row label={t('casePage.report.acute')}>{report.acute ? <strong>{t('casePage.report.acuteYes')}</strong> : null}</Row>
      <Row label={t('casePage.report.whatReported')} long>
        {report.whatReported}
      </Row>
      <Row label={t('casePage.report.anonymity')}>{report.anonymityRequested ? t('casePage.report.anonymityAsked') : t('casePage.report.anonymityNotAsked')}</Row>
      <Row label={t('casePage.report.anonymityReason')} long>
        {report.anonymityRequested ? report.anonymityReason : null}
      </Row>
      <Row label={t('casePage.report.parents')}>{parentsLine(report)}</Row>
      <Row label={t('casePage.report.ground')}>{report.parentsInformed === false && report.informExceptionGround ? groundLabel(report.informExceptionGround) : null}</Row>
      <div className="case-body-row case-body-row-long" data-testid="report-entry-check">
        <dt>{t('casePage.report.checkTitle')}</dt>
        <dd>
          <ReportCheckOutcome report={report} />
        </dd>
      </div>
    </>
  );
}

export function ReportFeedbackEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const feedback = readReportFeedback(body);
  return (
    <>
      <Row label={t('casePage.report.feedback.receivedOn')}>{feedback.receivedOn && formatDate(feedback.receivedOn)}</Row>
      <Row label={t('casePage.report.feedback.title')} long>
        {feedback.feedback}
      </Row>
    </>
  );
}
