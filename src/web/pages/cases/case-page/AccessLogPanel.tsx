import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessFlagBody, CaseAccessLogResponse } from '../../../../contract/case-access-log.js';
import { request } from '../../../api/client.js';
import { queryKeys } from '../../../api/query-keys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoading } from '../../../components/NotAllowed.js';
import { capitalise } from '../../../hooks/useFormat.js';
import { useKindLabel } from './case-labels.js';
import './access-log.css';

type Line = CaseAccessLogResponse['lines'][number];
type Rules = CaseAccessLogResponse['rules'];

const KNOWN_ROLES = ['teacher', 'ib', 'smw', 'director', 'administrator', 'board'] as const;

/** The access log of a case; every fetch is itself audited, so it is fetched only when asked for. */
function getAccessLog(caseId: string): Promise<CaseAccessLogResponse> {
  return request('GET', `/api/cases/${encodeURIComponent(caseId)}/access-log`);
}

/**
 * The access log beside the emergency-access page: directie may see who saw a case without being on
 * its team. The server says whether this person may (by the same rule as the list); for anyone
 * else it answers "not found" and nothing shows.
 */
export function AccessLogForOversight({ caseId }: { caseId: string }) {
  const available = useQuery({
    queryKey: [...queryKeys.caseItem(caseId), 'access-log', 'available'],
    queryFn: () => request<{ available: true }>('GET', `/api/cases/${encodeURIComponent(caseId)}/access-log/available`),
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (!available.data?.available) return null;
  return (
    <div className="page access-log-oversight">
      <AccessLogPanel caseId={caseId} />
    </div>
  );
}

/** "24 november 2026" and "10:05", on the school's clock. */
function useSchoolTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  return useCallback(
    (iso: string) => ({
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)),
    }),
    [locale],
  );
}

/**
 * "Who saw this file": everyone who opened the case and what they did, unusual access flagged in
 * words. Shown to the casushouder and directie (the page's ability says who); the list loads when
 * they open the section, since reading it is recorded too.
 */
export function AccessLogPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [onlyUnusual, setOnlyUnusual] = useState(false);
  const filterId = useId();
  const query = useQuery({
    queryKey: [...queryKeys.caseItem(caseId), 'access-log'],
    queryFn: () => getAccessLog(caseId),
    enabled: open,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const lines = query.data?.lines ?? [];
  const unusual = lines.filter((line) => line.flags.length > 0);
  const shown = onlyUnusual ? unusual : lines;

  return (
    <section className="card access-log" aria-labelledby="access-log-title" data-testid="access-log">
      <div className="section-title-row">
        <h2 id="access-log-title" className="section-title">
          {t('accessLog.title')}
        </h2>
        <button type="button" className="button button-secondary button-compact" aria-expanded={open} aria-controls="access-log-body" onClick={() => setOpen((v) => !v)} data-testid="access-log-toggle">
          {open ? t('accessLog.hide') : t('accessLog.show')}
        </button>
      </div>
      <p className="muted access-log-intro">{t('accessLog.intro')}</p>
      {open && (
        <div id="access-log-body" data-testid="access-log-body">
          {query.isError ? (
            <ErrorAlert error={query.error} />
          ) : !query.data ? (
            <PageLoading />
          ) : (
            <>
              <Explanation rules={query.data.rules} />
              <div className="access-log-toolbar">
                <div className="checkbox">
                  <input id={filterId} type="checkbox" className="checkbox-input" checked={onlyUnusual} onChange={(e) => setOnlyUnusual(e.target.checked)} data-testid="access-log-only-unusual" />
                  <label htmlFor={filterId} className="checkbox-label">
                    {t('accessLog.onlyUnusual')}
                  </label>
                </div>
                <p className="muted access-log-count" data-testid="access-log-count" aria-live="polite">
                  {t('accessLog.unusualCount', { count: unusual.length })} · {onlyUnusual ? t('accessLog.countFiltered', { shown: shown.length, count: lines.length }) : t('accessLog.count', { count: lines.length })}
                </p>
              </div>
              {shown.length === 0 ? (
                <p className="muted" data-testid="access-log-empty">
                  {onlyUnusual ? t('accessLog.emptyUnusual') : t('accessLog.empty')}
                </p>
              ) : (
                <AccessLogTable lines={shown} rules={query.data.rules} />
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Explanation({ rules }: { rules: Rules }) {
  const { t } = useTranslation();
  return (
    <details className="access-log-rules">
      <summary>{t('accessLog.rules.summary')}</summary>
      <ul>
        <li>{t('accessLog.rules.notOnTeam')}</li>
        <li>{t('accessLog.rules.breakGlass')}</li>
        <li>{t('accessLog.rules.bulk', { cases: rules.bulkCaseCount, minutes: rules.bulkWindowMinutes })}</li>
        <li>{t('accessLog.rules.hours', { start: rules.schoolDayStartsHour, end: rules.schoolDayEndsHour })}</li>
      </ul>
    </details>
  );
}

function AccessLogTable({ lines, rules }: { lines: readonly Line[]; rules: Rules }) {
  const { t } = useTranslation();
  const schoolTime = useSchoolTime();
  const kindLabel = useKindLabel();
  const roleLabel = (role: string | null) => (role && (KNOWN_ROLES as readonly string[]).includes(role) ? capitalise(t(`roles.${role as (typeof KNOWN_ROLES)[number]}`)) : t('accessLog.unknownRole'));

  function what(line: Line): string {
    if ((line.actionKey === 'record' || line.actionKey === 'correct') && line.entryKind) {
      if (line.actionKey === 'record' && line.entryKind === 'signal') return t('accessLog.actions.recordSignal');
      return t(line.actionKey === 'record' ? 'accessLog.actions.recordKind' : 'accessLog.actions.correctKind', { kind: kindLabel(line.entryKind) });
    }
    return t(`accessLog.actions.${line.actionKey}`, { action: line.action });
  }

  function when(line: Line): string {
    const first = schoolTime(line.firstAt);
    if (line.count === 1) return t('accessLog.when.once', { date: first.date, time: first.time });
    const last = schoolTime(line.lastAt);
    if (last.time === first.time) return t('accessLog.when.repeatedSameTime', { date: first.date, time: first.time, count: line.count });
    return t('accessLog.when.repeated', { date: first.date, count: line.count, from: first.time, to: last.time });
  }

  return (
    <div className="table-scroll">
      <table className="table table-compact access-log-table" data-testid="access-log-table">
        <caption className="sr-only">{t('accessLog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.columns.who')}</th>
            <th scope="col">{t('accessLog.columns.what')}</th>
            <th scope="col">{t('accessLog.columns.when')}</th>
            <th scope="col">{t('accessLog.columns.unusual')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.actor.userId ?? '-'}|${line.action}|${line.entryKind ?? ''}|${line.outcome}|${line.day}|${line.firstAt}`} className={line.flags.length > 0 ? 'access-log-unusual' : undefined} data-testid="access-log-line" data-unusual={line.flags.length > 0}>
              <th scope="row">
                {line.actor.userId === null ? (
                  // A background job (no person) did it.
                  <span className="access-log-name">{t('accessLog.system')}</span>
                ) : (
                  <>
                    <span className="access-log-name">{line.actor.name ?? t('accessLog.unknownPerson')}</span>
                    <span className="access-log-role">{roleLabel(line.actor.role)}</span>
                  </>
                )}
              </th>
              <td>
                {what(line)}
                {line.outcome !== 'success' && <span className="access-log-outcome"> ({t(line.outcome === 'denied' ? 'accessLog.outcome.denied' : 'accessLog.outcome.failure')})</span>}
              </td>
              <td>{when(line)}</td>
              <td>
                {line.flags.length === 0 ? (
                  <span className="muted">{t('accessLog.notUnusual')}</span>
                ) : (
                  <>
                    <strong className="access-log-flag-label">{t('accessLog.unusualLabel')}</strong>
                    <ul className="access-log-flags">
                      {line.flags.map((flag) => (
                        <li key={flagKey(flag)} data-flag={flag.kind}>
                          <FlagReason flag={flag} rules={rules} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function flagKey(flag: AccessFlagBody): string {
  return flag.kind === 'outside-school-hours' ? `${flag.kind}:${flag.reason}` : flag.kind;
}

function FlagReason({ flag, rules }: { flag: AccessFlagBody; rules: Rules }) {
  const { t } = useTranslation();
  switch (flag.kind) {
    case 'not-on-team':
      return <>{t('accessLog.flags.notOnTeam')}</>;
    case 'break-glass':
      return <>{flag.how === 'opened' ? t('accessLog.flags.breakGlassOpened') : t('accessLog.flags.breakGlassThrough')}</>;
    case 'bulk':
      return <>{t('accessLog.flags.bulk', { cases: flag.cases, minutes: rules.bulkWindowMinutes })}</>;
    case 'outside-school-hours':
      switch (flag.reason) {
        case 'early':
          return <>{t('accessLog.flags.early', { hour: rules.schoolDayStartsHour })}</>;
        case 'late':
          return <>{t('accessLog.flags.late', { hour: rules.schoolDayEndsHour })}</>;
        case 'weekend':
          return <>{t('accessLog.flags.weekend')}</>;
        case 'holiday':
          return <>{t('accessLog.flags.holiday', { holiday: isHoliday(flag.holiday) ? t(`accessLog.holidays.${flag.holiday}`) : t('accessLog.holidays.unknown') })}</>;
      }
  }
}

const HOLIDAYS = ['nieuwjaarsdag', 'goede-vrijdag', 'tweede-paasdag', 'koningsdag', 'bevrijdingsdag', 'hemelvaartsdag', 'tweede-pinksterdag', 'eerste-kerstdag', 'tweede-kerstdag'] as const;

function isHoliday(holiday: string | null): holiday is (typeof HOLIDAYS)[number] {
  return holiday !== null && (HOLIDAYS as readonly string[]).includes(holiday);
}
