import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../contract/auth.js';
import type { PendingInvitation, StaffListResponse, StaffMember } from '../../../contract/administration.js';
import { SCHOOL_ROLES } from '../../../domain/people/roles.js';
import { getStaff, invite, revokeInvitation, type InviteResult } from '../../api/administration.js';
import { queryKeys } from '../../api/query-keys.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableCard } from '../../components/TableCard.js';
import { LinkHandOff } from '../../components/LinkHandOff.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useElevatedMutation } from '../../dialogs/ElevationProvider.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { capitalise, firstNameOf, useFormatDateTime, useFormatList, useRoleLabel } from '../../hooks/useFormat.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { useRoleNames } from '../../hooks/useRoleNames.js';
import { PersonPanel, type StaffAbilities } from './PersonPanel.js';

type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** Whether any of the per-person actions is open to the signed-in person. */
function canManageSomeone(abilities: StaffAbilities): boolean {
  return (
    abilities['staff.roles.update'] ||
    abilities['staff.deactivate'] ||
    abilities['staff.password.reset'] ||
    abilities['staff.second-factor.reset'] ||
    abilities['staff.sessions.list']
  );
}

export default function StaffPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!me.abilities['staff.list']) return <NotAllowed title={t('staff.title')} />;
  return <StaffOverview me={me} />;
}

function StaffOverview({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  usePageTitle(t('staff.title'));
  // Colleagues change elsewhere (an invitation accepted): always look again when the page opens.
  const staff = useQuery({ queryKey: queryKeys.staff, queryFn: getStaff, staleTime: 0 });
  const [inviteOpen, setInviteOpen] = useState(false);
  const [pageNotice, setPageNotice] = useState<string | null>(null);
  const schoolName = me.school?.name ?? '';

  return (
    <div className="page">
      <div className="page-title-row">
        <PageHeading>{t('staff.title')}</PageHeading>
        {staff.data?.abilities['staff.invite'] && (
          <button
            type="button"
            className="button button-primary"
            aria-expanded={inviteOpen}
            aria-controls="invite-section"
            data-testid="invite-open"
            onClick={() => setInviteOpen((open) => !open)}
          >
            {t('staff.invite.open')}
          </button>
        )}
      </div>
      <p className="lead">{t('staff.intro', { school: schoolName })}</p>
      {pageNotice && <Notice tone="success">{pageNotice}</Notice>}
      {staff.isPending && <PageLoading />}
      {staff.isError && <ErrorAlert error={staff.error} />}
      {staff.data && (
        <>
          {staff.data.abilities['staff.invite'] && inviteOpen && (
            <InviteSection schoolName={schoolName} onClose={() => setInviteOpen(false)} />
          )}
          <StaffTable data={staff.data} me={me} onRemoved={setPageNotice} />
          {staff.data.invitations.length > 0 && <Invitations invitations={staff.data.invitations} canRevoke={staff.data.abilities['staff.invite']} />}
        </>
      )}
    </div>
  );
}

function StaffTable({ data, me, onRemoved }: { data: StaffListResponse; me: MeResponse; onRemoved: (message: string) => void }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const formatList = useFormatList();
  const [openId, setOpenId] = useState<string | null>(null);
  const manage = canManageSomeone(data.abilities);
  const columns = manage ? 5 : 4;

  return (
    <TableCard
      titleId="staff-table-title"
      title={t('staff.tableTitle', { count: data.staff.length })}
      testId="staff-table"
      tableClassName="table-fixed"
      columns={[
        { label: t('staff.col.name'), className: 'col-person' },
        { label: t('staff.col.roles'), className: 'col-roles' },
        { label: t('staff.col.groups'), className: 'col-groups' },
        { label: t('staff.col.account'), className: 'col-account' },
      ]}
      actions={manage && { className: 'col-action' }}
      rows={
        <>
            {data.staff.map((member) => {
              const self = member.userId === me.user.id;
              const open = openId === member.userId && !self;
              const panelId = `person-${member.userId}`;
              return (
                <Fragment key={member.userId}>
                  <tr className={open ? 'row-open' : undefined} data-testid="staff-row" data-name={member.name}>
                    <th scope="row" className="cell-person">
                      <span className="person-name">
                        {member.name}
                        {self && <span className="person-self"> {t('staff.you')}</span>}
                      </span>
                      <span className="person-email">
                        <BreakableEmail email={member.email} />
                      </span>
                      {member.otherSchools.length > 0 && (
                        <span className="person-note">{t('staff.otherSchools', { schools: formatList(member.otherSchools) })}</span>
                      )}
                    </th>
                    <td>{capitalise(roleNames(member.roles))}</td>
                    <td>{member.groupNames.length > 0 ? member.groupNames.join(', ') : <span className="muted">{t('staff.noGroups')}</span>}</td>
                    <td>
                      <AccountStatus member={member} />
                    </td>
                    {manage && (
                      <td className="cell-action">
                        {self ? (
                          <span className="muted small">{t('staff.selfNoActions')}</span>
                        ) : (
                          <button
                            type="button"
                            className="button button-secondary button-compact"
                            aria-expanded={open}
                            aria-controls={open ? panelId : undefined}
                            data-testid="person-manage"
                            onClick={() => setOpenId(open ? null : member.userId)}
                          >
                            {open ? t('staff.close') : t('staff.manage')}
                            <span className="sr-only"> {member.name}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                  {open && (
                    <tr id={panelId} className="detail-row">
                      <td colSpan={columns}>
                        <PersonPanel
                          member={member}
                          abilities={data.abilities}
                          schoolName={me.school?.name ?? ''}
                          onRemoved={() => {
                            setOpenId(null);
                            onRemoved(t('staff.roles.removed', { name: member.name, school: me.school?.name ?? '' }));
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
        </>
      }
    />
  );
}

/** An e-mail address that wraps after "@" and dots, never in the middle of a word. */
function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?<=[@.])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function AccountStatus({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  return (
    <span className="status-stack">
      <span className={member.active ? 'badge badge-ok' : 'badge badge-off'}>{member.active ? t('staff.active') : t('staff.inactive')}</span>
      <span className="small">{member.secondFactorEnrolled ? t('staff.twoStepYes') : t('staff.twoStepNo')}</span>
    </span>
  );
}

/* ---------- Inviting ---------- */

type InviteDone = { name: string; email: string; result: InviteResult };

function InviteSection({ schoolName, onClose }: { schoolName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleLabel = useRoleLabel();
  const formatDateTime = useFormatDateTime();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<SchoolRole[]>([]);
  const [missing, setMissing] = useState<{ name: boolean; email: boolean; roles: boolean } | null>(null);
  const [done, setDone] = useState<InviteDone | null>(null);

  const mutation = useElevatedMutation({
    mutationFn: (body: { name: string; email: string; roles: SchoolRole[] }) => invite(body),
    onSuccess: async (result, body) => {
      setDone({ name: body.name, email: body.email, result });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const empty = { name: name.trim() === '', email: email.trim() === '', roles: roles.length === 0 };
    if (empty.name || empty.email || empty.roles) {
      setMissing(empty);
      mutation.reset();
      return;
    }
    setMissing(null);
    mutation.mutate({ name: name.trim(), email: email.trim(), roles });
  }

  function again() {
    setDone(null);
    setName('');
    setEmail('');
    setRoles([]);
    mutation.reset();
  }

  return (
    <section id="invite-section" className="card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="section-title">
        {t('staff.invite.title')}
      </h2>
      {done ? (
        <>
          {done.result.delivered === 'existing-account' && (
            <Notice tone="success">
              <p className="alert-message">{t('staff.invite.existing', { name: done.name, school: schoolName })}</p>
            </Notice>
          )}
          {done.result.delivered === 'email' && (
            <Notice tone="success">
              <p className="alert-message">{t('staff.invite.mailed', { name: done.name, email: done.email })}</p>
              <p>{t('staff.invite.mailedExpiry', { date: formatDateTime(done.result.expiresAt) })}</p>
            </Notice>
          )}
          {done.result.delivered === 'manual' && (
            <>
              <Notice tone="success">
                <p className="alert-message">{t('staff.invite.ready', { name: done.name })}</p>
              </Notice>
              {done.result.link ? (
                <LinkHandOff
                  label={t('staff.invite.linkLabel')}
                  link={done.result.link}
                  expiresAt={done.result.expiresAt}
                  recipient={firstNameOf(done.name)}
                  testId="invitation-link"
                />
              ) : (
                <ErrorAlert error={{ message: t('staff.linkMissing') }} />
              )}
            </>
          )}
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={again}>
              {t('staff.invite.another')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('staff.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('staff.invite.intro', { school: schoolName })}</p>
          <ErrorAlert error={missing ? { message: t('errors.requiredSummary') } : mutation.error} />
          <form className="form form-narrow" noValidate onSubmit={submit}>
            <TextField
              id="invite-name"
              label={t('staff.invite.name')}
              autoComplete="off"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={missing?.name ? t('errors.required') : null}
            />
            <TextField
              id="invite-email"
              label={t('staff.invite.email')}
              type="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={missing?.email ? t('errors.required') : null}
            />
            <CheckboxGroup
              idPrefix="invite-role"
              legend={t('staff.invite.roles')}
              options={SCHOOL_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
              selected={roles}
              onChange={setRoles}
              error={missing?.roles ? t('staff.rolesRequired') : null}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary" data-testid="invite-submit" disabled={mutation.isPending}>
                {mutation.isPending ? t('staff.invite.submitting') : t('staff.invite.submit')}
              </button>
              <button type="button" className="button button-secondary" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/* ---------- Open invitations ---------- */

function Invitations({ invitations, canRevoke }: { invitations: PendingInvitation[]; canRevoke: boolean }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const formatDateTime = useFormatDateTime();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (invitation: PendingInvitation) => revokeInvitation(invitation.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
  });

  async function ask(invitation: PendingInvitation) {
    const yes = await confirm({
      title: t('staff.invitations.revokeTitle', { name: invitation.name }),
      body: <p>{t('staff.invitations.revokeText')}</p>,
      confirmLabel: t('staff.invitations.revoke'),
    });
    if (yes) revoke.mutate(invitation);
  }

  return (
    <TableCard
      titleId="invitations-title"
      title={t('staff.invitations.title')}
      error={revoke.isError ? revoke.error : null}
      testId="invitations-table"
      columns={[{ label: t('staff.col.name') }, { label: t('staff.col.roles') }, { label: t('staff.invitations.expires') }]}
      actions={canRevoke && {}}
      rows={
        <>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row" className="cell-person">
                  <span className="person-name">{invitation.name}</span>
                  <span className="person-email">
                    <BreakableEmail email={invitation.email} />
                  </span>
                </th>
                <td>{capitalise(roleNames(invitation.roles))}</td>
                <td>{formatDateTime(invitation.expiresAt)}</td>
                {canRevoke && (
                  <td className="cell-action">
                    <button
                      type="button"
                      className="button button-secondary button-compact"
                      disabled={revoke.isPending && revoke.variables?.id === invitation.id}
                      onClick={() => void ask(invitation)}
                    >
                      {t('staff.invitations.revoke')}
                      <span className="sr-only"> {invitation.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
        </>
      }
    />
  );
}
