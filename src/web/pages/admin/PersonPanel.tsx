import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkResponse, StaffListResponse, StaffMember } from '../../../contract/administration.js';
import { SCHOOL_ROLES } from '../../../domain/people/roles.js';
import { deactivate, getSessions, reactivate, resetPassword, resetSecondFactor, revokeSession, setRoles, type StaffSession } from '../../api/administration.js';
import { queryKeys } from '../../api/query-keys.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LinkHandOff } from '../../components/LinkHandOff.js';
import { Notice } from '../../components/Notice.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useElevatedMutation } from '../../dialogs/ElevationProvider.js';
import { firstNameOf, useFormatDateTime, useRoleLabel } from '../../hooks/useFormat.js';

type SchoolRole = (typeof SCHOOL_ROLES)[number];

export type StaffAbilities = StaffListResponse['abilities'];

type Feedback = { tone: 'success' | 'info'; content: ReactNode } | null;

/** Everything an administrator can do for one colleague, shown beneath their row. */
export function PersonPanel({ member, abilities, schoolName, onRemoved }: { member: StaffMember; abilities: StaffAbilities; schoolName: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [error, setError] = useState<unknown>(null);
  const report = { setFeedback, setError };

  return (
    <div className="person-panel" data-testid="person-panel">
      <h3 className="person-panel-title">{t('staff.panelTitle', { name: member.name })}</h3>
      {feedback && <Notice tone={feedback.tone}>{feedback.content}</Notice>}
      <ErrorAlert error={error} />
      <div className="person-panel-grid">
        {abilities['staff.roles.update'] && <RolesForm member={member} schoolName={schoolName} onRemoved={onRemoved} report={report} />}
        {(abilities['staff.deactivate'] || abilities['staff.password.reset'] || abilities['staff.second-factor.reset']) && (
          <AccountActions member={member} abilities={abilities} report={report} />
        )}
      </div>
      {abilities['staff.sessions.list'] && member.active && <Sessions member={member} report={report} />}
    </div>
  );
}

type Report = { setFeedback: (feedback: Feedback) => void; setError: (error: unknown) => void };

function useInvalidateStaff() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    // A change of roles may take a teacher off their groups.
    await queryClient.invalidateQueries({ queryKey: queryKeys.groups });
  };
}

/* ---------- Roles ---------- */

function RolesForm({ member, schoolName, onRemoved, report }: { member: StaffMember; schoolName: string; onRemoved: () => void; report: Report }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const confirm = useConfirm();
  const invalidate = useInvalidateStaff();
  const [roles, setSelected] = useState<SchoolRole[]>(member.roles);

  const mutation = useElevatedMutation({
    mutationFn: (next: SchoolRole[]) => setRoles(member.userId, next),
    onMutate: () => report.setError(null),
    onSuccess: async (_result, next) => {
      if (next.length === 0) onRemoved();
      else report.setFeedback({ tone: 'success', content: <p className="alert-message">{t('staff.roles.saved', { name: member.name })}</p> });
      await invalidate();
    },
    onError: (error) => report.setError(error),
  });

  const unchanged = roles.length === member.roles.length && roles.every((r) => member.roles.includes(r));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    report.setFeedback(null);
    if (unchanged) {
      report.setFeedback({ tone: 'info', content: <p className="alert-message">{t('staff.roles.unchanged')}</p> });
      return;
    }
    if (roles.length === 0) {
      const yes = await confirm({
        title: t('staff.roles.removeTitle', { name: member.name, school: schoolName }),
        body: <p>{t('staff.roles.removeText', { name: member.name, school: schoolName })}</p>,
        confirmLabel: t('staff.roles.removeConfirm'),
      });
      if (!yes) return;
    }
    mutation.mutate(roles);
  }

  return (
    <form className="panel-section" noValidate onSubmit={(event) => void submit(event)}>
      <CheckboxGroup
        idPrefix={`roles-${member.userId}`}
        legend={t('staff.roles.legend', { school: schoolName })}
        hint={t('staff.roles.hint')}
        options={SCHOOL_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        selected={roles}
        onChange={setSelected}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={mutation.isPending} data-testid="roles-save">
          {mutation.isPending ? t('common.saving') : t('staff.roles.save')}
        </button>
      </div>
    </form>
  );
}

/* ---------- Account: deactivate, password, second factor ---------- */

function AccountActions({ member, abilities, report }: { member: StaffMember; abilities: StaffAbilities; report: Report }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const invalidate = useInvalidateStaff();
  const formatDateTime = useFormatDateTime();
  const firstName = firstNameOf(member.name);

  const onMutate = () => {
    report.setError(null);
    report.setFeedback(null);
  };
  const onError = (error: Error) => report.setError(error);
  const said = (text: string) => report.setFeedback({ tone: 'success', content: <p className="alert-message">{text}</p> });

  const deactivation = useElevatedMutation({
    mutationFn: () => deactivate(member.userId),
    onMutate,
    onError,
    onSuccess: async () => {
      said(t('staff.account.deactivated', { name: member.name }));
      await invalidate();
    },
  });
  const reactivation = useElevatedMutation({
    mutationFn: () => reactivate(member.userId),
    onMutate,
    onError,
    onSuccess: async () => {
      said(t('staff.account.reactivated', { name: member.name }));
      await invalidate();
    },
  });
  const passwordReset = useElevatedMutation({
    mutationFn: () => resetPassword(member.userId),
    onMutate,
    onError,
    onSuccess: (result: LinkResponse) => {
      if (result.delivered === 'email') {
        report.setFeedback({
          tone: 'success',
          content: (
            <>
              <p className="alert-message">{t('staff.account.passwordMailed', { name: member.name, email: member.email })}</p>
              <p>{t('staff.invite.mailedExpiry', { date: formatDateTime(result.expiresAt) })}</p>
            </>
          ),
        });
      } else {
        report.setFeedback({
          tone: 'success',
          content: (
            <>
              <p className="alert-message">{t('staff.account.passwordReady', { name: member.name })}</p>
              {result.link ? (
                <LinkHandOff label={t('staff.account.passwordLinkLabel')} link={result.link} expiresAt={result.expiresAt} recipient={firstName} testId="password-link" />
              ) : (
                <p>{t('staff.linkMissing')}</p>
              )}
            </>
          ),
        });
      }
    },
  });
  const secondFactorReset = useElevatedMutation({
    mutationFn: () => resetSecondFactor(member.userId),
    onMutate,
    onError,
    onSuccess: async () => {
      said(t('staff.account.twoStepReset', { name: member.name }));
      await invalidate();
    },
  });

  const busy = deactivation.isPending || reactivation.isPending || passwordReset.isPending || secondFactorReset.isPending;

  async function askDeactivate() {
    const yes = await confirm({
      title: t('staff.account.deactivateTitle', { name: member.name }),
      body: (
        <>
          <p>
            <strong>{t('staff.account.deactivateSessions')}</strong>
          </p>
          <p>{t('staff.account.deactivateText', { name: firstName })}</p>
        </>
      ),
      confirmLabel: t('staff.account.deactivate'),
    });
    if (yes) deactivation.mutate();
  }

  async function askPasswordReset() {
    const yes = await confirm({
      title: t('staff.account.passwordTitle', { name: member.name }),
      body: <p>{t('staff.account.passwordConfirmText', { name: firstName })}</p>,
      confirmLabel: t('staff.account.passwordConfirm'),
      tone: 'normal',
    });
    if (yes) passwordReset.mutate();
  }

  async function askSecondFactorReset() {
    const yes = await confirm({
      title: t('staff.account.twoStepTitle', { name: member.name }),
      body: (
        <>
          <p>{t('staff.account.twoStepConfirmText', { name: firstName })}</p>
          <p>{t('staff.account.twoStepCheck', { name: firstName })}</p>
        </>
      ),
      confirmLabel: t('staff.account.twoStepConfirm'),
    });
    if (yes) secondFactorReset.mutate();
  }

  return (
    <div className="panel-section">
      <h4 className="panel-section-title">{t('staff.account.title')}</h4>
      <ul className="action-list">
        {member.active && abilities['staff.password.reset'] && (
          <li>
            <button type="button" className="button button-secondary" disabled={busy} data-testid="password-reset" onClick={() => void askPasswordReset()}>
              {t('staff.account.password')}
            </button>
            <span className="action-hint">{t('staff.account.passwordHint', { name: firstName })}</span>
          </li>
        )}
        {member.active && abilities['staff.second-factor.reset'] && (
          <li>
            <button type="button" className="button button-secondary" disabled={busy} data-testid="second-factor-reset" onClick={() => void askSecondFactorReset()}>
              {t('staff.account.twoStep')}
            </button>
            <span className="action-hint">{t('staff.account.twoStepHint')}</span>
          </li>
        )}
        {abilities['staff.deactivate'] &&
          (member.active ? (
            <li>
              <button type="button" className="button button-danger-outline" disabled={busy} data-testid="deactivate" onClick={() => void askDeactivate()}>
                {t('staff.account.deactivate')}
              </button>
              <span className="action-hint">{t('staff.account.deactivateHint')}</span>
            </li>
          ) : (
            <li>
              <button type="button" className="button button-secondary" disabled={busy} data-testid="reactivate" onClick={() => reactivation.mutate()}>
                {t('staff.account.reactivate')}
              </button>
              <span className="action-hint">{t('staff.account.reactivateHint', { name: firstName })}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

/* ---------- Sessions ---------- */

function Sessions({ member, report }: { member: StaffMember; report: Report }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  // Looking at someone's sessions is recorded in the audit log: only when asked.
  const [shown, setShown] = useState(false);
  const sessions = useQuery({
    queryKey: queryKeys.staffSessions(member.userId),
    queryFn: () => getSessions(member.userId),
    enabled: shown,
    staleTime: 0,
  });

  const revoke = useElevatedMutation({
    mutationFn: (session: StaffSession) => revokeSession(member.userId, session.id),
    onMutate: () => {
      report.setError(null);
      report.setFeedback(null);
    },
    onError: (error) => report.setError(error),
    onSuccess: () => report.setFeedback({ tone: 'success', content: <p className="alert-message">{t('staff.sessions.revoked')}</p> }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staffSessions(member.userId) }),
  });

  return (
    <div className="panel-section panel-section-wide">
      <h4 className="panel-section-title">{t('staff.sessions.title')}</h4>
      {!shown ? (
        <>
          <p className="small">{t('staff.sessions.intro', { name: firstNameOf(member.name) })}</p>
          <button type="button" className="button button-secondary" data-testid="sessions-show" onClick={() => setShown(true)}>
            {t('staff.sessions.show')}
          </button>
        </>
      ) : sessions.isPending ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} />
      ) : sessions.data.sessions.length === 0 ? (
        <p data-testid="sessions-none">{t('staff.sessions.none', { name: firstNameOf(member.name) })}</p>
      ) : (
        <table className="table table-compact" data-testid="sessions-table">
          <caption className="sr-only">{t('staff.sessions.caption', { name: member.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.sessions.started')}</th>
              <th scope="col">{t('staff.sessions.lastSeen')}</th>
              <th scope="col">{t('staff.sessions.state')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.sessions.map((session) => (
              <tr key={session.id}>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td>{session.complete ? t('staff.sessions.complete') : t('staff.sessions.incomplete')}</td>
                <td className="cell-action">
                  <button
                    type="button"
                    className="button button-secondary button-compact"
                    disabled={revoke.isPending && revoke.variables?.id === session.id}
                    onClick={() => revoke.mutate(session)}
                  >
                    {t('staff.sessions.revoke')}
                    <span className="sr-only"> {t('staff.sessions.revokeWhich', { date: formatDateTime(session.createdAt) })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
