import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EntryKind } from '../../domain/cases/case-entry.js';
import type { CasePhase } from '../../domain/cases/case-progress.js';
import type { CaseRoute } from '../../domain/cases/case-route.js';
import { activeUntilFor, reminderOnFor } from '../../domain/cases/risk-index-registration.js';
import { teamChange, type TeamMember } from '../../domain/cases/case-team.js';
import type { AppContext } from '../../server/app-context.js';
import { scheduleAgreementReminder, scheduleReviewReminder } from '../../server/cases/due-reminders.js';
import { notify } from '../../server/notifications/notify.js';
import { schoolDate } from '../../server/pupils/school-date.js';
import type { DemoPupil } from './demo-pupils.js';
import { createRetentionDemoCases } from './demo-retention.js';

/** The people of one demo school that the demo cases need. */
export interface DemoSchoolPeople {
  schoolId: string;
  boardId: string;
  teacherId: string;
  /** A second teacher (Regenboog only); the staff-route case is theirs. */
  teacher2Id: string | null;
  ibId: string;
  directorId: string;
  smwId: string;
  boardMemberIds: string[];
  /** The first teacher's pupils, then the second teacher's. */
  pupilsOfTeacher: DemoPupil[];
  pupilsOfTeacher2: DemoPupil[];
}

const DAY = 24 * 60 * 60 * 1000;

const WEIGHING_REASONS: Record<string, string> = {
  q1: 'De signalen samen, het gesprek met de ouders en het advies geven een vermoeden.',
  q2: 'Geen aanwijzingen voor acuut gevaar of structurele onveiligheid; ouders werken mee.',
  q3: 'Met het wijkteam is passende hulp te organiseren binnen de termijn.',
  q4: 'Ouders hebben de hulp aanvaard en zijn begonnen.',
  q5: 'Bij de evaluatie: de hulp werkt, het kind is rustiger en vertelt weer.',
};

/**
 * Fictional cases in every state of steps 1–3 (and one decided "report now"), plus one staff-route
 * case that only the board and the teacher who raised it see. Written through the repositories,
 * as the routes write them, so that the demo reads like a school that has used Meldpad for a while.
 */
export async function createDemoCases(ctx: AppContext, school: DemoSchoolPeople, tx: Kysely<Database>, options: { full: boolean }): Promise<number> {
  const now = ctx.now();
  const scope = { schoolId: school.schoolId, userId: school.ibId };
  const protocol = await ctx.repos.protocols.current(scope, now, tx);
  const ago = (days: number, hour = 9) => new Date(now.getTime() - days * DAY + (hour - 9) * 60 * 60 * 1000).toISOString();
  const dateAgo = (days: number) => schoolDate(new Date(now.getTime() - days * DAY));
  let created = 0;

  async function startCase(pupil: DemoPupil, route: CaseRoute, by: string, daysAgo: number): Promise<{ id: string; at: (days: number) => string }> {
    const id = randomUUID();
    const at = ago(daysAgo, 8);
    await ctx.repos.cases.create({ id, schoolId: school.schoolId, boardId: school.boardId, pupilId: pupil.id, route, protocolVersionId: route === 'meldcode' ? protocol.id : null, step: route === 'meldcode' ? 2 : 1, phase: 'open', startedBy: by, startedAt: at }, tx);
    if (route === 'meldcode') await ctx.repos.cases.addTeamMembers(id, [{ userId: school.ibId, teamRole: 'aandachtsfunctionaris' }], by, at, tx);
    await entry(id, 'case-started', { route, worry: route === 'meldcode' ? 'home-situation' : 'staff-member', protocolVersion: route === 'meldcode' ? protocol.version : null }, by, at);
    const notified = route === 'meldcode' ? [school.ibId] : school.boardMemberIds;
    for (const userId of notified) await notify(ctx, { userId, schoolId: school.schoolId, kind: 'case.started', caseId: id }, tx);
    created += 1;
    return { id, at: (days) => ago(daysAgo - days, 10) };
  }

  async function entry(caseId: string, kind: EntryKind, body: unknown, by: string, at: string, entryId = randomUUID()): Promise<string> {
    await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId, schoolId: school.schoolId, entryId, version: 1, kind, body, recordedBy: by, recordedAt: at, correctionReason: null }, tx);
    await ctx.repos.cases.touch(caseId, at, tx);
    return entryId;
  }

  async function formTeam(caseId: string, members: TeamMember[], casushouderId: string, at: string, progress: { step: number; phase: CasePhase } = { step: 3, phase: 'open' }): Promise<void> {
    const before = [{ userId: school.ibId, teamRole: 'aandachtsfunctionaris' as const }];
    await ctx.repos.cases.removeTeamMembers(caseId, [school.ibId], tx);
    await ctx.repos.cases.addTeamMembers(caseId, members, school.ibId, at, tx);
    await ctx.repos.cases.setProgress(caseId, { ...progress, casushouderId }, at, tx);
    await entry(caseId, 'team-change', teamChange(before, members, null, casushouderId), school.ibId, at);
  }

  async function agreement(caseId: string, body: { what: string; ownerUserId: string; dueOn: string; purpose: 'task-division' | 'monitoring' }, by: string, at: string): Promise<void> {
    const entryId = await entry(caseId, 'agreement', { ...body, done: false }, by, at);
    await scheduleAgreementReminder(ctx, { ...body, done: false, entryId, caseId, schoolId: school.schoolId }, tx);
  }

  const signal = (daysAgo: number, observedBy: string, overrides: Record<string, unknown>) => ({
    observedOn: dateAgo(daysAgo),
    observedTime: '08:35',
    place: 'bij binnenkomst in de klas',
    observedBy,
    source: 'own-observation',
    sourceDetail: null,
    description: '',
    counterIndications: null,
    signalItemIds: [],
    bodyMap: [],
    ...overrides,
  });

  const [first, second, third, fourth] = school.pupilsOfTeacher;

  // Just started (step 2): a teacher's first signal, with a mark on the body map.
  if (first) {
    const c = await startCase(first, 'meldcode', school.teacherId, 1);
    await entry(
      c.id,
      'signal',
      signal(1, 'leerkracht', {
        description: `${first.callName} had een blauwe plek van ongeveer 4 cm op de linkerbovenarm, aan de binnenkant. Op mijn vraag wat er gebeurd was zei ${first.callName}: "Weet ik niet meer." ${first.callName} trok daarna de mouw omlaag.`,
        signalItemIds: ['physical.bruises-unusual-places', 'physical.covering-clothing'],
        bodyMap: [{ side: 'front', x: 0.27, y: 0.32, type: 'bruise', colour: 'blauw-paars', sizeCm: 4, description: 'binnenkant linkerbovenarm' }],
      }),
      school.teacherId,
      c.at(0),
    );
  }
  // The other school also keeps two closed cases of pupils who left: one due for destruction, one due within a month.
  if (!options.full) return created + (await createRetentionDemoCases(ctx, school, tx));

  // Step 2, mapped: a conversation with the pupil, a consultation, the kindcheck, the note in the pupil system.
  if (second) {
    const c = await startCase(second, 'meldcode', school.teacherId, 10);
    await entry(
      c.id,
      'signal',
      signal(10, 'leerkracht', {
        source: 'child-told',
        sourceDetail: `${second.callName} zelf, in de kring`,
        description: `${second.callName} vertelde in de kring: "Papa en mama schreeuwen 's nachts heel hard en dan komt de politie." ${second.callName} keek daarbij naar de grond en wilde daarna niet meer praten.`,
        signalItemIds: ['witnessing-violence.talks-about-fights', 'behaviour.anxious-withdrawn'],
      }),
      school.teacherId,
      c.at(0),
    );
    await entry(c.id, 'consultation', { heldOn: dateAgo(9), withRole: 'ib', withName: 'IB\'er', outcome: 'Signalen besproken. Afgesproken: leerkracht voert een kort gesprekje met het kind; IB kijkt naar broertjes en zusjes.' }, school.teacherId, c.at(1));
    await entry(
      c.id,
      'pupil-conversation',
      { heldOn: dateAgo(8), heldBy: 'leerkracht', present: null, summary: `Gevraagd hoe het thuis gaat. ${second.callName}: "Soms is het eng. Dan ga ik onder de deken." Verder wilde ${second.callName} er niet over praten.`, agreements: `${second.callName} mag altijd naar de juf komen als er iets is.`, guardianIds: [] },
      school.teacherId,
      c.at(2),
    );
    await entry(c.id, 'kindcheck', { childrenConsidered: 'Geen broertjes of zusjes op school bekend.', parentSignalItemIds: ['parent-signals.partner-violence'], parentSignals: 'Het kind vertelt over ruzie en politie thuis.', outcome: 'no-further-concern', notes: null }, school.ibId, c.at(3));
    await entry(c.id, 'task', { taskId: 's2.notitie', outcome: 'done', note: '"Zie Meldpad" met datum genoteerd, in de afgeschermde categorie.' }, school.teacherId, c.at(3));
  }

  // Step 3, escalated: the team with the IB'er as casushouder, the task division, anonymous advice of Veilig Thuis.
  if (third) {
    const c = await startCase(third, 'meldcode', school.teacherId, 21);
    await entry(
      c.id,
      'signal',
      signal(21, 'leerkracht', {
        description: `${third.callName} kwam de derde dag deze week zonder ontbijt en in dezelfde kleren. Zei: "Er was niks." At in de kleine pauze twee boterhammen van een klasgenoot.`,
        signalItemIds: ['neglect.hungry', 'neglect.hygiene'],
        counterIndications: 'Moeder is kortgeleden ziek geweest; er kan een tijdelijke oorzaak zijn.',
      }),
      school.teacherId,
      c.at(0),
    );
    await entry(c.id, 'signal', signal(16, 'leerkracht', { description: `${third.callName} sliep in tijdens het voorlezen en had geen jas aan bij 4 graden.`, signalItemIds: ['neglect.chronically-tired', 'neglect.clothing-season'] }), school.teacherId, c.at(5));
    const members: TeamMember[] = [
      { userId: school.ibId, teamRole: 'ib' },
      { userId: school.smwId, teamRole: 'smw' },
      { userId: school.directorId, teamRole: 'director' },
      { userId: school.teacherId, teamRole: 'teacher' },
    ];
    await formTeam(c.id, members, school.ibId, c.at(7));
    await agreement(c.id, { what: 'Gesprek met de ouders voorbereiden en plannen (IB en SMW samen)', ownerUserId: school.ibId, dueOn: dateAgo(-3), purpose: 'task-division' }, school.ibId, c.at(7));
    await agreement(c.id, { what: 'Navragen of het gezin bekend is bij het wijkteam', ownerUserId: school.smwId, dueOn: dateAgo(-5), purpose: 'task-division' }, school.ibId, c.at(7));
    await entry(c.id, 'veilig-thuis-advice', { calledOn: dateAgo(13), calledBy: 'IB\'er', advisorName: 'Adviseur Veilig Thuis', advice: 'Eerst een gesprek met de ouders over de zorgen; vraag hoe het thuis gaat en welke hulp er is. Bel opnieuw als de signalen blijven of ouders niet meewerken.' }, school.ibId, c.at(8));
  }

  // Step 3, monitoring: "no report now", with agreements about the follow-up.
  const monitored = school.pupilsOfTeacher2[0] ?? fourth;
  const monitoringTeacher = school.pupilsOfTeacher2[0] ? (school.teacher2Id ?? school.teacherId) : school.teacherId;
  if (monitored) {
    const c = await startCase(monitored, 'meldcode', monitoringTeacher, 35);
    await entry(c.id, 'signal', signal(35, 'leerkracht', { description: `${monitored.callName} is de laatste weken vaak te laat en huilt bij het afscheid van moeder. Zegt niet waarom.`, signalItemIds: ['school.absence-lateness', 'behaviour.sudden-change'] }), monitoringTeacher, c.at(0));
    await formTeam(c.id, [{ userId: school.ibId, teamRole: 'ib' }, { userId: school.smwId, teamRole: 'smw' }, { userId: monitoringTeacher, teamRole: 'teacher' }], school.ibId, c.at(6));
    await entry(c.id, 'veilig-thuis-advice', { calledOn: dateAgo(28), calledBy: 'IB\'er', advisorName: null, advice: 'Geen acute onveiligheid. Monitor de komende weken en bespreek de zorgen met de ouders.' }, school.ibId, c.at(7));
    const decidedAt = c.at(10);
    await ctx.repos.cases.setProgress(c.id, { step: 3, phase: 'monitoring', casushouderId: school.ibId }, decidedAt, tx);
    await entry(c.id, 'escalation-decision', { decision: 'no-report-now', reasoning: 'Zorgen over welbevinden, geen aanwijzingen voor acuut gevaar. Moeder staat open voor hulp via SMW.', step: 3 }, school.ibId, decidedAt);
    await agreement(c.id, { what: 'Welbevinden en aanwezigheid bijhouden; kort verslag aan IB', ownerUserId: monitoringTeacher, dueOn: dateAgo(0), purpose: 'monitoring' }, school.ibId, decidedAt);
    await agreement(c.id, { what: 'Evaluatie met het interventieteam', ownerUserId: school.ibId, dueOn: dateAgo(-14), purpose: 'monitoring' }, school.ibId, decidedAt);
  }

  // Decided "report at once": moved to step 5, where the report follows.
  if (fourth && monitored !== fourth) {
    const c = await startCase(fourth, 'meldcode', school.teacherId, 4);
    await entry(c.id, 'signal', signal(4, 'leerkracht', { source: 'child-told', sourceDetail: `${fourth.callName} zelf, na de gymles`, description: `${fourth.callName} vertelde: "Papa slaat me met de riem als ik niet luister." Op de rug waren rode striemen te zien.`, signalItemIds: ['physical.injury-with-shape'], bodyMap: [{ side: 'back', x: 0.5, y: 0.36, type: 'other', colour: 'rood', sizeCm: 12, description: 'twee striemen over de onderrug' }] }), school.teacherId, c.at(0));
    await formTeam(c.id, [{ userId: school.ibId, teamRole: 'ib' }, { userId: school.directorId, teamRole: 'director' }, { userId: school.teacherId, teamRole: 'teacher' }], school.ibId, c.at(0));
    await ctx.repos.cases.setProgress(c.id, { step: 5, phase: 'open', casushouderId: school.ibId }, c.at(1), tx);
    await entry(c.id, 'escalation-decision', { decision: 'report-now', reasoning: 'Het kind vertelt over slaan met een riem en er is zichtbaar letsel: acute onveiligheid. Direct melden bij Veilig Thuis.', step: 5 }, school.ibId, c.at(1));
    // Reported the same day (acute), feedback from Veilig Thuis two days later.
    await entry(
      c.id,
      'report',
      {
        reportedOn: dateAgo(3), how: 'phone', reference: 'VT-2026-0412', acute: true,
        whatReported: `${fourth.callName} vertelde na de gymles: "Papa slaat me met de riem als ik niet luister." Op de onderrug waren twee rode striemen van ongeveer 12 cm te zien.`,
        anonymityRequested: false, anonymityReason: null, parentsInformed: false, parentsInformedOn: null, informExceptionGround: 'danger-to-child-or-family',
        findings: ['parent-conversation-missing', 'parents-not-informed', 'no-consultation'], proceedReasons: [],
      },
      school.ibId,
      c.at(1),
    );
    await entry(c.id, 'report-feedback', { receivedOn: dateAgo(1), feedback: 'Veilig Thuis start een onderzoek en neemt contact op met het gezin; school hoort binnen tien werkdagen meer.' }, school.ibId, c.at(3));
  }

  // Steps 4-6: a case in the conversation with the parents, one in the weighing, one in aftercare, one closed.
  const [, , , , , talked, weighed, cared, unfounded] = school.pupilsOfTeacher;
  const team: TeamMember[] = [
    { userId: school.ibId, teamRole: 'ib' },
    { userId: school.smwId, teamRole: 'smw' },
    { userId: school.teacherId, teamRole: 'teacher' },
  ];
  const weigh = (caseId: string, question: string, answer: string, at: string, extra: Record<string, unknown> = {}) =>
    entry(caseId, 'weighing-answer', { question, answer, unsafety: null, reasoning: WEIGHING_REASONS[question]!, answeredOn: at.slice(0, 10), participants: ['IB\'er', 'SMW', 'leerkracht'], veiligThuisTookPart: false, termUntil: null, ...extra }, school.ibId, at);

  if (talked) {
    const c = await startCase(talked, 'meldcode', school.teacherId, 28);
    await entry(c.id, 'signal', signal(28, 'leerkracht', { description: `${talked.callName} komt al twee weken met een grote pleister op de hand en wil er niet over praten. Trekt zich terug in de pauze.`, signalItemIds: ['physical.repeated-accidents', 'behaviour.anxious-withdrawn'] }), school.teacherId, c.at(0));
    await formTeam(c.id, team, school.ibId, c.at(5));
    await ctx.repos.cases.setProgress(c.id, { step: 4, phase: 'open', casushouderId: school.ibId }, c.at(6), tx);
    await entry(
      c.id,
      'parent-conversation-plan',
      { answers: { trust: 'yes', alone: 'no', 'safe-staff-during': 'yes', 'safe-staff-after': 'yes', 'safe-child-during': 'yes', 'safe-child-after': 'yes' }, teacherToolsAndExperience: 'De leerkracht heeft weinig ervaring met zulke gesprekken.', kind: 'suspicion', holders: [{ userId: school.ibId, role: 'ib' }, { userId: school.smwId, role: 'smw' }], reasoning: 'IB en SMW voeren het gesprek samen; de leerkracht blijft neutraal voor het kind.', plannedOn: dateAgo(20), interpreterNeeded: false, interpreterArranged: false, childDisclosed: false, safetyAgreementsPlanned: false },
      school.ibId,
      c.at(6),
    );
    await entry(
      c.id,
      'parent-conversation',
      {
        heldOn: dateAgo(20), heldBy: 'IB\'er en SMW', present: 'moeder, IB\'er, SMW', summary: 'Gesprek over de zorgen; moeder was open.', agreements: 'Over vier weken opnieuw spreken.', guardianIds: [],
        step4: { concernsDiscussed: 'De wond aan de hand en het terugtrekken in de pauze.', missingInformationAsked: 'Gevraagd hoe de wond is ontstaan en hoe het thuis gaat.', zienswijze: 'Moeder: "Hij is van de fiets gevallen. Thuis is het onrustig sinds zijn vader weg is."', helpOffered: 'Opvoedondersteuning via het wijkteam.', helpResponse: 'accepted', informedAboutFurtherCourse: true, informedAboutRiskIndex: true },
      },
      school.ibId,
      c.at(8),
    );
    const activeUntil = activeUntilFor(dateAgo(19));
    await entry(c.id, 'risk-index-registration', { registeredOn: dateAgo(19), activeUntil, reminderOn: reminderOnFor(activeUntil) }, school.ibId, c.at(9));
  }

  if (weighed) {
    const c = await startCase(weighed, 'meldcode', school.teacherId, 40);
    await entry(c.id, 'signal', signal(40, 'leerkracht', { description: `${weighed.callName} heeft deze maand vijf keer gemist zonder afmelding. Zegt dat hij op zijn broertje moest passen.`, signalItemIds: ['school.absence-lateness', 'neglect.chronically-tired'] }), school.teacherId, c.at(0));
    await formTeam(c.id, team, school.ibId, c.at(4));
    await entry(c.id, 'consultation', { heldOn: dateAgo(35), withRole: 'smw', withName: 'SMW', outcome: 'Gezin is bekend bij het wijkteam; afgesproken de ouders uit te nodigen.' }, school.ibId, c.at(5));
    await entry(c.id, 'parent-conversation', { heldOn: dateAgo(30), heldBy: 'IB\'er', present: 'vader, IB\'er', summary: 'Vader herkent de zorgen.', agreements: null, guardianIds: [], step4: { concernsDiscussed: 'Het verzuim en de vermoeidheid.', missingInformationAsked: 'Gevraagd wie voor de kinderen zorgt.', zienswijze: 'Vader: "Sinds mijn vrouw in het ziekenhuis ligt, lukt het niet."', helpOffered: 'Gezinshulp via het wijkteam.', helpResponse: 'accepted', informedAboutFurtherCourse: true, informedAboutRiskIndex: true } }, school.ibId, c.at(10));
    await ctx.repos.cases.setProgress(c.id, { step: 5, phase: 'open', casushouderId: school.ibId }, c.at(12), tx);
    await weigh(c.id, 'q1', 'yes', c.at(12));
    await weigh(c.id, 'q2', 'no', c.at(12));
    await weigh(c.id, 'q3', 'yes', c.at(12), { termUntil: dateAgo(-30) });
  }

  if (cared) {
    const c = await startCase(cared, 'meldcode', school.teacherId, 80);
    await entry(c.id, 'signal', signal(80, 'leerkracht', { description: `${cared.callName} zei dat ze bang is om naar huis te gaan omdat "papa en mama altijd ruzie maken".`, source: 'child-told', sourceDetail: `${cared.callName} zelf`, signalItemIds: ['witnessing-violence.reluctant-to-go-home'] }), school.teacherId, c.at(0));
    await formTeam(c.id, team, school.ibId, c.at(3));
    await entry(c.id, 'parent-conversation', { heldOn: dateAgo(70), heldBy: 'IB\'er en SMW', present: 'beide ouders', summary: 'Ouders erkennen de spanningen thuis.', agreements: null, guardianIds: [], step4: { concernsDiscussed: 'Wat hun dochter vertelde.', missingInformationAsked: 'Gevraagd naar de ruzies.', zienswijze: 'Moeder: "We gaan uit elkaar; we willen haar erbuiten houden."', helpOffered: 'Ouderschapsbegeleiding bij scheiding.', helpResponse: 'accepted', informedAboutFurtherCourse: true, informedAboutRiskIndex: true } }, school.ibId, c.at(10));
    await weigh(c.id, 'q1', 'yes', c.at(12));
    await weigh(c.id, 'q2', 'no', c.at(12));
    await weigh(c.id, 'q3', 'yes', c.at(12), { termUntil: dateAgo(20) });
    await weigh(c.id, 'q4', 'yes', c.at(12), { termUntil: dateAgo(20) });
    await weigh(c.id, 'q5', 'yes', c.at(62));
    await ctx.repos.cases.setProgress(c.id, { step: 6, phase: 'monitoring', casushouderId: school.ibId }, c.at(62), tx);
    await entry(c.id, 'contact-matrix', { contacts: [{ partner: 'wijkteam', partnerName: null, ownerUserId: school.smwId, notes: 'Maandelijks contact over de ouderschapsbegeleiding.' }] }, school.ibId, c.at(62));
    await entry(c.id, 'monitoring-note', { observedOn: dateAgo(10), observation: `${cared.callName} speelt weer met klasgenoten en vertelt over het weekend bij papa.`, wellbeing: 'good' }, school.teacherId, c.at(70));
    const review = await entry(c.id, 'aftercare-review', { dueOn: dateAgo(-14), heldOn: null, outcome: null }, school.ibId, c.at(70));
    await scheduleReviewReminder(ctx, { entryId: review, caseId: c.id, schoolId: school.schoolId, casushouderId: school.ibId, dueOn: dateAgo(-14), held: false }, tx);
  }

  if (unfounded) {
    const c = await startCase(unfounded, 'meldcode', school.teacherId, 60);
    await entry(c.id, 'signal', signal(60, 'leerkracht', { description: `${unfounded.callName} had blauwe plekken op beide scheenbenen.`, signalItemIds: ['physical.bruises-unusual-places'], bodyMap: [{ side: 'front', x: 0.44, y: 0.8, type: 'bruise', colour: 'blauw', sizeCm: 3, description: 'linkerscheenbeen' }, { side: 'front', x: 0.56, y: 0.8, type: 'bruise', colour: 'blauw', sizeCm: 3, description: 'rechterscheenbeen' }] }), school.teacherId, c.at(0));
    await entry(c.id, 'consultation', { heldOn: dateAgo(58), withRole: 'ib', withName: 'IB\'er', outcome: 'Navragen bij de ouders en de voetbaltrainer.' }, school.teacherId, c.at(2));
    await ctx.repos.cases.setProgress(c.id, { step: 2, phase: 'closed', casushouderId: null }, c.at(9), tx);
    await ctx.repos.cases.setClosedAt(c.id, c.at(9), tx);
    await entry(c.id, 'case-closed', { reason: 'suspicion-unfounded', explanation: 'De plekken komen van het voetballen: de trainer en moeder bevestigen het, en ze passen bij scheenbeschermers die te klein zijn.' }, school.ibId, c.at(9));
  }

  // The staff route: only the teacher who raised it and the board see it.
  const staffPupil = school.pupilsOfTeacher2[1] ?? school.pupilsOfTeacher[4];
  const raisedBy = school.pupilsOfTeacher2[1] ? (school.teacher2Id ?? school.teacherId) : school.teacherId;
  if (staffPupil) {
    const c = await startCase(staffPupil, 'staff', raisedBy, 2);
    await entry(c.id, 'signal', signal(2, 'leerkracht', { source: 'child-told', sourceDetail: `${staffPupil.callName} zelf`, description: `${staffPupil.callName} vertelde dat een invalkracht ${staffPupil.callName} na de gymles in de kleedkamer vasthield en niet losliet toen ${staffPupil.callName} dat vroeg.`, place: 'kleedkamer gymzaal' }), raisedBy, c.at(0));
    const boardMember = school.boardMemberIds[0];
    if (boardMember) {
      await ctx.repos.cases.addTeamMembers(c.id, [{ userId: boardMember, teamRole: 'board' }], boardMember, c.at(1), tx);
      await entry(c.id, 'team-change', teamChange([], [{ userId: boardMember, teamRole: 'board' }], null, null), boardMember, c.at(1));
      await entry(c.id, 'task', { taskId: 'staff.vertrouwensinspecteur', outcome: 'done', note: 'Overlegd met de vertrouwensinspecteur; vervolgafspraak morgen.' }, boardMember, c.at(1));
    }
  }
  return created;
}
