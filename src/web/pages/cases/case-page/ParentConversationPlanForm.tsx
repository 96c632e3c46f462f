import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adviceNotFollowed,
  checkPlan,
  CONVERSATION_KIND_LABELS,
  CONVERSATION_KINDS,
  HOLDER_ROLE_LABELS,
  HOLDER_ROLES,
  PLANNING_AID,
  PRACTICAL_ADVICE,
  YES_NO_QUESTION_IDS,
  type ConversationHolder,
  type ConversationKind,
  type ConversationPlan,
  type HolderRole,
  type PlanAnswer,
  type YesNoQuestionId,
} from '../../../../domain/cases/parent-conversation.js';
import type { TeamRole } from '../../../../domain/cases/case-team.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { isDate } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { Principles } from './Principles.js';

const ANSWERS = ['yes', 'no', 'unknown'] as const satisfies readonly PlanAnswer[];
const FIELDS = [
  ...YES_NO_QUESTION_IDS.map((q) => `answers-${q}`),
  'teacherToolsAndExperience',
  'kind',
  'holders',
  'reasoning',
  'plannedOn',
  'interpreterNeeded',
  'interpreterArranged',
  'childDisclosed',
  'safetyAgreementsPlanned',
] as const;

/** The role a team member most likely has in the conversation. */
function holderRoleOf(teamRole: TeamRole): HolderRole {
  return (HOLDER_ROLES as readonly string[]).includes(teamRole) ? (teamRole as HolderRole) : 'ib';
}

type Props = {
  idPrefix: string;
  /** The latest plan, to start from; a plan is changed by recording a new one. */
  initial: ConversationPlan | null;
  /** When correcting an earlier plan entry. */
  correctingEntryId?: string | null;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * "Gesprek voorbereiden": the school's decision aid (who holds the conversation, alone or together,
 * can it be held safely, what kind of conversation), with Veilig Thuis's practical advice beside it.
 */
export function ParentConversationPlanForm({ idPrefix, initial, correctingEntryId = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const language = currentLanguage();
  const [answers, setAnswers] = useState<Partial<Record<YesNoQuestionId, PlanAnswer>>>(initial ? { ...initial.answers } : {});
  const [teacherTools, setTeacherTools] = useState(initial?.teacherToolsAndExperience ?? '');
  const [kind, setKind] = useState<ConversationKind | null>(initial?.kind ?? null);
  const [holders, setHolders] = useState<ConversationHolder[]>(initial ? [...initial.holders] : []);
  const [reasoning, setReasoning] = useState(initial?.reasoning ?? '');
  const [plannedOn, setPlannedOn] = useState(initial?.plannedOn ?? '');
  const [interpreterNeeded, setInterpreterNeeded] = useState(initial?.interpreterNeeded ?? false);
  const [interpreterArranged, setInterpreterArranged] = useState(initial?.interpreterArranged ?? false);
  const [childDisclosed, setChildDisclosed] = useState(initial?.childDisclosed ?? false);
  const [safetyAgreementsPlanned, setSafetyAgreementsPlanned] = useState(initial?.safetyAgreementsPlanned ?? false);
  const form = useEntryForm({ kind: 'parent-conversation-plan', entryId: correctingEntryId, idPrefix, fields: FIELDS, onSaved });
  const pc = 'casePage.parentConversation.plan';

  function plan(): ConversationPlan {
    return {
      answers: Object.fromEntries(YES_NO_QUESTION_IDS.map((q) => [q, answers[q] ?? 'unknown'])) as Record<YesNoQuestionId, PlanAnswer>,
      teacherToolsAndExperience: teacherTools.trim(),
      kind,
      holders,
      reasoning: reasoning.trim(),
      plannedOn: plannedOn === '' ? null : plannedOn,
      interpreterNeeded,
      interpreterArranged: interpreterNeeded && interpreterArranged,
      childDisclosed,
      safetyAgreementsPlanned,
    };
  }

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    for (const q of YES_NO_QUESTION_IDS) if (!answers[q]) found[`answers-${q}`] = t(`${pc}.answerRequired`);
    if (plannedOn !== '' && !isDate(plannedOn)) found['plannedOn'] = t(`${pc}.dateInvalid`);
    for (const problem of checkPlan(plan())) {
      if (problem.code === 'kind-required') found['kind'] = t(`${pc}.kindRequired`);
      else if (problem.code === 'holders-required') found['holders'] = t(`${pc}.holdersRequired`);
      else if (problem.code === 'holder-twice') found['holders'] = t(`${pc}.holderTwice`);
      else if (problem.code === 'alone-not-possible') found['holders'] = t(`${pc}.aloneNotPossible`);
      else if (problem.code === 'not-safe') found[`answers-${problem.question}`] = t(`${pc}.notSafe`);
      else if (problem.code === 'reasoning-required') found['reasoning'] = t(`${pc}.reasoningRequired`);
      else found['plannedOn'] = t(`${pc}.dateInvalid`);
    }
    return found;
  }

  const notFollowed = new Set(adviceNotFollowed(plan()));

  function toggleHolder(userId: string, teamRole: TeamRole, checked: boolean) {
    setHolders((current) => {
      const next = checked ? [...current, { userId, role: holderRoleOf(teamRole) }] : current.filter((h) => h.userId !== userId);
      // Keep the team's order, whatever the order of clicking.
      return data.team.map((m) => next.find((h) => h.userId === m.userId)).filter((h): h is ConversationHolder => h !== undefined);
    });
  }

  const holderError = form.errors['holders'];

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(`${pc}.title`)}
      intro={
        <>
          <p className="field-hint">{t(`${pc}.intro`)}</p>
          <details className="case-disclosure">
            <summary>{data.parentConversationPrinciples.title}</summary>
            <Principles principles={data.parentConversationPrinciples} compact />
          </details>
        </>
      }
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={form.correcting ? t('casePage.form.saveCorrection') : t(`${pc}.save`)}
      onSubmit={(event) =>
        form.submit(event, validate, () => {
          const p = plan();
          return { ...p, answers: { ...p.answers }, holders: p.holders.map((h) => ({ ...h })) };
        })
      }
      onCancel={onCancel}
      testId="parent-plan-form"
    >
      <div className="pc-plan-layout">
        <div className="pc-plan-fields">
          {PLANNING_AID.map((group) => (
            <fieldset key={group.id} className="pc-group" data-testid={`parent-plan-group-${group.id}`}>
              <legend className="pc-group-legend">{group.heading[language]}</legend>
              {group.questions.map((question) => {
                if (question.answer === 'yes-no') {
                  const id = question.id;
                  return (
                    <RadioGroup
                      key={id}
                      idPrefix={`${idPrefix}-answers-${id}`}
                      name={`${idPrefix}-answers-${id}`}
                      legend={question.text[language]}
                      options={ANSWERS.map((a) => ({ value: a, label: t(`casePage.parentConversation.answers.${a}`) }))}
                      value={answers[id] ?? null}
                      onChange={(value) => setAnswers((current) => ({ ...current, [id]: value }))}
                      // "Choose an answer" goes once one is chosen; any other message stays until saving again.
                      error={answers[id] && form.errors[`answers-${id}`] === t(`${pc}.answerRequired`) ? null : (form.errors[`answers-${id}`] ?? null)}
                      variant="inline"
                    />
                  );
                }
                if (question.answer === 'text') {
                  return (
                    <TextAreaField
                      key={question.id}
                      id={`${idPrefix}-teacherToolsAndExperience`}
                      label={question.text[language]}
                      hint={t(`${pc}.teacherToolsHint`)}
                      rows={2}
                      maxLength={2000}
                      value={teacherTools}
                      onChange={(event) => setTeacherTools(event.target.value)}
                      error={form.errors['teacherToolsAndExperience'] ?? null}
                    />
                  );
                }
                return (
                  <RadioGroup
                    key={question.id}
                    idPrefix={`${idPrefix}-kind`}
                    name={`${idPrefix}-kind`}
                    legend={question.text[language]}
                    options={CONVERSATION_KINDS.map((k) => ({ value: k, label: CONVERSATION_KIND_LABELS[k][language] }))}
                    value={kind}
                    onChange={setKind}
                    error={kind === null ? (form.errors['kind'] ?? null) : null}
                  />
                );
              })}
            </fieldset>
          ))}

          <fieldset className="checkbox-group pc-holders" aria-describedby={[`${idPrefix}-holders-hint`, holderError ? `${idPrefix}-holders-error` : ''].filter(Boolean).join(' ')}>
            <legend className="field-label checkbox-legend">{t(`${pc}.holders`)}</legend>
            <p id={`${idPrefix}-holders-hint`} className="field-hint">
              {t(`${pc}.holdersHint`)}
              {holders.length > 0 && <strong className="pc-holders-count"> {holders.length === 1 ? t(`${pc}.alone`) : t(`${pc}.together`, { count: holders.length })}</strong>}
            </p>
            {holderError && (
              <p id={`${idPrefix}-holders-error`} className="field-error">
                {holderError}
              </p>
            )}
            {data.team.length === 0 ? (
              <p className="field-hint">{t(`${pc}.noTeam`)}</p>
            ) : (
              <ul className="pc-holder-list">
                {data.team.map((member) => {
                  const id = `${idPrefix}-holders-${member.userId}`;
                  const holder = holders.find((h) => h.userId === member.userId);
                  return (
                    <li key={member.userId} className="pc-holder" data-testid="parent-plan-holder">
                      <div className="checkbox">
                        <input id={id} type="checkbox" className="checkbox-input" checked={holder !== undefined} onChange={(event) => toggleHolder(member.userId, member.teamRole, event.target.checked)} />
                        <label htmlFor={id} className="checkbox-label">
                          {member.name} <span className="muted">· {t(`casePage.teamRoles.${member.teamRole}`)}</span>
                        </label>
                      </div>
                      {holder && (
                        <select
                          className="select pc-holder-role"
                          aria-label={t(`${pc}.holderRole`, { name: member.name })}
                          value={holder.role}
                          onChange={(event) => {
                            const role = event.target.value as HolderRole;
                            setHolders((current) => current.map((h) => (h.userId === member.userId ? { ...h, role } : h)));
                          }}
                        >
                          {HOLDER_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {HOLDER_ROLE_LABELS[role][language]}
                            </option>
                          ))}
                        </select>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>

          <TextAreaField
            id={`${idPrefix}-reasoning`}
            label={t(`${pc}.reasoning`)}
            hint={t(`${pc}.reasoningHint`)}
            rows={3}
            maxLength={5000}
            required
            value={reasoning}
            onChange={(event) => setReasoning(event.target.value)}
            error={form.errors['reasoning'] ?? null}
          />
          <TextField
            id={`${idPrefix}-plannedOn`}
            type="date"
            className="input-date"
            label={t(`${pc}.plannedOn`)}
            hint={t(`${pc}.plannedOnHint`)}
            value={plannedOn}
            onChange={(event) => setPlannedOn(event.target.value)}
            error={form.errors['plannedOn'] ?? null}
            data-testid="parent-plan-date"
          />
          <fieldset className="checkbox-group">
            <legend className="field-label checkbox-legend">{t(`${pc}.practical`)}</legend>
            <div className="checkbox-list">
              <Check id={`${idPrefix}-interpreterNeeded`} label={t(`${pc}.interpreterNeeded`)} checked={interpreterNeeded} onChange={setInterpreterNeeded} />
              {interpreterNeeded && (
                <div className="pc-indent">
                  <Check id={`${idPrefix}-interpreterArranged`} label={t(`${pc}.interpreterArranged`)} checked={interpreterArranged} onChange={setInterpreterArranged} />
                </div>
              )}
              <Check id={`${idPrefix}-childDisclosed`} label={t(`${pc}.childDisclosed`)} checked={childDisclosed} onChange={setChildDisclosed} />
              <Check id={`${idPrefix}-safetyAgreementsPlanned`} label={t(`${pc}.safetyAgreementsPlanned`)} checked={safetyAgreementsPlanned} onChange={setSafetyAgreementsPlanned} />
            </div>
          </fieldset>
        </div>

        <aside className="pc-advice" aria-labelledby={`${idPrefix}-advice-title`} data-testid="parent-plan-advice">
          <h5 id={`${idPrefix}-advice-title`} className="pc-advice-title">
            {t(`${pc}.adviceTitle`)}
          </h5>
          {notFollowed.size > 0 && (
            <p className="pc-advice-summary" role="status">
              {t(`${pc}.adviceNote`, { count: notFollowed.size })}
            </p>
          )}
          <ul className="pc-advice-list">
            {PRACTICAL_ADVICE.map((advice) => {
              const open = notFollowed.has(advice.id);
              return (
                <li key={advice.id} className={open ? 'pc-advice-item pc-advice-open' : 'pc-advice-item'} data-testid="parent-plan-advice-item" data-advice={advice.id} data-open={open}>
                  <span className="pc-advice-source">{advice.source === 'school' ? t(`${pc}.adviceSchool`) : t(`${pc}.adviceVeiligThuis`)}</span>
                  {open && <span className="pc-advice-flag">{t(`${pc}.adviceNotFollowed`)}</span>}
                  <span className="pc-advice-text">{advice.text[language]}</span>
                </li>
              );
            })}
          </ul>
        </aside>
      </div>
    </FormShell>
  );
}

function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" className="checkbox-input" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="checkbox-label">
        {label}
      </label>
    </div>
  );
}
