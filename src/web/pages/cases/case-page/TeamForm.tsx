import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayBeCasushouder, type TeamRole } from '../../../../domain/cases/case-team.js';
import { getTeamCandidates, saveTeam, type TeamCandidates } from '../../../api/cases.js';
import { queryKeys } from '../../../api/query-keys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoading } from '../../../components/NotAllowed.js';
import { useCaseView } from './case-context.js';
import { FormShell, refreshCase, useServerErrors, type FieldErrors } from './entry-form.js';
import { Principles } from './Principles.js';
import { RadioGroup } from '../../../components/RadioGroup.js';

type Props = { idPrefix: string; onSaved: () => void; onCancel: () => void };

/** Step 3: who forms the interventieteam, and who of the IB'er and SMW becomes casushouder. */
export function TeamForm({ idPrefix, onSaved, onCancel }: Props) {
  const { caseId } = useCaseView();
  const candidates = useQuery({ queryKey: queryKeys.teamCandidates(caseId), queryFn: () => getTeamCandidates(caseId), staleTime: 0 });
  if (candidates.data) return <TeamFormFields idPrefix={idPrefix} candidates={candidates.data} onSaved={onSaved} onCancel={onCancel} />;
  return candidates.isError ? <ErrorAlert error={candidates.error} /> : <PageLoading />;
}

type Person = { userId: string; name: string; teamRole: TeamRole };

function TeamFormFields({ idPrefix, candidates, onSaved, onCancel }: Props & { candidates: TeamCandidates }) {
  const { t } = useTranslation();
  const { caseId, data } = useCaseView();
  const queryClient = useQueryClient();
  // Everyone who can be chosen: whoever is on the team already, then the candidates.
  const people: Person[] = [
    ...data.team.map((member) => ({ userId: member.userId, name: member.name, teamRole: member.teamRole })),
    ...candidates.candidates.filter((c) => !data.team.some((m) => m.userId === c.userId)).map((c) => ({ userId: c.userId, name: c.name, teamRole: c.suggestedTeamRole })),
  ];
  // The school's principle: IB'er, SMW, the teacher involved and possibly directie form the team.
  // Other colleagues can be added too, but wait behind a disclosure so the list stays short.
  const suggested = (p: Person) =>
    data.team.some((m) => m.userId === p.userId) || p.userId === data.case.startedBy.userId || ['aandachtsfunctionaris', 'ib', 'smw', 'director', 'board'].includes(p.teamRole);
  const main = people.filter(suggested);
  const others = people.filter((p) => !suggested(p));
  // Forming the team starts from the principle (directie when the team wants to); changing it, from the team as it is.
  const [selected, setSelected] = useState<string[]>(() =>
    data.case.casushouder !== null ? data.team.map((m) => m.userId) : main.filter((p) => p.teamRole !== 'director').map((p) => p.userId),
  );
  const [casushouderId, setCasushouderId] = useState<string | null>(data.case.casushouder?.userId ?? candidates.proposedCasushouderId);
  const problems = useServerErrors(idPrefix, ['members', 'casushouderId']);

  const save = useMutation({
    mutationFn: () =>
      saveTeam(caseId, {
        members: people.filter((p) => selected.includes(p.userId)).map((p) => ({ userId: p.userId, teamRole: p.teamRole })),
        casushouderId,
      }),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: problems.show,
  });

  const eligible = people.filter((p) => selected.includes(p.userId) && mayBeCasushouder(p));
  const roleLabel = (role: TeamRole) => t(`casePage.teamRoles.${role}`);

  function memberBox(person: Person) {
    const id = `${idPrefix}-members-${person.userId}`;
    return (
      <div key={person.userId} className="checkbox">
        <input
          id={id}
          type="checkbox"
          className="checkbox-input"
          checked={selected.includes(person.userId)}
          onChange={(event) => {
            const next = event.target.checked ? [...selected, person.userId] : selected.filter((userId) => userId !== person.userId);
            setSelected(people.map((p) => p.userId).filter((userId) => next.includes(userId)));
            if (!event.target.checked && casushouderId === person.userId) setCasushouderId(null);
          }}
        />
        <label htmlFor={id} className="checkbox-label">
          {person.name} <span className="muted">· {roleLabel(person.teamRole)}</span>
          {person.userId === data.case.startedBy.userId && <span className="muted"> · {t('casePage.team.signalled')}</span>}
        </label>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const found: FieldErrors = {
      members: selected.length === 0 ? t('casePage.team.membersRequired') : undefined,
      casushouderId: casushouderId === null || !eligible.some((p) => p.userId === casushouderId) ? t('casePage.team.casushouderRequired') : undefined,
    };
    if (problems.check(found)) save.mutate();
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={data.case.casushouder !== null ? t('casePage.team.changeTitle') : t('casePage.team.formTitle')}
      intro={<Principles principles={data.taskDivisionPrinciples} compact />}
      alert={problems.alert}
      pending={save.isPending}
      submitLabel={t('casePage.team.save')}
      onSubmit={submit}
      onCancel={onCancel}
      testId="team-form"
    >
      <fieldset className="checkbox-group" aria-describedby={problems.errors['members'] ? `${idPrefix}-members-error` : undefined}>
        <legend className="field-label checkbox-legend">{t('casePage.team.membersLegend')}</legend>
        {problems.errors['members'] && (
          <p id={`${idPrefix}-members-error`} className="field-error">
            {problems.errors['members']}
          </p>
        )}
        <div className="checkbox-list">{main.map(memberBox)}</div>
        {others.length > 0 && (
          <details className="case-disclosure case-team-others" open={others.some((p) => selected.includes(p.userId))}>
            <summary>{t('casePage.team.others', { count: others.length })}</summary>
            <div className="checkbox-list">{others.map(memberBox)}</div>
          </details>
        )}
      </fieldset>
      {eligible.length > 0 ? (
        <RadioGroup
          idPrefix={`${idPrefix}-casushouderId`}
          name={`${idPrefix}-casushouderId`}
          legend={t('casePage.team.casushouderLegend')}
          hint={t('casePage.team.casushouderHint')}
          options={eligible.map((person) => ({
            value: person.userId,
            label: `${person.name} · ${roleLabel(person.teamRole)}`,
            ...(person.userId === candidates.proposedCasushouderId ? { description: t('casePage.team.proposed') } : {}),
          }))}
          value={casushouderId}
          onChange={setCasushouderId}
          error={problems.errors['casushouderId'] ?? null}
        />
      ) : (
        <p className="field-error" id={`${idPrefix}-casushouderId`}>
          {t('casePage.team.noEligible')}
        </p>
      )}
    </FormShell>
  );
}
