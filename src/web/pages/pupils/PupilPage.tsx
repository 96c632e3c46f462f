import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PupilDetails, PupilPageResponse } from '../../../contract/pupils.js';
import { hasLeft } from '../../../domain/pupils/leaving.js';
import { ApiError } from '../../api/client.js';
import { addParentContact, getPupil, getPupilRecord, saveStartOfYearTalk, setPupilLeft, type ParentContactKind } from '../../api/pupils.js';
import { queryKeys } from '../../api/query-keys.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useFormatList } from '../../hooks/useFormat.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { AccessRequestLink } from '../access-requests/AccessRequestLink.js';
import { PupilCases } from '../cases/PupilCases.js';
import { firstDayOf, formatDate, isDate, todayAtSchool } from './dates.js';
import { SelectField, serverField, TextAreaField } from './fields.js';
import { PupilForm } from './PupilForm.js';
import { pupilFromState, type PupilLinkState } from './pupil-link-state.js';

type Page = PupilPageResponse;
type Guardian = Page['guardians'][number];
const CONTACT_KINDS: readonly ParentContactKind[] = ['conversation', 'phone', 'message', 'other'];
const NOTES_MAX = 2000;

export default function PupilPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { pupilId = '' } = useParams();
  if (me.school === null) return <NotAllowed title={t('pupils.page.titleFallback')} />;
  // A new key per pupil: moving to a sibling's page starts with that page's own state.
  return <PupilPageContent key={pupilId} pupilId={pupilId} />;
}

function PupilPageContent({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const seen = pupilFromState(location.state);
  const page = useQuery({
    queryKey: queryKeys.pupil(pupilId),
    queryFn: () => getPupil(pupilId),
    staleTime: 0,
    // A page that answered 404 stays as it is: looking again would only reset what is open on it.
    refetchOnWindowFocus: (query) => query.state.data !== undefined,
  });
  const limited = page.isError && page.error instanceof ApiError && page.error.status === 404;
  // The title goes into the browser's history, on a shared school computer too: no pupil name.
  usePageTitle(t('pupils.page.titleFallback'));

  if (page.data) return <FullPupilPage data={page.data} />;
  if (limited) return <LimitedPupilPage pupilId={pupilId} seen={seen} />;
  return (
    <div className="page">
      <PageHeading>{seen?.displayName ?? t('pupils.page.titleFallback')}</PageHeading>
      {page.isError ? <ErrorAlert error={page.error} /> : <PageLoading />}
    </div>
  );
}

/* ---------- A pupil this person may find but not open ---------- */

function LimitedPupilPage({ pupilId, seen }: { pupilId: string; seen: PupilLinkState['pupil'] | null }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  // Whoever manages pupils without reading the page (the administrator) gets the administrative details.
  const canManage = me.abilities['pupils.manage'];
  const record = useQuery({ queryKey: queryKeys.pupilRecord(pupilId), queryFn: () => getPupilRecord(pupilId), enabled: canManage, staleTime: 0 });
  const pupil = record.data?.pupil;
  const shown = pupil ? { displayName: pupil.displayName, groupName: pupil.groupName } : seen;
  return (
    <div className="page">
      <PageHeading testId="pupil-heading">{shown?.displayName ?? t('pupils.page.titleFallback')}</PageHeading>
      {shown && (
        <p className="lead">
          {shown.groupName ?? t('pupils.noGroup')} {pupil && <PupilStatus leftOn={pupil.leftOn} />}
        </p>
      )}
      <div className="alert alert-info" data-testid="pupil-limited">
        <p className="alert-message">{canManage ? t('pupils.page.limitedManage') : t('pupils.page.limited')}</p>
      </div>
      <p>
        <Link to="/leerlingen" className="button button-secondary">
          {t('pupils.page.backToSearch')}
        </Link>
      </p>
      {canManage && (pupil ? <LimitedManagement pupil={pupil} /> : record.isError ? <ErrorAlert error={record.error} /> : <PageLoading />)}
    </div>
  );
}

/** Correcting, marking as left and returning, for the administrator: the same panel as on the full page. */
function LimitedManagement({ pupil }: { pupil: PupilDetails }) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      {notice && <Notice tone="success">{notice}</Notice>}
      <ManagePupil
        data={{ pupil }}
        pageReadable={false}
        editing={editing}
        onEdit={(open) => {
          setNotice(null);
          setEditing(open);
        }}
        onNotice={setNotice}
      />
    </>
  );
}

/** Current, leaving later (still current until the day after), or left. */
function PupilStatus({ leftOn }: { leftOn: string | null }) {
  const { t } = useTranslation();
  if (leftOn === null) {
    return (
      <span className="badge badge-ok" data-testid="pupil-status">
        {t('pupils.page.current')}
      </span>
    );
  }
  return (
    <span className="badge badge-off" data-testid="pupil-status">
      {hasLeft(leftOn, todayAtSchool()) ? t('pupils.page.leftOn', { date: formatDate(leftOn) }) : t('pupils.page.leavesOn', { date: formatDate(leftOn) })}
    </span>
  );
}

/* ---------- The full pupil page ---------- */

function FullPupilPage({ data }: { data: Page }) {
  const { t } = useTranslation();
  const { pupil } = data;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = data.abilities['pupils.manage'];

  return (
    <div className="page">
      <div className="pupil-header">
        <div className="pupil-title">
          <PageHeading testId="pupil-heading">{pupil.displayName}</PageHeading>
          <PupilStatus leftOn={pupil.leftOn} />
        </div>
        <dl className="pupil-facts" data-testid="pupil-facts">
          <Fact label={t('pupils.page.group')} value={pupil.groupName ?? t('pupils.noGroup')} />
          <Fact label={t('pupils.page.number')} value={pupil.pupilNumber} />
          <Fact label={t('pupils.page.born')} value={pupil.dateOfBirth ? formatDate(pupil.dateOfBirth) : t('pupils.page.unknown')} />
          <Fact label={t('pupils.page.enrolled')} value={pupil.enrolledOn ? formatDate(pupil.enrolledOn) : t('pupils.page.unknown')} />
        </dl>
      </div>

      <PupilCases pupil={pupil} canStart={data.abilities['case.start']} />
      {data.abilities['pupil.access-request.list'] && <AccessRequestLink pupilId={pupil.id} />}

      {notice && <Notice tone="success">{notice}</Notice>}

      {canManage && (
        <ManagePupil
          data={data}
          editing={editing}
          onEdit={(open) => {
            setNotice(null);
            setEditing(open);
          }}
          onNotice={setNotice}
        />
      )}

      <GuardiansSection guardians={data.guardians} />
      <SiblingsSection siblings={data.siblings} />
      <TalkSection data={data} />
      <ContactsSection data={data} />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="pupil-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/* ---------- Managing the pupil's details (administrator, IB'er) ---------- */

function ManagePupil({
  data,
  pageReadable = true,
  editing,
  onEdit,
  onNotice,
}: {
  data: { pupil: PupilDetails };
  /** False for the administrator, who manages from the record: the page itself answers 404 and is not refetched. */
  pageReadable?: boolean;
  editing: boolean;
  onEdit: (open: boolean) => void;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const { pupil } = data;
  const [leaving, setLeaving] = useState(false);
  const confirm = useConfirm();
  const queryClient = useQueryClient();

  const comeBack = useMutation({
    mutationFn: () => setPupilLeft(pupil.id, null),
    onSuccess: async () => {
      onNotice(t('pupils.manage.returned', { name: pupil.displayName }));
      await refreshPupil(queryClient, pupil.id, pageReadable);
    },
  });

  async function askComeBack() {
    onNotice(null);
    const yes = await confirm({
      title: t('pupils.manage.returnTitle', { name: pupil.displayName }),
      body: <p>{t('pupils.manage.returnText', { name: pupil.displayName })}</p>,
      confirmLabel: t('pupils.manage.return'),
      tone: 'normal',
    });
    if (yes) comeBack.mutate();
  }

  return (
    <section className="card card-quiet" aria-labelledby="pupil-manage-title">
      <h2 id="pupil-manage-title" className="subsection-title">
        {t('pupils.manage.title')}
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={editing}
          aria-controls={editing ? 'pupil-edit' : undefined}
          data-testid="pupil-edit-open"
          onClick={() => {
            setLeaving(false);
            onEdit(!editing);
          }}
        >
          {editing ? t('pupils.manage.closeEdit') : t('pupils.manage.edit')}
        </button>
        {pupil.leftOn ? (
          <button type="button" className="button button-secondary" data-testid="pupil-return" disabled={comeBack.isPending} onClick={() => void askComeBack()}>
            {t('pupils.manage.return')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={leaving}
            aria-controls={leaving ? 'pupil-leave' : undefined}
            data-testid="pupil-leave-open"
            onClick={() => {
              onEdit(false);
              onNotice(null);
              setLeaving((open) => !open);
            }}
          >
            {t('pupils.manage.leave')}
          </button>
        )}
      </div>
      <ErrorAlert error={comeBack.error} />
      {editing && (
        <div id="pupil-edit" className="manage-panel">
          <h3 className="form-subtitle">{t('pupils.manage.editTitle', { name: pupil.displayName })}</h3>
          <PupilForm
            pupil={pupil}
            onCancel={() => onEdit(false)}
            onSaved={() => {
              onEdit(false);
              onNotice(t('pupils.manage.saved'));
            }}
          />
        </div>
      )}
      {leaving && !pupil.leftOn && (
        <div id="pupil-leave" className="manage-panel">
          <LeaveForm
            pupilId={pupil.id}
            name={pupil.displayName}
            pageReadable={pageReadable}
            onCancel={() => setLeaving(false)}
            onDone={(leftOn) => {
              setLeaving(false);
              onNotice(t('pupils.manage.left', { name: pupil.displayName, date: formatDate(leftOn) }));
            }}
          />
        </div>
      )}
    </section>
  );
}

/**
 * After a change to the pupil: search results, the overview and the record change too. The page
 * itself only when this person can read it; refetching a page that answers 404 would start it afresh.
 */
async function refreshPupil(queryClient: ReturnType<typeof useQueryClient>, pupilId: string, page = true) {
  await Promise.all([
    page ? queryClient.invalidateQueries({ queryKey: queryKeys.pupil(pupilId) }) : undefined,
    queryClient.invalidateQueries({ queryKey: queryKeys.pupilRecord(pupilId) }),
    queryClient.invalidateQueries({ queryKey: ['pupil-search'] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.preventiveOverview }),
  ]);
}

/** The date a pupil left, then a confirmation; the pupil is never deleted. */
function LeaveForm({ pupilId, name, onCancel, onDone, pageReadable }: { pupilId: string; name: string; onCancel: () => void; onDone: (leftOn: string) => void; pageReadable: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [leftOn, setLeftOn] = useState(todayAtSchool());
  const [problem, setProblem] = useState<unknown>(null);

  const leave = useMutation({
    mutationFn: (date: string) => setPupilLeft(pupilId, date),
    onSuccess: async (_r, date) => {
      onDone(date);
      await refreshPupil(queryClient, pupilId, pageReadable);
    },
    onError: (error) => {
      setProblem(error instanceof ApiError && error.status === 404 ? { message: t('pupils.manage.notAllowed') } : error);
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (leave.isPending) return;
    if (!isDate(leftOn)) {
      setProblem({ message: t('pupils.manage.leftOnRequired') });
      document.getElementById('pupil-left-on')?.focus();
      return;
    }
    setProblem(null);
    const yes = await confirm({
      title: t('pupils.manage.leaveTitle', { name }),
      body: <p>{t('pupils.manage.leaveText', { name, date: formatDate(leftOn) })}</p>,
      confirmLabel: t('pupils.manage.leave'),
      tone: 'normal',
    });
    if (yes) leave.mutate(leftOn);
  }

  return (
    <form className="form form-narrow" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={problem} />
      <TextField
        id="pupil-left-on"
        // Opened by a button that gives way to this form: the focus continues here.
        autoFocus
        type="date"
        className="input-date"
        label={t('pupils.manage.leftOnLabel')}
        hint={t('pupils.manage.leftOnHint')}
        required
        value={leftOn}
        onChange={(event) => setLeftOn(event.target.value)}
        invalid={problem !== null}
        data-testid="pupil-left-on"
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="pupil-leave-submit" disabled={leave.isPending}>
          {leave.isPending ? t('common.saving') : t('pupils.manage.leave')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/* ---------- Parents and carers ---------- */

function GuardiansSection({ guardians }: { guardians: Guardian[] }) {
  const { t } = useTranslation();
  const byHousehold = new Map<string, Guardian[]>();
  for (const guardian of guardians) byHousehold.set(guardian.householdId, [...(byHousehold.get(guardian.householdId) ?? []), guardian]);
  const households = [...byHousehold.values()];
  return (
    <section className="card" aria-labelledby="guardians-title" data-testid="guardians">
      <h2 id="guardians-title" className="section-title">
        {t('pupils.guardians.title')}
      </h2>
      {households.length === 0 && <p className="muted">{t('pupils.guardians.none')}</p>}
      {households.length > 1 && <p className="muted">{t('pupils.guardians.households', { count: households.length })}</p>}
      {households.map((members, index) => (
        <div key={members[0]?.householdId ?? index} className="household" data-testid="household">
          {households.length > 1 && <h3 className="household-title">{t('pupils.guardians.household', { number: index + 1 })}</h3>}
          <GuardianTable members={members} caption={households.length > 1 ? t('pupils.guardians.household', { number: index + 1 }) : t('pupils.guardians.title')} />
        </div>
      ))}
    </section>
  );
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** An e-mail address that may wrap after "@" and dots, never in the middle of a word. */
function BreakableEmail({ email }: { email: string }) {
  return (
    <>
      {email.split(/(?<=[@.])/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function GuardianTable({ members, caption }: { members: Guardian[]; caption: string }) {
  const { t } = useTranslation();
  const missing = (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t('pupils.guardians.unknown')}</span>
    </span>
  );
  return (
    <div className="table-scroll">
      <table className="table table-compact table-guardians">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-name">
              {t('pupils.guardians.col.name')}
            </th>
            <th scope="col" className="col-phone">
              {t('pupils.guardians.col.phone')}
            </th>
            <th scope="col">{t('pupils.guardians.col.email')}</th>
            <th scope="col" className="col-authority">
              {t('pupils.guardians.col.authority')}
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((guardian) => (
            <tr key={guardian.id} data-testid="guardian" data-name={guardian.name}>
              <th scope="row">{guardian.name}</th>
              <td>{guardian.phone ? <a href={telHref(guardian.phone)} className="nowrap">{guardian.phone}</a> : missing}</td>
              <td className="cell-email">{guardian.email ? <a href={`mailto:${guardian.email}`}>
                    <BreakableEmail email={guardian.email} />
                  </a> : missing}</td>
              <td>{guardian.hasAuthority ? t('pupils.guardians.yes') : t('pupils.guardians.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/* ---------- Brothers and sisters ---------- */

function SiblingsSection({ siblings }: { siblings: Page['siblings'] }) {
  const { t } = useTranslation();
  const sameSchool = siblings.filter((sibling) => sibling.kind === 'same-school');
  // Of another school only its name is known: several siblings there make one line with a count.
  const otherSchools = new Map<string, number>();
  for (const sibling of siblings) if (sibling.kind === 'other-school') otherSchools.set(sibling.schoolName, (otherSchools.get(sibling.schoolName) ?? 0) + 1);
  return (
    <section className="card" aria-labelledby="siblings-title" data-testid="siblings">
      <h2 id="siblings-title" className="section-title">
        {t('pupils.siblings.title')}
      </h2>
      {siblings.length === 0 ? (
        <p className="muted">{t('pupils.siblings.none')}</p>
      ) : (
        <ul className="plain-list">
          {sameSchool.map((sibling) => (
            <li key={sibling.pupilId}>
              <Link
                to={`/leerlingen/${encodeURIComponent(sibling.pupilId)}`}
                state={{ pupil: { displayName: sibling.displayName, groupName: sibling.groupName } } satisfies PupilLinkState}
              >
                {sibling.displayName}
              </Link>
              <span className="muted"> · {sibling.groupName ?? t('pupils.noGroup')}</span>
            </li>
          ))}
          {[...otherSchools].map(([school, count]) => (
            <li key={school} data-testid="sibling-other-school">
              {t('pupils.siblings.otherSchool', { school, count })}
            </li>
          ))}
        </ul>
      )}
      {otherSchools.size > 0 && <p className="field-hint">{t('pupils.siblings.otherSchoolNote')}</p>}
    </section>
  );
}

/* ---------- The start-of-year talk ---------- */

function TalkSection({ data }: { data: Page }) {
  const { t } = useTranslation();
  const formatList = useFormatList();
  const talk = data.startOfYearTalk;
  const canRecord = data.abilities['preventive.record'];
  const [correcting, setCorrecting] = useState(false);
  const [saved, setSaved] = useState<'recorded' | 'corrected' | null>(null);
  const names = talk ? data.guardians.filter((guardian) => talk.guardianIds.includes(guardian.id)).map((guardian) => guardian.name) : [];

  return (
    <section className="card" aria-labelledby="talk-title" data-testid="talk">
      <h2 id="talk-title" className="section-title">
        {t('pupils.talk.title', { year: data.schoolYear })}
      </h2>
      {saved && <Notice tone="success">{saved === 'recorded' ? t('pupils.talk.saved') : t('pupils.talk.corrected')}</Notice>}
      {talk ? (
        <>
          <dl className="facts facts-compact" data-testid="talk-facts">
            <div className="facts-row">
              <dt>{t('pupils.talk.heldOn')}</dt>
              <dd>{formatDate(talk.heldOn)}</dd>
            </div>
            <div className="facts-row">
              <dt>{t('pupils.talk.by')}</dt>
              <dd>{talk.staffName}</dd>
            </div>
            <div className="facts-row">
              <dt>{t('pupils.talk.with')}</dt>
              <dd>{names.length > 0 ? formatList(names) : <span className="muted">{t('pupils.talk.withNobody')}</span>}</dd>
            </div>
            <div className="facts-row">
              <dt>{t('pupils.talk.notes')}</dt>
              <dd className="notes">{talk.notes ?? <span className="muted">{t('pupils.talk.noNotes')}</span>}</dd>
            </div>
          </dl>
          {canRecord &&
            (correcting ? (
              <div className="manage-panel">
                <h3 className="form-subtitle">{t('pupils.talk.correctTitle')}</h3>
                <TalkForm
                  data={data}
                  onCancel={() => setCorrecting(false)}
                  onSaved={() => {
                    setCorrecting(false);
                    setSaved('corrected');
                  }}
                />
              </div>
            ) : (
              <div className="button-row section-actions">
                <button
                  type="button"
                  className="button button-secondary"
                        data-testid="talk-correct"
                  onClick={() => {
                    setSaved(null);
                    setCorrecting(true);
                  }}
                >
                  {t('pupils.talk.correct')}
                </button>
              </div>
            ))}
        </>
      ) : (
        <>
          <p className="talk-todo">
            <span className="badge badge-todo" data-testid="talk-status">
              {t('pupils.talk.notHeld')}
            </span>
          </p>
          {canRecord && (
            <>
              <h3 className="form-subtitle">{t('pupils.talk.formTitle')}</h3>
              <TalkForm data={data} onSaved={() => setSaved('recorded')} />
            </>
          )}
        </>
      )}
    </section>
  );
}

const TALK_FIELDS = ['heldOn', 'guardianIds', 'notes'] as const;
type TalkField = (typeof TALK_FIELDS)[number];

function TalkForm({ data, onSaved, onCancel }: { data: Page; onSaved: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const talk = data.startOfYearTalk;
  const known = new Set(data.guardians.map((guardian) => guardian.id));
  const [heldOn, setHeldOn] = useState(talk?.heldOn ?? '');
  const [guardianIds, setGuardianIds] = useState<string[]>(talk?.guardianIds.filter((id) => known.has(id)) ?? []);
  const [notes, setNotes] = useState(talk?.notes ?? '');
  const [problem, setProblem] = useState<{ alert: unknown; field: TalkField | null; text?: string } | null>(null);
  const today = todayAtSchool();
  const firstDay = firstDayOf(data.schoolYear);
  const prefix = talk ? 'talk-correct' : 'talk';
  // With parents in two households, say which household each one lives in.
  const households = [...new Set(data.guardians.map((guardian) => guardian.householdId))];
  const guardianLabel = (guardian: Guardian) =>
    households.length > 1 ? t('pupils.talk.guardianInHousehold', { name: guardian.name, number: households.indexOf(guardian.householdId) + 1 }) : guardian.name;

  const save = useMutation({
    mutationFn: () => saveStartOfYearTalk(data.pupil.id, { heldOn, guardianIds, notes: notes.trim() }),
    onSuccess: async () => {
      onSaved();
      await queryClient.invalidateQueries({ queryKey: queryKeys.pupil(data.pupil.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.preventiveOverview });
    },
    onError: (error) => {
      const field = serverField(error, TALK_FIELDS);
      setProblem({ alert: error, field });
      if (field === 'heldOn' || field === 'notes') document.getElementById(`${prefix}-${field}`)?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    let text: string | null = null;
    if (!isDate(heldOn)) text = t('pupils.talk.dateRequired');
    else if (heldOn > today) text = t('pupils.dateInFuture');
    else if (firstDay && heldOn < firstDay) text = t('pupils.dateBeforeYear', { year: data.schoolYear });
    if (text) {
      setProblem({ alert: { message: text }, field: 'heldOn', text });
      document.getElementById(`${prefix}-heldOn`)?.focus();
      return;
    }
    setProblem(null);
    save.mutate();
  }

  return (
    <form className="form form-narrow" noValidate onSubmit={submit} data-testid="talk-form">
      {problem && <ErrorAlert error={problem.alert} />}
      <TextField
        id={`${prefix}-heldOn`}
        // The correction form opens from a button that gives way to it; the first form does not take the focus.
        autoFocus={talk !== null}
        type="date"
        className="input-date"
        label={t('pupils.talk.dateLabel')}
        hint={t('pupils.dateHint', { year: data.schoolYear })}
        min={firstDay}
        max={today}
        required
        value={heldOn}
        onChange={(event) => setHeldOn(event.target.value)}
        error={problem?.field === 'heldOn' ? (problem.text ?? null) : null}
        invalid={problem?.field === 'heldOn'}
        data-testid="talk-date"
      />
      {data.guardians.length > 0 ? (
        <CheckboxGroup
          idPrefix={`${prefix}-guardian`}
          legend={t('pupils.talk.parentsLegend')}
          options={data.guardians.map((guardian) => ({ value: guardian.id, label: guardianLabel(guardian) }))}
          selected={guardianIds}
          onChange={setGuardianIds}
          error={problem?.field === 'guardianIds' ? t('pupils.talk.parentsProblem') : null}
          layout="grid"
        />
      ) : (
        <p className="field-hint">{t('pupils.talk.noGuardians')}</p>
      )}
      <TextAreaField
        id={`${prefix}-notes`}
        label={t('pupils.talk.notesLabel')}
        hint={t('pupils.notesHint')}
        rows={3}
        maxLength={NOTES_MAX}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        invalid={problem?.field === 'notes'}
        data-testid="talk-notes"
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="talk-save" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : talk ? t('pupils.talk.saveCorrection') : t('pupils.talk.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/* ---------- Contacts with parents ---------- */

function ContactsSection({ data }: { data: Page }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const canRecord = data.abilities['preventive.record'];
  const contacts = data.parentContacts;

  return (
    <section className="card" aria-labelledby="contacts-title" data-testid="contacts">
      <div className="section-title-row">
        <h2 id="contacts-title" className="section-title">
          {t('pupils.contacts.title')}
        </h2>
        {canRecord && !adding && (
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="contact-add-open"
            onClick={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {t('pupils.contacts.add')}
          </button>
        )}
      </div>
      <p className="muted">{t('pupils.contacts.intro', { year: data.schoolYear })}</p>
      {saved && <Notice tone="success">{t('pupils.contacts.saved')}</Notice>}
      {adding && (
        <div className="manage-panel">
          <h3 className="form-subtitle">{t('pupils.contacts.formTitle')}</h3>
          <ContactForm
            data={data}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              setSaved(true);
            }}
          />
        </div>
      )}
      {contacts.length === 0 ? (
        <p className="muted" data-testid="contacts-none">
          {t('pupils.contacts.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="contacts-table">
            <caption className="sr-only">{t('pupils.contacts.caption', { year: data.schoolYear })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pupils.contacts.col.date')}</th>
                <th scope="col">{t('pupils.contacts.col.kind')}</th>
                <th scope="col">{t('pupils.contacts.col.by')}</th>
                <th scope="col">{t('pupils.contacts.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row" className="nowrap">
                    {formatDate(contact.contactedOn)}
                  </th>
                  <td>{t(`pupils.contacts.kinds.${contact.kind}`)}</td>
                  <td>{contact.staffName}</td>
                  <td className="notes">{contact.notes ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const CONTACT_FIELDS = ['contactedOn', 'kind', 'notes'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

function ContactForm({ data, onSaved, onCancel }: { data: Page; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayAtSchool();
  const firstDay = firstDayOf(data.schoolYear);
  const [contactedOn, setContactedOn] = useState(today);
  const [kind, setKind] = useState<ParentContactKind>('conversation');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<{ alert: unknown; field: ContactField | null; text?: string } | null>(null);

  const save = useMutation({
    mutationFn: () => addParentContact(data.pupil.id, { contactedOn, kind, notes: notes.trim() }),
    onSuccess: async () => {
      onSaved();
      await queryClient.invalidateQueries({ queryKey: queryKeys.pupil(data.pupil.id) });
    },
    onError: (error) => {
      const field = serverField(error, CONTACT_FIELDS);
      setProblem({ alert: error, field });
      if (field) document.getElementById(`contact-${field}`)?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    let text: string | null = null;
    if (!isDate(contactedOn)) text = t('pupils.contacts.dateRequired');
    else if (contactedOn > today) text = t('pupils.dateInFuture');
    else if (firstDay && contactedOn < firstDay) text = t('pupils.dateBeforeYear', { year: data.schoolYear });
    if (text) {
      setProblem({ alert: { message: text }, field: 'contactedOn', text });
      document.getElementById('contact-contactedOn')?.focus();
      return;
    }
    setProblem(null);
    save.mutate();
  }

  return (
    <form className="form form-narrow" noValidate onSubmit={submit} data-testid="contact-form">
      {problem && <ErrorAlert error={problem.alert} />}
      <div className="form-grid">
        <TextField
          id="contact-contactedOn"
          autoFocus
          type="date"
          className="input-date"
          label={t('pupils.contacts.date')}
          min={firstDay}
          max={today}
          required
          value={contactedOn}
          onChange={(event) => setContactedOn(event.target.value)}
          error={problem?.field === 'contactedOn' ? (problem.text ?? null) : null}
          invalid={problem?.field === 'contactedOn'}
        />
        <SelectField
          id="contact-kind"
          label={t('pupils.contacts.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as ParentContactKind)}
          invalid={problem?.field === 'kind'}
        >
          {CONTACT_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`pupils.contacts.kinds.${option}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id="contact-notes"
        label={t('pupils.contacts.notes')}
        hint={t('pupils.notesHint')}
        rows={3}
        maxLength={NOTES_MAX}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        invalid={problem?.field === 'notes'}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="contact-save" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('pupils.contacts.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
