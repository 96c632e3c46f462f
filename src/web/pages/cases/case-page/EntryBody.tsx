import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_LABELS, ANSWERS, isQuestionId, questionById, UNSAFETY_KIND_LABELS, UNSAFETY_KINDS, type Answer, type UnsafetyKind } from '../../../../domain/cases/afwegingskader/questions.js';
import { NATURE_OPTIONS, RISK_LABELS, SEVERITY_LABELS, type Risk, type Severity } from '../../../../domain/cases/afwegingskader/risk-assessment.js';
import { CLOSING_REASON_DETAILS, isClosingReason } from '../../../../domain/cases/closing.js';
import { currentLanguage } from '../../../i18n/index.js';
import { TEAM_ROLES, type TeamRole } from '../../../../domain/cases/case-team.js';
import type { BodyMapMark } from '../../../../domain/cases/signals/body-map.js';
import { BodyMap } from '../../../components/BodyMap.js';
import { useFormatList } from '../../../hooks/useFormat.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';
import { useSignalItemLabel } from './case-labels.js';
import { NotHeldEntryBody, PlanEntryBody, Step4PartsBody } from './parent-conversation-entry.js';
import { ReportEntryBody, ReportFeedbackEntryBody } from './report-entry.js';
import { AftercareReviewEntryBody, ContactMatrixEntryBody, MonitoringNoteEntryBody } from './aftercare-entry.js';

type Body = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** One line of an entry: a label and its value; nothing when there is no value. */
function Row({ label, children, long = false }: { label: string; children: ReactNode; long?: boolean }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className={long ? 'case-body-row case-body-row-long' : 'case-body-row'}>
      <dt>{label}</dt>
      <dd className={long ? 'notes' : undefined}>{children}</dd>
    </div>
  );
}

/**
 * What one version of an entry says, read-only, for the timeline and the print view. The body is
 * read defensively: an entry stays readable even when its kind's form has changed since.
 */
export function EntryBody({ kind, body, print = false }: { kind: string; body: unknown; print?: boolean }) {
  const b: Body = typeof body === 'object' && body !== null ? (body as Body) : {};
  return <dl className="case-body">{renderKind(kind, b, print)}</dl>;
}

function renderKind(kind: string, b: Body, print: boolean): ReactNode {
  switch (kind) {
    case 'signal':
      return <SignalBody b={b} print={print} />;
    case 'task':
      return <TaskBody b={b} />;
    case 'pupil-conversation':
    case 'parent-conversation':
      return <ConversationBody b={b} />;
    case 'consultation':
      return <ConsultationBody b={b} />;
    case 'veilig-thuis-advice':
      return <AdviceBody b={b} />;
    case 'kindcheck':
      return <KindcheckBody b={b} />;
    case 'agreement':
      return <AgreementBody b={b} />;
    case 'case-started':
      return <StartedBody b={b} />;
    case 'team-change':
      return <TeamChangeBody b={b} />;
    case 'escalation-decision':
      return <DecisionBody b={b} />;
    case 'break-glass':
    case 'case-reopened':
      return <BreakGlassBody b={b} />;
    case 'case-closed':
      return <ClosedBody b={b} />;
    case 'weighing-answer':
      return <WeighingAnswerBody b={b} />;
    case 'report':
      return <ReportEntryBody body={b} />;
    case 'report-feedback':
      return <ReportFeedbackEntryBody body={b} />;
    case 'parent-conversation-plan':
      return <PlanEntryBody body={b} />;
    case 'parent-conversation-not-held':
      return <NotHeldEntryBody body={b} />;
    case 'risk-index-registration':
      return <RiskIndexBody b={b} />;
    case 'monitoring-note':
      return <MonitoringNoteEntryBody body={b} />;
    case 'aftercare-review':
      return <AftercareReviewEntryBody body={b} />;
    case 'contact-matrix':
      return <ContactMatrixEntryBody body={b} />;
    case 'risk-assessment':
      return <RiskAssessmentBody b={b} />;
    default:
      return null;
  }
}

function SignalBody({ b, print }: { b: Body; print: boolean }) {
  const { t } = useTranslation();
  const itemLabel = useSignalItemLabel();
  const items = list(b['signalItemIds']).filter((id): id is string => typeof id === 'string');
  const marks = list(b['bodyMap']) as BodyMapMark[];
  const source = text(b['source']);
  const when = text(b['observedOn']) ? [formatDate(String(b['observedOn'])), text(b['observedTime'])].filter(Boolean).join(` ${t('casePage.body.at')} `) : null;
  return (
    <>
      <Row label={t('casePage.body.observedOn')}>{when}</Row>
      <Row label={t('casePage.body.place')}>{text(b['place'])}</Row>
      <Row label={t('casePage.body.observedBy')}>{text(b['observedBy'])}</Row>
      <Row label={t('casePage.body.source')}>
        {source && (source === 'own-observation' || source === 'child-told' || source === 'other-told') ? t(`casePage.sources.${source}`) : source}
        {text(b['sourceDetail']) && ` (${String(b['sourceDetail'])})`}
      </Row>
      <Row label={t('casePage.body.description')} long>
        {text(b['description'])}
      </Row>
      <Row label={t('casePage.body.counterIndications')} long>
        {text(b['counterIndications'])}
      </Row>
      {items.length > 0 && (
        <Row label={t('casePage.body.signalItems')}>
          <ul className="case-body-list">
            {items.map((id) => (
              <li key={id}>{itemLabel(id)}</li>
            ))}
          </ul>
        </Row>
      )}
      {marks.length > 0 && (
        <div className="case-body-row case-body-map" data-testid="entry-body-map">
          <dt>{t('casePage.body.bodyMap')}</dt>
          <dd>{print ? <BodyMap marks={marks} readOnly /> : <BodyMapDisclosure marks={marks} />}</dd>
        </div>
      )}
    </>
  );
}

/** On screen the body map opens on request: the timeline stays calm, the map is one click away. */
function BodyMapDisclosure({ marks }: { marks: BodyMapMark[] }) {
  const { t } = useTranslation();
  return (
    <details className="case-disclosure">
      <summary>{t('casePage.body.showBodyMap', { count: marks.length })}</summary>
      <BodyMap marks={marks} readOnly />
    </details>
  );
}

function TaskBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const { taskTexts } = useCaseView();
  const taskId = text(b['taskId']);
  const outcome = b['outcome'] === 'not-applicable' ? 'not-applicable' : 'done';
  return (
    <>
      <Row label={t('casePage.body.task')}>{taskId ? (taskTexts.get(taskId) ?? taskId) : null}</Row>
      <Row label={t('casePage.body.outcome')}>{t(`casePage.taskOutcomes.${outcome}`)}</Row>
      <Row label={outcome === 'not-applicable' ? t('casePage.body.reason') : t('casePage.body.note')} long>
        {text(b['note'])}
      </Row>
    </>
  );
}

function ConversationBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const formatList = useFormatList();
  const guardians = list(b['guardianIds'])
    .map((id) => data.guardians.find((g) => g.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  return (
    <>
      <Row label={t('casePage.body.heldOn')}>{text(b['heldOn']) && formatDate(String(b['heldOn']))}</Row>
      <Row label={t('casePage.body.heldBy')}>{text(b['heldBy'])}</Row>
      <Row label={t('casePage.body.guardians')}>{guardians.length > 0 ? formatList(guardians) : null}</Row>
      <Row label={t('casePage.body.present')}>{text(b['present'])}</Row>
      <Row label={t('casePage.body.summary')} long>
        {text(b['summary'])}
      </Row>
      <Row label={t('casePage.body.agreements')} long>
        {text(b['agreements'])}
      </Row>
      <Step4PartsBody body={b} />
    </>
  );
}

function ConsultationBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const role = text(b['withRole']);
  const roleLabel = role === 'colleague' || role === 'ib' || role === 'smw' || role === 'expert' ? t(`casePage.consultationRoles.${role}`) : role;
  return (
    <>
      <Row label={t('casePage.body.heldOn')}>{text(b['heldOn']) && formatDate(String(b['heldOn']))}</Row>
      <Row label={t('casePage.body.with')}>{[text(b['withName']), roleLabel && `(${roleLabel})`].filter(Boolean).join(' ')}</Row>
      <Row label={t('casePage.body.consultationOutcome')} long>
        {text(b['outcome'])}
      </Row>
    </>
  );
}

function AdviceBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  return (
    <>
      <Row label={t('casePage.body.calledOn')}>{text(b['calledOn']) && formatDate(String(b['calledOn']))}</Row>
      <Row label={t('casePage.body.calledBy')}>{text(b['calledBy'])}</Row>
      <Row label={t('casePage.body.advisorName')}>{text(b['advisorName'])}</Row>
      <Row label={t('casePage.body.advice')} long>
        {text(b['advice'])}
      </Row>
    </>
  );
}

function KindcheckBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const itemLabel = useSignalItemLabel();
  const items = list(b['parentSignalItemIds']).filter((id): id is string => typeof id === 'string');
  const outcome = text(b['outcome']);
  return (
    <>
      <Row label={t('casePage.body.childrenConsidered')} long>
        {text(b['childrenConsidered'])}
      </Row>
      {items.length > 0 && (
        <Row label={t('casePage.body.parentSignalItems')}>
          <ul className="case-body-list">
            {items.map((id) => (
              <li key={id}>{itemLabel(id)}</li>
            ))}
          </ul>
        </Row>
      )}
      <Row label={t('casePage.body.parentSignals')} long>
        {text(b['parentSignals'])}
      </Row>
      <Row label={t('casePage.body.kindcheckOutcome')}>
        {outcome === 'no-further-concern' || outcome === 'concern-for-other-children' || outcome === 'follow-meldcode-for-others' ? t(`casePage.kindcheckOutcomes.${outcome}`) : outcome}
      </Row>
      <Row label={t('casePage.body.notes')} long>
        {text(b['notes'])}
      </Row>
    </>
  );
}

function AgreementBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const { names } = useCaseView();
  const owner = text(b['ownerUserId']);
  const purpose = b['purpose'] === 'monitoring' || b['purpose'] === 'aftercare' ? b['purpose'] : 'task-division';
  return (
    <>
      <Row label={t('casePage.body.what')} long>
        {text(b['what'])}
      </Row>
      <Row label={t('casePage.body.owner')}>{owner ? (names.get(owner) ?? t('casePage.agreement.formerOwner')) : null}</Row>
      <Row label={t('casePage.body.dueOn')}>{text(b['dueOn']) && formatDate(String(b['dueOn']))}</Row>
      <Row label={t('casePage.body.purpose')}>{t(`casePage.agreementPurposes.${purpose}`)}</Row>
      <Row label={t('casePage.body.status')}>
        <span className={b['done'] === true ? 'badge badge-ok' : 'badge badge-todo'}>{b['done'] === true ? t('casePage.agreement.done') : t('casePage.agreement.open')}</span>
      </Row>
    </>
  );
}

function StartedBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const route = b['route'] === 'staff' ? 'staff' : b['route'] === 'meldcode' ? 'meldcode' : null;
  const version = typeof b['protocolVersion'] === 'number' ? b['protocolVersion'] : null;
  return (
    <>
      <Row label={t('casePage.body.route')}>{route && t(`casePage.route.${route}`)}</Row>
      <Row label={t('casePage.body.protocolVersion')}>{version !== null ? t('casePage.header.protocolVersion', { version }) : null}</Row>
    </>
  );
}

/** A person in an event body: an id, or an object with a name or an id. */
function usePersonName(): (value: unknown) => string | null {
  const { names } = useCaseView();
  return (value) => {
    if (typeof value === 'string') return names.get(value) ?? null;
    if (typeof value === 'object' && value !== null) {
      const v = value as Body;
      if (typeof v['name'] === 'string') return v['name'];
      if (typeof v['userId'] === 'string') return names.get(v['userId']) ?? null;
    }
    return null;
  };
}

function TeamChangeBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const formatList = useFormatList();
  const describe = (member: unknown) => {
    const name = nameOf(member) ?? t('casePage.body.someone');
    const role = typeof member === 'object' && member !== null ? (member as Body)['teamRole'] : null;
    return typeof role === 'string' && isTeamRole(role) ? `${name} (${t(`casePage.teamRoles.${role}`)})` : name;
  };
  const added = list(b['added']).map(describe);
  const removed = list(b['removed']).map(describe);
  const casushouder = typeof b['casushouder'] === 'object' && b['casushouder'] !== null ? (b['casushouder'] as Body) : null;
  const to = casushouder ? nameOf(casushouder['to']) ?? nameOf(casushouder) : null;
  return (
    <>
      <Row label={t('casePage.body.added')}>{added.length > 0 ? formatList(added) : null}</Row>
      <Row label={t('casePage.body.removed')}>{removed.length > 0 ? formatList(removed) : null}</Row>
      <Row label={t('casePage.body.newCasushouder')}>{to}</Row>
    </>
  );
}

function isTeamRole(role: string): role is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(role);
}

function DecisionBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const { names } = useCaseView();
  const decision = b['decision'] === 'report-now' ? 'report-now' : b['decision'] === 'no-report-now' ? 'no-report-now' : null;
  const monitoring = list(b['monitoring']).filter((m): m is Body => typeof m === 'object' && m !== null);
  return (
    <>
      <Row label={t('casePage.body.decision')}>{decision && <strong>{t(`casePage.decisions.${decision}`)}</strong>}</Row>
      <Row label={t('casePage.body.reasoning')} long>
        {text(b['reasoning'])}
      </Row>
      {monitoring.length > 0 && (
        <Row label={t('casePage.body.monitoring')}>
          <ul className="case-body-list">
            {monitoring.map((m, index) => (
              <li key={index}>
                {t('casePage.body.monitoringItem', {
                  what: text(m['what']) ?? '',
                  who: (typeof m['ownerUserId'] === 'string' && names.get(m['ownerUserId'])) || text(m['ownerName']) || '—',
                  date: text(m['dueOn']) ? formatDate(String(m['dueOn'])) : '—',
                })}
              </li>
            ))}
          </ul>
        </Row>
      )}
    </>
  );
}

function WeighingAnswerBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const question = typeof b['question'] === 'string' && isQuestionId(b['question']) ? questionById(b['question']) : null;
  const answer = typeof b['answer'] === 'string' && (ANSWERS as readonly string[]).includes(b['answer']) ? ANSWER_LABELS[b['answer'] as Answer][language] : text(b['answer']);
  const unsafety = typeof b['unsafety'] === 'string' && (UNSAFETY_KINDS as readonly string[]).includes(b['unsafety']) ? UNSAFETY_KIND_LABELS[b['unsafety'] as UnsafetyKind][language] : null;
  const participants = Array.isArray(b['participants']) ? b['participants'].filter((p): p is string => typeof p === 'string').join(', ') : null;
  return (
    <>
      <Row label={t('casePage.body.question')}>{question ? `${question.number}. ${question.text[language]}` : text(b['question'])}</Row>
      <Row label={t('casePage.body.answer')}>{unsafety ? `${answer} (${unsafety})` : answer}</Row>
      <Row label={t('casePage.body.reasoning')} long>
        {text(b['reasoning'])}
      </Row>
      <Row label={t('casePage.body.participants')}>{participants}</Row>
      <Row label={t('casePage.body.veiligThuisTookPart')}>{b['veiligThuisTookPart'] === true ? t('casePage.body.yes') : null}</Row>
      <Row label={t('casePage.body.termUntil')}>{text(b['termUntil'])}</Row>
    </>
  );
}

/** Step 5's assessment of risk, nature and severity: the labels of the domain, "anders" with its description. */
function RiskAssessmentBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formatList = useFormatList();
  const other = text(b['otherNature']);
  const natures = list(b['natures'])
    .filter((id): id is string => typeof id === 'string')
    .map((id) => {
      const option = NATURE_OPTIONS.find((o) => o.id === id);
      if (!option) return id;
      return id === 'other' && other ? `${language === 'nl' ? 'Anders' : 'Other'}: ${other}` : option.label[language];
    });
  const severity = typeof b['severity'] === 'string' && b['severity'] in SEVERITY_LABELS ? SEVERITY_LABELS[b['severity'] as Severity][language] : text(b['severity']);
  const risk = typeof b['risk'] === 'string' && b['risk'] in RISK_LABELS ? RISK_LABELS[b['risk'] as Risk][language] : text(b['risk']);
  const participants = list(b['participants']).filter((p): p is string => typeof p === 'string');
  return (
    <>
      <Row label={t('casePage.riskAssessment.natures')}>{natures.length > 0 ? formatList(natures) : null}</Row>
      <Row label={t('casePage.riskAssessment.severity')}>{severity}</Row>
      <Row label={t('casePage.riskAssessment.risk')}>{risk}</Row>
      <Row label={t('casePage.riskAssessment.reasoning')} long>
        {text(b['reasoning'])}
      </Row>
      <Row label={t('casePage.riskAssessment.assessedOn')}>{text(b['assessedOn']) ? formatDate(String(b['assessedOn'])) : null}</Row>
      <Row label={t('casePage.riskAssessment.participants')}>{participants.length > 0 ? formatList(participants) : null}</Row>
    </>
  );
}

/** The verwijsindex registration: dates only, never content. */
function RiskIndexBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  return (
    <>
      <Row label={t('casePage.riskIndex.registeredOn')}>{text(b['registeredOn'])}</Row>
      <Row label={t('casePage.riskIndex.activeUntil')}>{text(b['activeUntil'])}</Row>
    </>
  );
}

function ClosedBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  const reason = typeof b['reason'] === 'string' && isClosingReason(b['reason']) ? CLOSING_REASON_DETAILS[b['reason']].label[currentLanguage()] : text(b['reason']);
  return (
    <>
      <Row label={t('casePage.body.reason')}>{reason}</Row>
      <Row label={t('casePage.body.explanation')} long>
        {text(b['explanation'])}
      </Row>
    </>
  );
}

function BreakGlassBody({ b }: { b: Body }) {
  const { t } = useTranslation();
  return (
    <Row label={t('casePage.body.reason')} long>
      {text(b['reason'])}
    </Row>
  );
}
