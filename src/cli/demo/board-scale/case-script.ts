import type { EntryKind } from '../../../domain/cases/case-entry.js';
import type { CasePhase } from '../../../domain/cases/case-progress.js';
import type { TeamMember } from '../../../domain/cases/case-team.js';
import { teamChange } from '../../../domain/cases/case-team.js';

/** Where a board-scale case stands; together they cover every step, monitoring and closed. */
export const CASE_STATES = ['staff-step-1', 'step-2', 'step-3', 'step-3-monitoring', 'step-4', 'step-5', 'step-6', 'step-6-monitoring', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** How many of every hundred cases are in each state. */
export const STATE_SHARES: Record<CaseState, number> = {
  'staff-step-1': 2, 'step-2': 20, 'step-3': 14, 'step-3-monitoring': 10, 'step-4': 10, 'step-5': 10, 'step-6': 4, 'step-6-monitoring': 8, closed: 22,
};

export interface ScriptPeople {
  teacherId: string;
  ibId: string;
  smwId: string;
  directorId: string;
  boardMemberId: string;
  callName: string;
}

export interface ScriptedEntry {
  entryId: number;
  version: number;
  kind: EntryKind;
  body: unknown;
  by: string;
  /** Days after the case started, with a fraction for the hour. */
  day: number;
  correctionReason: string | null;
}

export interface CaseScript {
  route: 'meldcode' | 'staff';
  step: number;
  phase: CasePhase;
  casushouderId: string | null;
  startedBy: string;
  /** How many days ago the case started. */
  ageDays: number;
  team: TeamMember[];
  entries: ScriptedEntry[];
  /** Agreements whose reminders are scheduled: entry number, owner and due date offset in days from today. */
  agreements: { entryId: number; ownerUserId: string; dueInDays: number; purpose: 'task-division' | 'monitoring' }[];
}

const SIGNAL_TEXTS = [
  (n: string) => `${n} had een blauwe plek van ongeveer 3 cm op de onderarm en trok de mouw omlaag toen ik ernaar keek.`,
  (n: string) => `${n} kwam zonder ontbijt en in dezelfde kleren als gisteren. Zei: "Er was niks."`,
  (n: string) => `${n} vertelde in de kring dat het thuis 's nachts heel hard schreeuwen is.`,
  (n: string) => `${n} sliep in tijdens het voorlezen en was daarna stil en teruggetrokken.`,
  (n: string) => `${n} wilde na school niet naar huis en bleef bij het hek wachten.`,
  (n: string) => `${n} was de derde keer deze week te laat en huilde bij het afscheid.`,
];
const ITEMS = [['physical.bruises-unusual-places'], ['neglect.hungry', 'neglect.hygiene'], ['witnessing-violence.talks-about-fights'], ['neglect.chronically-tired'], ['witnessing-violence.reluctant-to-go-home'], ['school.absence-lateness']];
const WEIGHING_REASONS: Record<string, string> = {
  q1: 'De signalen samen, het gesprek met de ouders en het advies geven een vermoeden.',
  q2: 'Geen aanwijzingen voor acuut gevaar of structurele onveiligheid; ouders werken mee.',
  q3: 'Met het wijkteam is passende hulp te organiseren binnen de termijn.',
  q4: 'Ouders hebben de hulp aanvaard en zijn begonnen.',
  q5: 'Bij de evaluatie: de hulp werkt, het kind is rustiger en vertelt weer.',
};

const dateOf = (ageDays: number, day: number, today: Date) => new Date(today.getTime() - (ageDays - day) * 86_400_000).toISOString().slice(0, 10);

/**
 * The entries of one case in `state`, about `target` of them (forty on average): the steps' own
 * records, then the everyday ones (signals, consultations, conversations, monitoring notes, tasks),
 * and a correction now and then. Bodies have the shapes the routes store.
 */
export function scriptCase(state: CaseState, p: ScriptPeople, target: number, variant: number, today: Date): CaseScript {
  const staff = state === 'staff-step-1';
  const ageDays = { 'staff-step-1': 3, 'step-2': 12, 'step-3': 30, 'step-3-monitoring': 60, 'step-4': 45, 'step-5': 70, 'step-6': 120, 'step-6-monitoring': 150, closed: 200 }[state] + (variant % 20);
  const date = (day: number) => dateOf(ageDays, day, today);
  const entries: ScriptedEntry[] = [];
  const agreements: CaseScript['agreements'] = [];
  let next = 0;
  const add = (kind: EntryKind, body: unknown, by: string, day: number): number => {
    next += 1;
    entries.push({ entryId: next, version: 1, kind, body, by, day: Math.min(day, ageDays - 0.01), correctionReason: null });
    return next;
  };
  const signal = (day: number, k: number, by = p.teacherId) =>
    add('signal', {
      observedOn: date(day), observedTime: '08:35', place: 'bij binnenkomst in de klas', observedBy: 'leerkracht', source: k % 3 === 0 ? 'child-told' : 'own-observation',
      sourceDetail: k % 3 === 0 ? `${p.callName} zelf` : null, description: SIGNAL_TEXTS[k % SIGNAL_TEXTS.length]!(p.callName), counterIndications: null,
      signalItemIds: ITEMS[k % ITEMS.length], bodyMap: k % 6 === 0 ? [{ side: 'front', x: 0.27, y: 0.62, type: 'bruise', colour: 'blauw', sizeCm: 3, description: 'onderarm' }] : [],
    }, by, day);

  add('case-started', { route: staff ? 'staff' : 'meldcode', worry: staff ? 'staff-member' : 'home-situation', protocolVersion: staff ? null : 1 }, p.teacherId, 0);
  signal(0, variant);
  const team: TeamMember[] = staff ? [{ userId: p.boardMemberId, teamRole: 'board' }] : [{ userId: p.ibId, teamRole: 'aandachtsfunctionaris' }];
  let step = staff ? 1 : 2;
  let phase: CasePhase = 'open';
  let casushouderId: string | null = null;
  const beyond = (s: CaseState[]) => s.includes(state);

  if (staff) {
    add('team-change', teamChange([], team, null, null), p.boardMemberId, 1);
    add('task', { taskId: 'staff.vertrouwensinspecteur', outcome: 'done', note: 'Overlegd met de vertrouwensinspecteur.' }, p.boardMemberId, 1.5);
  } else {
    add('consultation', { heldOn: date(1), withRole: 'ib', withName: "IB'er", outcome: 'Signalen besproken; leerkracht voert een kort gesprek met het kind.' }, p.teacherId, 1);
    add('pupil-conversation', { heldOn: date(2), heldBy: 'leerkracht', present: null, summary: `${p.callName}: "Soms is het eng thuis." Verder wilde ${p.callName} er niet over praten.`, agreements: `${p.callName} mag altijd naar de juf komen.`, guardianIds: [] }, p.teacherId, 2);
    add('kindcheck', { childrenConsidered: 'Geen broertjes of zusjes op school bekend.', parentSignalItemIds: [], parentSignals: null, outcome: 'no-further-concern', notes: null }, p.ibId, 3);
    add('task', { taskId: 's2.notitie', outcome: 'done', note: '"Zie Meldpad" met datum genoteerd.' }, p.teacherId, 3);
  }
  if (beyond(['step-3', 'step-3-monitoring', 'step-4', 'step-5', 'step-6', 'step-6-monitoring', 'closed'])) {
    const members: TeamMember[] = [{ userId: p.ibId, teamRole: 'ib' }, { userId: p.smwId, teamRole: 'smw' }, { userId: p.teacherId, teamRole: 'teacher' }, ...(variant % 3 === 0 ? [{ userId: p.directorId, teamRole: 'director' as const }] : [])];
    add('team-change', teamChange(team, members, null, p.ibId), p.ibId, 5);
    team.splice(0, team.length, ...members);
    casushouderId = p.ibId;
    step = 3;
    for (const [i, owner] of [p.ibId, p.smwId].entries()) {
      const id = add('agreement', { what: i === 0 ? 'Gesprek met de ouders voorbereiden en plannen' : 'Navragen of het gezin bekend is bij het wijkteam', ownerUserId: owner, dueOn: date(12 + i * 2), purpose: 'task-division', done: state !== 'step-3' }, p.ibId, 5);
      if (state === 'step-3') agreements.push({ entryId: id, ownerUserId: owner, dueInDays: Math.round(12 + i * 2 - ageDays), purpose: 'task-division' });
    }
    add('veilig-thuis-advice', { calledOn: date(6), calledBy: "IB'er", advisorName: 'Adviseur Veilig Thuis', advice: 'Eerst een gesprek met de ouders over de zorgen. Bel opnieuw als de signalen blijven.' }, p.ibId, 6);
  }
  if (state === 'step-3-monitoring') {
    phase = 'monitoring';
    add('escalation-decision', { decision: 'no-report-now', reasoning: 'Zorgen over welbevinden, geen aanwijzingen voor acuut gevaar.', step: 3 }, p.ibId, 10);
    for (const [i, owner] of [p.teacherId, p.ibId].entries()) {
      const due = ageDays - 5 + i * 20;
      const id = add('agreement', { what: i === 0 ? 'Welbevinden en aanwezigheid bijhouden' : 'Evaluatie met het interventieteam', ownerUserId: owner, dueOn: date(due), purpose: 'monitoring', done: false }, p.ibId, 10);
      agreements.push({ entryId: id, ownerUserId: owner, dueInDays: due - ageDays, purpose: 'monitoring' });
    }
  }
  if (beyond(['step-4', 'step-5', 'step-6', 'step-6-monitoring', 'closed'])) {
    step = 4;
    add('parent-conversation-plan', { answers: { trust: 'yes', alone: 'no', 'safe-staff-during': 'yes', 'safe-staff-after': 'yes', 'safe-child-during': 'yes', 'safe-child-after': 'yes' }, teacherToolsAndExperience: 'Weinig ervaring met zulke gesprekken.', kind: 'suspicion', holders: [{ userId: p.ibId, role: 'ib' }, { userId: p.smwId, role: 'smw' }], reasoning: 'IB en SMW voeren het gesprek samen.', plannedOn: date(14), interpreterNeeded: false, interpreterArranged: false, childDisclosed: false, safetyAgreementsPlanned: false }, p.ibId, 8);
    add('parent-conversation', { heldOn: date(14), heldBy: "IB'er en SMW", present: "moeder, IB'er, SMW", summary: 'Gesprek over de zorgen; moeder was open.', agreements: 'Over vier weken opnieuw spreken.', guardianIds: [], step4: { concernsDiscussed: 'De signalen van de leerkracht.', missingInformationAsked: 'Gevraagd hoe het thuis gaat.', zienswijze: 'Moeder: "Thuis is het onrustig."', helpOffered: 'Opvoedondersteuning via het wijkteam.', helpResponse: 'accepted', informedAboutFurtherCourse: true, informedAboutRiskIndex: true } }, p.ibId, 14);
    const registeredOn = date(15);
    const activeUntil = `${Number(registeredOn.slice(0, 4)) + 1}${registeredOn.slice(4)}`;
    add('risk-index-registration', { registeredOn, activeUntil, reminderOn: date(15 + 330) }, p.ibId, 15);
  }
  if (beyond(['step-5', 'step-6', 'step-6-monitoring', 'closed'])) {
    step = 5;
    const weigh = (q: string, answer: string, day: number, extra: Record<string, unknown> = {}) =>
      add('weighing-answer', { question: q, answer, unsafety: null, reasoning: WEIGHING_REASONS[q]!, answeredOn: date(day), participants: ["IB'er", 'SMW', 'leerkracht'], veiligThuisTookPart: false, termUntil: null, ...extra }, p.ibId, day);
    weigh('q1', 'yes', 20);
    weigh('q2', 'no', 20);
    weigh('q3', 'yes', 20, { termUntil: date(50) });
  }
  if (beyond(['step-6', 'step-6-monitoring', 'closed'])) {
    step = 6;
    add('weighing-answer', { question: 'q4', answer: 'yes', unsafety: null, reasoning: WEIGHING_REASONS['q4']!, answeredOn: date(30), participants: ["IB'er", 'SMW'], veiligThuisTookPart: false, termUntil: date(60) }, p.ibId, 30);
    add('weighing-answer', { question: 'q5', answer: 'yes', unsafety: null, reasoning: WEIGHING_REASONS['q5']!, answeredOn: date(60), participants: ["IB'er", 'SMW'], veiligThuisTookPart: false, termUntil: null }, p.ibId, 60);
    add('contact-matrix', { contacts: [{ partner: 'wijkteam', partnerName: null, ownerUserId: p.smwId, notes: 'Maandelijks contact over de hulp.' }] }, p.ibId, 61);
    add('aftercare-review', { dueOn: date(ageDays + 14), heldOn: null, outcome: null }, p.ibId, 62);
  }
  if (state === 'step-6-monitoring') phase = 'monitoring';

  // The everyday records, spread over the case's life, until it holds about `target` entries.
  const kinds = state.endsWith('monitoring') || state === 'step-6' ? ['signal', 'consultation', 'monitoring-note', 'pupil-conversation', 'monitoring-note'] : ['signal', 'consultation', 'pupil-conversation', 'signal'];
  const closing = state === 'closed' ? 1 : 0;
  for (let k = 0; entries.length < target - closing; k++) {
    const day = 4 + ((k * 7 + variant) % Math.max(1, ageDays - 5));
    const kind = kinds[k % kinds.length]!;
    if (kind === 'signal') signal(day, variant + k);
    else if (kind === 'consultation') add('consultation', { heldOn: date(day), withRole: k % 2 === 0 ? 'ib' : 'smw', withName: k % 2 === 0 ? "IB'er" : 'SMW', outcome: 'Besproken wat de leerkracht zag; afgesproken het te blijven volgen.' }, p.teacherId, day);
    else if (kind === 'pupil-conversation') add('pupil-conversation', { heldOn: date(day), heldBy: 'leerkracht', present: null, summary: `Kort gesprek met ${p.callName} over hoe het gaat.`, agreements: null, guardianIds: [] }, p.teacherId, day);
    else add('monitoring-note', { observedOn: date(day), observation: `${p.callName} speelt weer met klasgenoten.`, wellbeing: k % 4 === 0 ? 'worrying' : 'good' }, p.teacherId, day);
  }
  if (state === 'closed') {
    phase = 'closed';
    add('case-closed', { reason: 'aftercare-completed', explanation: 'De hulp is op gang en werkt; school en wijkteam houden contact.' }, p.ibId, ageDays - 1);
  }
  // A correction now and then: a new version of an everyday record.
  for (const e of entries.filter((x) => x.kind === 'signal' || x.kind === 'consultation').filter((_, i) => (i + variant) % 9 === 0)) {
    entries.push({ ...e, version: 2, day: Math.min(e.day + 1, ageDays - 0.01), correctionReason: 'datum verkeerd genoteerd' });
  }
  entries.sort((a, b) => a.day - b.day);
  return { route: staff ? 'staff' : 'meldcode', step, phase, casushouderId, startedBy: p.teacherId, ageDays, team, entries, agreements };
}
