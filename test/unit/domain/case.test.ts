import { describe, expect, it } from 'vitest';
import { namesInAdviceText } from '../../../src/domain/cases/anonymous-advice.js';
import { filterTimeline, foldEntries, nextVersion, type EntryVersion } from '../../../src/domain/cases/case-entry.js';
import { afterTeamFormed, decideEscalation, initialProgress } from '../../../src/domain/cases/case-progress.js';
import { routeForWorry } from '../../../src/domain/cases/case-route.js';
import { checkTeam, proposeCasushouder, teamChange, teamRoleFor } from '../../../src/domain/cases/case-team.js';
import { DEFAULT_PROTOCOL } from '../../../src/domain/cases/protocol/default-template.js';
import { stepsWithStatus, taskStatus, type RecordedFacts } from '../../../src/domain/cases/task-status.js';

const TODAY = '2026-11-20';

describe('where a worry leads', () => {
  it('sends the home situation to the meldcode, a member of staff to the board\'s route, and something between pupils to the safety policy', () => {
    expect(routeForWorry('home-situation')).toEqual({ kind: 'case', route: 'meldcode' });
    expect(routeForWorry('staff-member')).toEqual({ kind: 'case', route: 'staff' });
    expect(routeForWorry('between-pupils')).toEqual({ kind: 'not-a-case', pointTo: 'school-safety-policy' });
  });
});

describe('the intervention team', () => {
  const ib = { userId: 'ib', teamRole: 'ib' as const };
  const smw = { userId: 'smw', teamRole: 'smw' as const };
  const teacher = { userId: 'teacher', teamRole: 'teacher' as const };
  const director = { userId: 'dir', teamRole: 'director' as const };

  it('proposes the IB\'er as casushouder, as the school\'s principles say; the SMW when there is no IB\'er', () => {
    expect(proposeCasushouder([teacher, smw, ib])).toBe('ib');
    expect(proposeCasushouder([teacher, smw, director])).toBe('smw');
    expect(proposeCasushouder([teacher, director])).toBeNull();
  });

  it('accepts only the IB\'er or SMW as casushouder, and only someone on the team', () => {
    expect(checkTeam([ib, smw, teacher], 'ib')).toEqual([]);
    expect(checkTeam([ib, smw, teacher], 'smw')).toEqual([]);
    expect(checkTeam([ib, teacher], 'teacher')).toEqual([{ code: 'casushouder-role', userId: 'teacher' }]);
    expect(checkTeam([ib, director], 'dir')).toEqual([{ code: 'casushouder-role', userId: 'dir' }]);
    expect(checkTeam([teacher], 'ib')).toEqual([{ code: 'casushouder-not-on-team' }]);
    expect(checkTeam([ib], null)).toEqual([{ code: 'no-casushouder' }]);
    expect(checkTeam([ib, ib], 'ib')).toEqual([{ code: 'duplicate-member', userId: 'ib' }]);
  });

  it('takes the team role from the person\'s roles, IB before SMW before directie before teacher', () => {
    expect(teamRoleFor(['teacher', 'ib'])).toBe('ib');
    expect(teamRoleFor(['director', 'teacher'])).toBe('director');
    expect(teamRoleFor(['administrator'])).toBeNull();
  });

  it('records what changed in the team as one event', () => {
    expect(teamChange([{ userId: 'ib', teamRole: 'aandachtsfunctionaris' }], [ib, smw], null, 'ib')).toEqual({
      added: [ib, smw],
      removed: [{ userId: 'ib', teamRole: 'aandachtsfunctionaris' }],
      casushouder: { from: null, to: 'ib' },
    });
    expect(teamChange([ib], [ib], 'ib', 'ib')).toEqual({ added: [], removed: [], casushouder: null });
  });
});

describe('the step-3 decision', () => {
  const escalated = afterTeamFormed(initialProgress('meldcode'), 'ib');

  it('starts a meldcode case in step 2 and escalates it to step 3 when the team has a casushouder', () => {
    expect(initialProgress('meldcode')).toEqual({ route: 'meldcode', step: 2, phase: 'open', casushouderId: null });
    expect(escalated).toEqual({ route: 'meldcode', step: 3, phase: 'open', casushouderId: 'ib' });
  });

  it('"report now" moves the case to step 5, whatever the monitoring says', () => {
    expect(decideEscalation(escalated, 'report-now', 'Acuut onveilig.', [], TODAY)).toEqual({ kind: 'decided', progress: { ...escalated, step: 5 } });
  });

  it('"no report now" keeps the case in step 3 under monitoring, and needs at least one agreement with a date not in the past', () => {
    expect(decideEscalation(escalated, 'no-report-now', 'Zorgen, geen acuut gevaar.', [{ dueOn: '2026-12-04' }], TODAY)).toEqual({ kind: 'decided', progress: { ...escalated, phase: 'monitoring' } });
    expect(decideEscalation(escalated, 'no-report-now', 'Zorgen.', [], TODAY)).toEqual({ kind: 'invalid', problems: [{ code: 'monitoring-required' }] });
    expect(decideEscalation(escalated, 'no-report-now', 'Zorgen.', [{ dueOn: '2026-11-19' }], TODAY)).toEqual({ kind: 'invalid', problems: [{ code: 'due-date-in-past', index: 0 }] });
  });

  it('needs the reasoning in words and an escalated meldcode case', () => {
    expect(decideEscalation(escalated, 'report-now', '  ', [], TODAY)).toEqual({ kind: 'invalid', problems: [{ code: 'reasoning-required' }] });
    expect(decideEscalation(initialProgress('meldcode'), 'report-now', 'x', [], TODAY)).toEqual({ kind: 'invalid', problems: [{ code: 'not-escalated' }] });
    expect(decideEscalation({ ...escalated, route: 'staff' }, 'report-now', 'x', [], TODAY).kind).toBe('invalid');
  });
});

describe('entries, versions and the timeline', () => {
  const v = (entryId: string, version: number, kind: EntryVersion['kind'], recordedAt: string, reason: string | null = null): EntryVersion => ({
    entryId,
    version,
    kind,
    body: { text: `${entryId} v${version}` },
    recordedBy: 'someone',
    recordedAt,
    correctionReason: reason,
  });

  it('keeps every version of an entry: the current one and the earlier ones, in order', () => {
    const entries = foldEntries([v('a', 1, 'signal', '2026-11-20T08:00:00Z'), v('b', 1, 'consultation', '2026-11-20T09:00:00Z'), v('a', 2, 'signal', '2026-11-20T10:00:00Z', 'maat verkeerd')]);
    expect(entries.map((e) => [e.entryId, e.current.version, e.history.map((h) => h.version)])).toEqual([
      ['a', 2, [1]],
      ['b', 1, []],
    ]);
    expect(entries[0]!.current.correctionReason).toBe('maat verkeerd');
    expect(entries[0]!.firstRecordedAt).toBe('2026-11-20T08:00:00Z');
  });

  it('keeps entries recorded at the same moment in the order they were given', () => {
    const at = '2026-11-20T08:00:00Z';
    expect(foldEntries([v('z', 1, 'case-started', at), v('a', 1, 'signal', at)]).map((e) => e.kind)).toEqual(['case-started', 'signal']);
  });

  it('filters the timeline by kind, and shows everything when no kind is chosen', () => {
    const entries = foldEntries([v('a', 1, 'signal', '2026-11-20T08:00:00Z'), v('b', 1, 'consultation', '2026-11-20T09:00:00Z')]);
    expect(filterTimeline(entries, ['consultation']).map((e) => e.entryId)).toEqual(['b']);
    expect(filterTimeline(entries, [])).toHaveLength(2);
  });

  it('numbers a correction after the highest version', () => {
    expect(nextVersion([{ version: 1 }, { version: 3 }])).toBe(4);
    expect(nextVersion([])).toBe(1);
  });
});

describe('task status: "doe de stappen die nodig zijn", no task gates another', () => {
  const facts = (overrides: Partial<RecordedFacts> = {}): RecordedFacts => ({ taskChoices: new Map(), entryCounts: new Map(), hasCasushouder: false, escalationDecision: null, ...overrides });
  const task = (id: string) => DEFAULT_PROTOCOL.steps.flatMap((s) => s.tasks).find((t) => t.id === id)!;

  it('counts a task whose form was used as recorded, and lets an explicit choice win', () => {
    expect(taskStatus(task('s2.beschrijf'), facts({ entryCounts: new Map([['signal', 2]]) }))).toEqual({ state: 'recorded', count: 2 });
    expect(taskStatus(task('s2.notitie'), facts())).toEqual({ state: 'open' });
    const choice = { outcome: 'not-applicable' as const, note: 'Geen ouder bereikbaar', by: 'ib', at: '2026-11-20T08:00:00Z' };
    expect(taskStatus(task('s2.gesprek-ouder'), facts({ taskChoices: new Map([['s2.gesprek-ouder', choice]]) }))).toEqual({ state: 'not-applicable', note: 'Geen ouder bereikbaar', by: 'ib', at: choice.at });
  });

  it('marks the team task once there is a casushouder, and the decision tasks by the decision taken', () => {
    expect(taskStatus(task('s3.team'), facts({ hasCasushouder: true })).state).toBe('recorded');
    expect(taskStatus(task('s3.direct-melden'), facts({ escalationDecision: 'report-now' })).state).toBe('recorded');
    expect(taskStatus(task('s3.geen-melding'), facts({ escalationDecision: 'report-now' })).state).toBe('open');
    expect(taskStatus(task('s3.geen-melding'), facts({ escalationDecision: 'no-report-now' })).state).toBe('recorded');
  });

  it('shows steps 1–6 of the route (not the preventive layer), without retired tasks a case never used', () => {
    const content = { ...DEFAULT_PROTOCOL, steps: DEFAULT_PROTOCOL.steps.map((s) => (s.id === 's2' ? { ...s, tasks: s.tasks.map((t) => (t.id === 's2.notitie' ? { ...t, retired: true } : t)) } : s)) };
    const steps = stepsWithStatus(content, facts());
    expect(steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(steps[1]!.tasks.map((t) => t.id)).not.toContain('s2.notitie');
    const used = stepsWithStatus(content, facts({ taskChoices: new Map([['s2.notitie', { outcome: 'done', note: null, by: 'x', at: 'y' }]]) }));
    expect(used[1]!.tasks.map((t) => t.id)).toContain('s2.notitie');
  });
});

describe('the anonymous advice of Veilig Thuis', () => {
  const names = ['Finn', 'Finn Johannes', 'de Vries', 'Johan de Vries'];

  it('finds the pupil\'s or a parent\'s name in the text, whatever the case or accents', () => {
    expect(namesInAdviceText('Advies: praat met finn over thuis', names)).toEqual(['Finn', 'Finn Johannes']);
    expect(namesInAdviceText('Vader (Johan) belt vaak', names)).toEqual(['Johan de Vries']);
    expect(namesInAdviceText('Gezin VRIES is bekend', names)).toEqual(['de Vries', 'Johan de Vries']);
  });

  it('does not mistake ordinary words or surname prefixes for names', () => {
    expect(namesInAdviceText('Bespreek de zorgen van school met de ouders en volg het kind', names)).toEqual([]);
    expect(namesInAdviceText('Advies van de adviseur', ['Ali van der Berg'])).toEqual([]);
  });
});
