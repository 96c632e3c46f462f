import type { CasePageResponse } from '../../contract/cases.js';
import { ANSWER_LABELS, isQuestionId, questionById, UNSAFETY_KIND_LABELS, type Answer, type UnsafetyKind } from '../../domain/cases/afwegingskader/questions.js';
import { NATURE_OPTIONS, RISK_LABELS, SEVERITY_LABELS, type Risk, type Severity } from '../../domain/cases/afwegingskader/risk-assessment.js';
import { CLOSING_REASON_DETAILS, isClosingReason } from '../../domain/cases/closing.js';
import { CONTACT_MEANS_LABELS, CONVERSATION_KIND_LABELS, HELP_RESPONSE_LABELS, NOT_HOLDING_GROUND_LABELS, PLANNING_AID } from '../../domain/cases/parent-conversation.js';
import { INFORM_EXCEPTION_GROUND_LABELS } from '../../domain/cases/procedural-check.js';
import type { BodyMapMark } from '../../domain/cases/signals/body-map.js';
import { findSignalItem } from '../../domain/cases/signals/signal-catalogue.js';
import type { DossierVariant } from '../../domain/exports/dossier-variant.js';
import type { StaffNaming } from '../../domain/exports/staff-names.js';
import { DOSSIER_NL as L, FIELD_LABELS, VALUE_LABELS } from './dossier-labels.js';
import type { Block, Dossier, DossierEntry, DossierSection, Line } from './dossier-document.js';
import { fill, formatDay, formatMoment } from './dossier-format.js';

type Page = CasePageResponse;
type PageEntry = Page['entries'][number];
type Body = Record<string, unknown>;

export interface DossierInput {
  page: Page;
  schoolName: string;
  variant: DossierVariant;
  naming: StaffNaming;
  code: string;
  exportedAt: string;
  /** Who exported, already named as the variant names staff. */
  exportedBy: string;
}

/** Where each kind of entry is told; the timeline at the end lists every entry in order. */
const SECTION_OF_KIND: Record<string, keyof typeof L.sections> = {
  signal: 'signals',
  'pupil-conversation': 'conversations',
  'parent-conversation': 'conversations',
  'parent-conversation-plan': 'conversations',
  'parent-conversation-not-held': 'conversations',
  consultation: 'consultations',
  'veilig-thuis-advice': 'consultations',
  kindcheck: 'consultations',
  'escalation-decision': 'weighing',
  'risk-assessment': 'weighing',
  report: 'report',
  'report-feedback': 'report',
  'risk-index-registration': 'report',
  agreement: 'aftercare',
  'monitoring-note': 'aftercare',
  'aftercare-review': 'aftercare',
  'contact-matrix': 'aftercare',
  'case-closed': 'closing',
  'case-reopened': 'closing',
  'team-change': 'team',
  'break-glass': 'breakGlass',
};
/** Told elsewhere in full: the step list (tasks), the weighing path (answers), the facts (start). */
const TOLD_ELSEWHERE = new Set(['task', 'weighing-answer', 'case-started']);

const SECTION_ORDER: (keyof typeof L.sections)[] = ['facts', 'team', 'breakGlass', 'steps', 'duties', 'signals', 'conversations', 'consultations', 'weighing', 'report', 'aftercare', 'closing', 'other', 'timeline'];

/** Fields never printed as such: ids, and what is drawn or listed in its own way. */
const SKIPPED_FIELDS = new Set(['bodyMap', 'entryId', 'reminderOn']);

/** The whole case as a document: every section, every entry with who and when, every earlier version. */
export function buildDossier(input: DossierInput): Dossier {
  const { page, naming } = input;
  const guardianName = new Map(page.guardians.map((g) => [g.id, g.name]));
  const taskText = new Map<string, string>([...page.steps.flatMap((s) => s.tasks.map((t) => [t.id, t.text] as const)), ...page.duties.map((d) => [d.id, d.text] as const)]);
  const ctx: RenderContext = { naming, guardianName, taskText };

  const sections = new Map<keyof typeof L.sections, Block[]>();
  const push = (key: keyof typeof L.sections, block: Block) => {
    const list = sections.get(key);
    if (list) list.push(block);
    else sections.set(key, [block]);
  };

  push('facts', { kind: 'lines', lines: factLines(input) });
  push('team', {
    kind: 'lines',
    lines: page.team.map((m) => ({
      label: L.teamRoles[m.teamRole],
      value: [naming.person(m.userId, m.name), m.isCasushouder ? `(${L.casushouderMark})` : null].filter(Boolean).join(' '),
    })),
  });
  for (const b of page.breakGlass) push('breakGlass', { kind: 'lines', lines: [{ label: formatMoment(b.openedAt), value: `${naming.person(b.user.userId, b.user.name)}: ${naming.text(b.reason)}` }] });
  if (page.steps.length > 0) for (const step of page.steps) push('steps', { kind: 'lines', lines: stepLines(step, naming) });
  if (page.duties.length > 0) push('duties', { kind: 'lines', lines: page.duties.map((d) => ({ label: statusText(d.status, naming), value: d.text })) });
  if (page.weighing) for (const block of weighingBlocks(page.weighing, naming)) push('weighing', block);

  for (const e of page.entries) {
    if (TOLD_ELSEWHERE.has(e.kind)) continue;
    push(SECTION_OF_KIND[e.kind] ?? 'other', { kind: 'entry', entry: entryOf(e, ctx) });
  }
  push('timeline', { kind: 'text', text: L.timelineIntro });
  push('timeline', { kind: 'lines', lines: page.entries.map((e) => timelineLine(e, naming)) });

  const ordered: DossierSection[] = SECTION_ORDER.filter((key) => sections.has(key)).map((key) => ({ title: L.sections[key], blocks: sections.get(key)! }));
  const exportedOn = fill(L.exportedOn, { date: formatMoment(input.exportedAt) });
  return {
    title: L.title[page.case.route],
    pupilName: page.pupil.displayName,
    variantNote: L.variant[input.variant],
    exportedOn,
    exportedLine: `${exportedOn} ${fill(L.exportedBy, { who: input.exportedBy })}`,
    code: input.code,
    sections: ordered,
  };
}

interface RenderContext {
  naming: StaffNaming;
  guardianName: Map<string, string>;
  taskText: Map<string, string>;
}

function factLines({ page, schoolName, naming }: DossierInput): Line[] {
  const c = page.case;
  const lines: Line[] = [
    { label: L.facts.pupil, value: page.pupil.displayName },
    { label: L.facts.dateOfBirth, value: page.pupil.dateOfBirth ? formatDay(page.pupil.dateOfBirth) : L.none },
    { label: L.facts.group, value: page.pupil.groupName ?? L.none },
    { label: L.facts.school, value: schoolName },
    { label: L.facts.guardians, value: page.guardians.length > 0 ? page.guardians.map((g) => (g.hasAuthority ? `${g.name} (${L.facts.authority})` : g.name)).join(', ') : L.none },
    { label: L.facts.route, value: L.route[c.route] },
    { label: L.facts.protocolVersion, value: c.protocolVersion !== null ? fill(L.facts.protocolVersionValue, { version: c.protocolVersion }) : L.none },
    { label: L.facts.startedAt, value: formatMoment(c.startedAt) },
    { label: L.facts.startedBy, value: naming.person(c.startedBy.userId, c.startedBy.name) },
    { label: L.facts.step, value: String(c.step) },
    { label: L.facts.phase, value: L.phase[c.phase] },
    { label: L.facts.casushouder, value: c.casushouder ? naming.person(c.casushouder.userId, c.casushouder.name) : L.none },
  ];
  return lines;
}

type Status = Page['steps'][number]['tasks'][number]['status'];

function statusText(status: Status, naming: StaffNaming): string {
  switch (status.state) {
    case 'open':
      return L.taskStatus.open;
    case 'recorded':
      return fill(L.taskStatus.recorded, { count: status.count });
    default: {
      const line = fill(L.taskBy, { status: L.taskStatus[status.state], who: naming.person(status.by.userId, status.by.name), date: formatMoment(status.at) });
      return status.note ? `${line}. ${naming.text(status.note)}` : line;
    }
  }
}

/** A step and its tasks: the status in the narrow column, the task (and who settled it) beside it. */
function stepLines(step: Page['steps'][number], naming: StaffNaming): Line[] {
  const heading: Line = { label: `Stap ${step.number}`, value: step.title, strong: true };
  return [
    heading,
    ...step.tasks
      .filter((t) => !t.retired || t.status.state !== 'open')
      .map((t) => {
        const s = t.status;
        if (s.state === 'open' || s.state === 'recorded') return { label: statusText(s, naming), value: t.text };
        const detail = `${naming.person(s.by.userId, s.by.name)}, ${formatMoment(s.at)}${s.note ? `. ${naming.text(s.note)}` : ''}`;
        return { label: L.taskStatus[s.state], value: `${t.text}\n${detail}` };
      }),
  ];
}

function weighingBlocks(weighing: NonNullable<Page['weighing']>, naming: StaffNaming): Block[] {
  if (weighing.path.length === 0) return [{ kind: 'text', text: L.weighing.none }];
  const blocks: Block[] = weighing.path.map((a) => ({
    kind: 'entry',
    entry: {
      heading: questionHeading(a.question),
      meta: [fill(L.recorded, { who: naming.person(a.recordedBy.userId, a.recordedBy.name), date: formatMoment(a.recordedAt) }), ...(a.fromEscalation ? [L.weighing.fromEscalation] : [])],
      lines: [
        { label: L.weighing.answer, value: answerText(a.answer, a.unsafety) },
        { label: L.weighing.reasoning, value: naming.text(a.reasoning) },
        { label: L.weighing.answeredOn, value: formatDay(a.answeredOn) },
        { label: L.weighing.participants, value: a.participants.map(naming.text).join(', ') },
        ...(a.veiligThuisTookPart ? [{ label: L.weighing.veiligThuis, value: L.yes }] : []),
        ...(a.termUntil ? [{ label: L.weighing.termUntil, value: formatDay(a.termUntil) }] : []),
        { label: L.weighing.leadsTo, value: a.explanation.nl },
      ],
      bodyMap: null,
      earlier: [],
    },
  }));
  blocks.push({
    kind: 'lines',
    lines: [
      { label: L.weighing.outcome, value: L.weighing.outcomes[weighing.outcome.kind] + (weighing.outcome.termUntil ? ` (${L.weighing.termUntil.toLowerCase()} ${formatDay(weighing.outcome.termUntil)})` : '') },
      ...(weighing.reportRequired ? [{ label: L.weighing.reportRequired, value: L.yes }] : []),
    ],
  });
  if (weighing.superseded.length > 0) {
    blocks.push({ kind: 'text', text: L.weighing.superseded });
    blocks.push({
      kind: 'lines',
      lines: weighing.superseded.map((a) => ({
        label: `${questionHeading(a.question)} (${formatDay(a.answeredOn)})`,
        value: `${answerText(a.answer, a.unsafety)}. ${naming.text(a.reasoning)} — ${naming.person(a.recordedBy.userId, a.recordedBy.name)}`,
      })),
    });
  }
  return blocks;
}

function questionHeading(id: string): string {
  if (!isQuestionId(id)) return id;
  const q = questionById(id);
  return `${fill(L.weighing.question, { number: q.number })}: ${q.text.nl}`;
}

function answerText(answer: string, unsafety: string | null): string {
  const label = answer in ANSWER_LABELS ? ANSWER_LABELS[answer as Answer].nl : answer;
  return unsafety && unsafety in UNSAFETY_KIND_LABELS ? `${label} (${UNSAFETY_KIND_LABELS[unsafety as UnsafetyKind].nl})` : label;
}

function entryOf(e: PageEntry, ctx: RenderContext): DossierEntry {
  const { naming } = ctx;
  const current = e.current;
  const meta = [fill(L.recorded, { who: naming.person(e.firstRecordedBy.userId, e.firstRecordedBy.name), date: formatMoment(e.firstRecordedAt) })];
  if (current.version > 1) meta.push(fill(L.corrected, { who: naming.person(current.recordedBy.userId, current.recordedBy.name), date: formatMoment(current.recordedAt), reason: naming.text(current.correctionReason ?? L.none) }));
  const versions = [...e.history, current];
  return {
    heading: L.kinds[e.kind] ?? e.kind,
    meta,
    lines: bodyLines(e.kind, asBody(current.body), ctx),
    bodyMap: e.kind === 'signal' ? marksOf(asBody(current.body)) : null,
    earlier: e.history.map((v, index) => ({
      meta: [
        fill(L.earlierVersion, { version: v.version, who: naming.person(v.recordedBy.userId, v.recordedBy.name), date: formatMoment(v.recordedAt) }),
        fill(L.earlierReason, { reason: naming.text(versions[index + 1]?.correctionReason ?? L.none) }),
      ],
      lines: bodyLines(e.kind, asBody(v.body), ctx),
    })),
  };
}

function asBody(body: unknown): Body {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
}

function marksOf(b: Body): BodyMapMark[] | null {
  const marks = Array.isArray(b['bodyMap']) ? (b['bodyMap'] as BodyMapMark[]) : [];
  return marks.length > 0 ? marks : null;
}

/** An entry's body as labelled lines, read defensively: a field of an older form still prints. */
export function bodyLines(kind: string, b: Body, ctx: RenderContext): Line[] {
  const lines: Line[] = [];
  for (const [key, value] of Object.entries(b)) {
    if (SKIPPED_FIELDS.has(key)) continue;
    const text = describe(kind, key, value, ctx);
    if (text === null || text === '') continue;
    lines.push({ label: FIELD_LABELS[key] ?? key, value: text });
  }
  return lines;
}

function describe(kind: string, key: string, value: unknown, ctx: RenderContext): string | null {
  const { naming } = ctx;
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? L.yes : L.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return describeString(kind, key, value, ctx);
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (key === 'signalItemIds' || key === 'parentSignalItemIds') return value.map((id) => findSignalItem(String(id))?.label.nl ?? String(id)).join('; ');
    if (key === 'guardianIds') return value.map((id) => ctx.guardianName.get(String(id)) ?? L.none).join(', ');
    if (key === 'natures') return value.map((id) => natureLabel(String(id))).join(', ');
    if (key === 'proceedReasons')
      return value
        .map((r) => (typeof r === 'object' && r !== null ? `${VALUE_LABELS['findings']![String((r as Body)['code'])] ?? String((r as Body)['code'])}: ${naming.text(String((r as Body)['reason'] ?? ''))}` : ''))
        .filter(Boolean)
        .join('\n');
    if (key === 'findings')
      return value
        .map((f) => (typeof f === 'string' ? (VALUE_LABELS['findings']![f] ?? f) : typeof f === 'object' && f !== null ? (((f as Body)['message'] as { nl?: string } | undefined)?.nl ?? String((f as Body)['code'] ?? '')) : ''))
        .filter(Boolean)
        .join('\n');
    const parts = value.map((item) => (typeof item === 'object' && item !== null ? describeObject(kind, item as Body, ctx) : describe(kind, key, item, ctx))).filter((p): p is string => Boolean(p));
    return parts.join(typeof value[0] === 'object' ? '\n' : ', ');
  }
  if (typeof value === 'object') {
    const object = value as Body;
    if (key === 'answers') return planAnswers(object);
    if (key === 'casushouder') return naming.person(String(object['to'] ?? object['userId'] ?? ''), typeof object['name'] === 'string' ? object['name'] : undefined);
    if (key === 'proceedReasons') return Object.values(object).filter((v): v is string => typeof v === 'string' && v !== '').map(naming.text).join('\n') || null;
    return describeObject(kind, object, ctx);
  }
  return null;
}

/** A nested record (a holder, a contact, an attempt, a monitoring agreement, a team member) on one line. */
function describeObject(kind: string, o: Body, ctx: RenderContext): string {
  const { naming } = ctx;
  // A person first: a team member, a holder of the conversation, the owner of a contact or agreement.
  const personId = typeof o['userId'] === 'string' ? o['userId'] : typeof o['ownerUserId'] === 'string' ? o['ownerUserId'] : null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (key === 'userId' || key === 'ownerUserId' || key === 'name' || key === 'ownerName') continue;
    const text = describe(kind, key, value, ctx);
    if (text) parts.push(FIELD_LABELS[key] && key !== 'what' ? `${FIELD_LABELS[key].toLowerCase()}: ${text}` : text);
  }
  if (personId) parts.unshift(naming.person(personId, typeof o['name'] === 'string' ? o['name'] : typeof o['ownerName'] === 'string' ? o['ownerName'] : undefined));
  return parts.join(', ');
}

function describeString(kind: string, key: string, value: string, ctx: RenderContext): string | null {
  const { naming } = ctx;
  if (value.trim() === '') return null;
  if (key === 'ownerUserId' || key === 'userId') return naming.person(value);
  if (key === 'taskId') return ctx.taskText.get(value) ?? value;
  if (key === 'question') return questionHeading(value);
  if (key === 'answer') return answerText(value, null);
  if (key === 'unsafety') return value in UNSAFETY_KIND_LABELS ? UNSAFETY_KIND_LABELS[value as UnsafetyKind].nl : value;
  if (key === 'severity') return value in SEVERITY_LABELS ? SEVERITY_LABELS[value as Severity].nl : value;
  if (key === 'risk') return value in RISK_LABELS ? RISK_LABELS[value as Risk].nl : value;
  if (key === 'kind' && value in CONVERSATION_KIND_LABELS) return CONVERSATION_KIND_LABELS[value as keyof typeof CONVERSATION_KIND_LABELS].nl;
  if (key === 'helpResponse' && value in HELP_RESPONSE_LABELS) return HELP_RESPONSE_LABELS[value as keyof typeof HELP_RESPONSE_LABELS].nl;
  if (key === 'ground' && value in NOT_HOLDING_GROUND_LABELS) return NOT_HOLDING_GROUND_LABELS[value as keyof typeof NOT_HOLDING_GROUND_LABELS].nl;
  if (key === 'means' && value in CONTACT_MEANS_LABELS) return CONTACT_MEANS_LABELS[value as keyof typeof CONTACT_MEANS_LABELS].nl;
  if (key === 'informExceptionGround' && value in INFORM_EXCEPTION_GROUND_LABELS) return INFORM_EXCEPTION_GROUND_LABELS[value as keyof typeof INFORM_EXCEPTION_GROUND_LABELS].nl;
  if (key === 'reason' && kind === 'case-closed' && isClosingReason(value)) return CLOSING_REASON_DETAILS[value].label.nl;
  const fixed = VALUE_LABELS[key]?.[value];
  if (fixed) return fixed;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatMoment(value);
  return naming.text(value);
}

function natureLabel(id: string): string {
  return NATURE_OPTIONS.find((o) => o.id === id)?.label.nl ?? id;
}

function planAnswers(answers: Body): string {
  const questions = PLANNING_AID.flatMap((g) => g.questions);
  const said = (v: unknown) => (v === 'yes' ? 'ja' : v === 'no' ? 'nee' : v === 'unknown' ? 'weet niet' : String(v));
  return Object.entries(answers)
    .map(([id, v]) => `${questions.find((q) => q.id === id)?.text.nl ?? id}: ${said(v)}`)
    .join('\n');
}

function timelineLine(e: PageEntry, naming: StaffNaming): Line {
  const who = naming.person(e.firstRecordedBy.userId, e.firstRecordedBy.name);
  const corrections = e.history.length > 0 ? ` (${fill(L.timelineCorrections, { count: e.history.length })})` : '';
  return { label: formatMoment(e.firstRecordedAt), value: `${L.kinds[e.kind] ?? e.kind} — ${who}${corrections}` };
}
