import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProtocolContentBody, ProtocolVersionResponse } from '../../../contract/protocol.js';
import { getProtocol, getProtocolVersion, getProtocolVersions, protocolKeys } from '../../api/protocol.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableCard } from '../../components/TableCard.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { ProtocolEditor } from './ProtocolEditor.js';
import { StepBadge } from './StepBadge.js';

const PATH = '/stappenplan';

/** "?versie=2" → 2; anything else → null (the current version). */
function requestedVersion(value: string | null): number | null {
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * The school's route (stappenplan) as a teacher reads it, with its versions. The IB'er and directie
 * (the server says so, not their role here) can adapt it; each save is a new version.
 */
export default function ProtocolPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (me.school === null) return <NotAllowed title={t('protocol.title')} />;
  return <Protocol schoolName={me.school.name} />;
}

function Protocol({ schoolName }: { schoolName: string }) {
  const { t } = useTranslation();
  usePageTitle(t('protocol.title'));
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const requested = requestedVersion(params.get('versie'));
  const current = useQuery({ queryKey: protocolKeys.current, queryFn: getProtocol, staleTime: 0 });
  const latest = current.data?.version;
  const old = requested !== null && latest !== undefined && requested !== latest ? requested : null;
  // A saved version never changes: once loaded, it stays.
  const older = useQuery({ queryKey: protocolKeys.version(old ?? 0), queryFn: () => getProtocolVersion(old ?? 0), enabled: old !== null, staleTime: Infinity });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = current.data?.abilities['protocol.manage'] === true;
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditButton = useRef(false);
  const versionBar = useRef<HTMLDivElement>(null);
  const shownRequest = useRef(requested);

  // Back from the form: the keyboard returns to the button that opened it.
  useEffect(() => {
    if (editing || !focusEditButton.current) return;
    focusEditButton.current = false;
    editButton.current?.focus();
  }, [editing]);

  const shown: ProtocolVersionResponse | undefined = old === null ? current.data : older.data;

  // Another version chosen in the list: the link pressed is gone, so the keyboard goes to what is shown.
  useEffect(() => {
    if (shownRequest.current === requested || !shown) return;
    shownRequest.current = requested;
    versionBar.current?.focus();
  }, [requested, shown]);

  function stopEditing() {
    focusEditButton.current = true;
    setEditing(false);
    void queryClient.invalidateQueries({ queryKey: queryKeys.protocol });
  }

  return (
    <div className="page">
      <div className="page-title-row">
        <PageHeading>{t('protocol.title')}</PageHeading>
        {canManage && old === null && !editing && (
          <button
            ref={editButton}
            type="button"
            className="button button-primary"
            data-testid="protocol-edit"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('protocol.edit')}
          </button>
        )}
      </div>
      <p className="lead">{t('protocol.intro', { school: schoolName })}</p>
      {notice && <Notice tone="success">{notice}</Notice>}
      {current.isPending && <PageLoading />}
      {current.isError && <ErrorAlert error={current.error} />}
      {current.data && editing && (
        <ProtocolEditor
          current={current.data}
          onSaved={(version) => {
            setNotice(t('protocol.editor.saved', { version }));
            stopEditing();
          }}
          onStop={stopEditing}
        />
      )}
      {current.data && !editing && (
        <>
          {old !== null && older.isPending && <PageLoading />}
          {old !== null && older.isError && (
            <>
              <ErrorAlert error={{ message: t('protocol.versionMissing') }} />
              <p>
                <Link to={PATH}>{t('protocol.toCurrent')}</Link>
              </p>
            </>
          )}
          {shown && (
            <>
              {old !== null && (
                <div data-testid="protocol-old-version">
                  <Notice tone="info">
                    <p>{t('protocol.viewingOld', { version: shown.version, latest: shown.latestVersion })}</p>
                    <p>
                      <Link to={PATH}>{t('protocol.toCurrent')}</Link>
                    </p>
                  </Notice>
                </div>
              )}
              <VersionBar ref={versionBar} shown={shown} />
              <ProtocolView content={shown.content} />
            </>
          )}
          <VersionsTable shownVersion={shown?.version ?? null} latest={current.data.version} />
        </>
      )}
    </div>
  );
}

function VersionBar({ shown, ref }: { shown: ProtocolVersionResponse; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const date = formatDateTime(shown.createdAt);
  return (
    <div ref={ref} tabIndex={-1} className="protocol-version-bar">
      <div>
        <p className="protocol-version" data-testid="protocol-version">
          {shown.createdBy
            ? t('protocol.versionBy', { version: shown.version, name: shown.createdBy.name, date })
            : t('protocol.versionDefault', { version: shown.version, date })}
        </p>
        {shown.changeNote && <p className="protocol-change-note">{t('protocol.changeNote', { note: shown.changeNote })}</p>}
      </div>
      <a href="#protocol-versions" className="protocol-version-link">
        {t('protocol.allVersions')}
      </a>
    </div>
  );
}

/** The route as a teacher reads it: the reminder, the steps with their tasks, the principles. Retired tasks are left out. */
function ProtocolView({ content }: { content: ProtocolContentBody }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="protocol-reminder" data-testid="protocol-reminder">
        <span className="protocol-reminder-label">{t('protocol.reminderLabel')}</span>
        {content.standingReminder}
      </p>
      <ol className="protocol-steps">
        {content.steps.map((step) => {
          const tasks = step.tasks.filter((task) => !task.retired);
          const titleId = `protocol-step-${step.id}`;
          return (
            <li key={step.id} className="card protocol-step" data-testid="protocol-step" data-step={step.id} aria-labelledby={titleId}>
              <h2 id={titleId} className="protocol-step-title">
                <StepBadge number={step.number} title={step.title} />
                <span>{step.title}</span>
              </h2>
              {step.note && <p className="protocol-step-note">{step.note}</p>}
              {tasks.length === 0 ? (
                <p className="muted">{t('protocol.noTasks')}</p>
              ) : (
                <ul className="protocol-tasks">
                  {tasks.map((task) => (
                    <li key={task.id} className="protocol-task" data-testid="protocol-task" data-task={task.id}>
                      <span className="protocol-task-text">{task.text}</span>
                      {task.help && (
                        <details className="protocol-help">
                          <summary>{t('protocol.help')}</summary>
                          <p className="notes">{task.help}</p>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <section className="card" aria-labelledby="protocol-principles-title" data-testid="protocol-principles">
        <h2 id="protocol-principles-title" className="section-title">
          {t('protocol.principlesTitle')}
        </h2>
        <div className="protocol-principles">
          {[content.taskDivisionPrinciples, content.parentConversationPrinciples].map((principles, index) => (
            <div key={index}>
              <h3 className="protocol-principles-title">{principles.title}</h3>
              <ul className="protocol-principles-list">
                {principles.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

function VersionsTable({ shownVersion, latest }: { shownVersion: number | null; latest: number }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const versions = useQuery({ queryKey: protocolKeys.versions, queryFn: getProtocolVersions, staleTime: 0 });
  if (versions.isPending) return null;
  if (versions.isError) return <ErrorAlert error={versions.error} />;
  return (
    <div id="protocol-versions" tabIndex={-1} className="protocol-versions">
      <TableCard
        titleId="protocol-versions-title"
        title={t('protocol.versions.title')}
        testId="protocol-versions"
        columns={[
          { label: t('protocol.versions.version'), className: 'nowrap' },
          { label: t('protocol.versions.saved') },
          { label: t('protocol.versions.by') },
          { label: t('protocol.versions.note') },
        ]}
        actions={{ className: 'cell-action' }}
        rows={versions.data.versions.map((v) => {
          const isShown = v.version === shownVersion;
          return (
            <tr key={v.version} className={isShown ? 'row-open' : undefined} data-testid="protocol-version-row" data-version={v.version}>
              <th scope="row" className="nowrap">
                {v.version}
                {v.version === latest && <span className="muted small"> ({t('protocol.versions.current')})</span>}
              </th>
              <td>{formatDateTime(v.createdAt)}</td>
              <td>{v.createdBy?.name ?? t('protocol.versions.meldpad')}</td>
              <td>{v.changeNote ?? <span className="muted">—</span>}</td>
              <td className="cell-action">
                {isShown ? (
                  <span className="muted small">{t('protocol.versions.shown')}</span>
                ) : (
                  <Link
                    className="button button-secondary button-compact"
                    to={v.version === latest ? PATH : `${PATH}?versie=${v.version}`}
                    aria-label={t('protocol.versions.viewLabel', { version: v.version })}
                    data-testid="protocol-version-view"
                  >
                    {t('protocol.versions.view')}
                  </Link>
                )}
              </td>
            </tr>
          );
        })}
      />
    </div>
  );
}
