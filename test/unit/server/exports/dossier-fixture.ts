import type { CasePageResponse } from '../../../../src/contract/cases.js';
import type { StaffMember } from '../../../../src/domain/exports/staff-names.js';

/** A case page as the presenter gives it, for the dossier's tests and its benchmark. */
export const STAFF: StaffMember[] = [
  { userId: 'u-sanne', name: 'Sanne de Wit', role: 'teacher' },
  { userId: 'u-yasmina', name: 'Yasmina El Amrani', role: 'ib' },
];
const sanne = { userId: 'u-sanne', name: 'Sanne de Wit' };
const yasmina = { userId: 'u-yasmina', name: 'Yasmina El Amrani' };

function entry(n: number, kind: string, body: Record<string, unknown>, who = sanne, history: CasePageResponse['entries'][number]['history'] = []): CasePageResponse['entries'][number] {
  const at = new Date(Date.UTC(2026, 10, 2, 8, 0) + n * 60_000).toISOString();
  return {
    entryId: `e-${n}`,
    kind,
    current: { version: history.length + 1, body, recordedBy: who, recordedAt: at, correctionReason: history.length > 0 ? 'Verkeerde datum genoteerd.' : null },
    history,
    firstRecordedAt: history[0]?.recordedAt ?? at,
    firstRecordedBy: who,
    attachments: [],
  };
}

function signalBody(description: string) {
  return {
    observedOn: '2026-11-02',
    observedTime: '08:40',
    place: 'klaslokaal',
    observedBy: 'Sanne de Wit',
    source: 'child-told',
    sourceDetail: null,
    description,
    counterIndications: null,
    signalItemIds: [],
    bodyMap: [{ side: 'back', x: 0.5, y: 0.3, type: 'burn', colour: null, sizeCm: 2.5, description: 'rond, op de rug' }],
  };
}

/** A case page as the presenter gives it, with `events` entries. */
export function casePage(events: number): CasePageResponse {
  const entries: CasePageResponse['entries'] = [entry(0, 'case-started', { route: 'meldcode', worry: 'home-situation', protocolVersion: 1 })];
  for (let i = 1; i < events; i++) {
    const kind = i % 3;
    if (kind === 0) entries.push(entry(i, 'signal', signalBody(`Signaal ${i}: Doğan vertelde dat hij thuis geslagen werd; Sanne de Wit schreef het op.`)));
    else if (kind === 1) entries.push(entry(i, 'consultation', { heldOn: '2026-11-03', withRole: 'ib', withName: 'Yasmina El Amrani', outcome: `Consultatie ${i}: bespreken in het team.` }, yasmina));
    else entries.push(entry(i, 'pupil-conversation', { heldOn: '2026-11-04', heldBy: 'Sanne de Wit', present: null, summary: `Gesprek ${i}: `.padEnd(600, 'tekst '), agreements: null, guardianIds: [], step4: null }));
  }
  const earlier = entry(events, 'signal', signalBody('Eerste tekst van het gecorrigeerde signaal.')).current;
  entries.push(entry(events + 1, 'signal', signalBody('Gecorrigeerde tekst van het signaal.'), sanne, [earlier]));
  entries.push(
    entry(events + 3, 'report', { reportedOn: '2026-11-05', how: 'phone', reference: null, whatReported: 'Wat is gemeld: de signalen.', anonymityRequested: false, anonymityReason: null, parentsInformed: false, parentsInformedOn: null, informExceptionGround: 'danger-to-staff', acute: false, findings: ['no-consultation'], proceedReasons: [{ code: 'no-consultation', reason: 'Er was geen tijd meer.' }] }, yasmina),
  );
  entries.push(entry(events + 2, 'escalation-decision', { decision: 'report-now', reasoning: 'Acuut onveilig: direct melden.', step: 3 }, yasmina));
  return {
    case: { id: 'case-1', route: 'meldcode', step: 5, phase: 'open', startedAt: '2026-11-02T08:00:00.000Z', startedBy: sanne, casushouder: yasmina, protocolVersion: 3, newerProtocolVersion: null },
    pupil: { id: 'p-1', displayName: 'Doğan Şahin', groupName: 'Groep 5', dateOfBirth: '2017-04-03' },
    guardians: [{ id: 'g-1', name: 'Łukasz Wójcik', hasAuthority: true }],
    siblings: [],
    team: [
      { userId: 'u-yasmina', name: 'Yasmina El Amrani', teamRole: 'ib', isCasushouder: true },
      { userId: 'u-sanne', name: 'Sanne de Wit', teamRole: 'teacher', isCasushouder: false },
    ],
    breakGlass: [],
    steps: [{ id: 's1', number: 1, title: 'Signaleren', note: null, tasks: [{ id: 's1.a', text: 'Ken je leerlingen', help: null, form: null, retired: false, status: { state: 'done', note: null, by: sanne, at: '2026-11-02T09:00:00.000Z' } }] }],
    duties: [],
    standingReminder: '',
    taskDivisionPrinciples: { title: '', items: [] },
    parentConversationPrinciples: { title: '', items: [] },
    riskIndexName: null,
    safety: { veiligThuisPhone: '0800-2000', veiligThuisRegion: null, emergencyPhone: '112' },
    entries,
    attachmentMaxBytes: 1,
    weighing: null,
    abilities: { 'case.write': true, 'case.escalate': true, 'case.decide': true, 'case.report': true, 'case.risk-index': true, 'case.close': true, 'case.reopen': false, 'case.access-log': true, 'case.export': true },
  };
}

