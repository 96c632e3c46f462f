import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { startMailServer } from '../support/mail-server.js';
import { Session, totpCode } from '../support/test-app.js';

const NOOR = { name: 'Noor Visser', email: 'noor.visser@school.example', password: 'Lantaarn-Kiezel-Roeiboot-17' };

describe.each(ENGINES)('running a school\'s accounts (%s)', (engine) => {
  let t: DemoApp;
  beforeEach(async () => {
    t = await createDemoApp(engine);
  });
  afterEach(async () => t.close());

  const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

  it('invites a teacher with a link that works once, after a fresh code, and audits it', async () => {
    const admin = account(t, 'administrator');
    const session = await signInAs(t, admin);
    const withoutCode = await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] });
    expect(withoutCode.statusCode).toBe(403);
    expect(withoutCode.json().error.code).toBe('elevation-required');

    t.clock.advance(30_000);
    expect((await session.post('/api/auth/elevate', { code: '000000' })).json().error.code).toBe('invalid-fresh-code');
    await elevate(t, session, admin);
    const invited = await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] });
    expect(invited.statusCode).toBe(201);
    const { delivered, link, expiresAt } = invited.json();
    expect(delivered).toBe('manual');
    expect(link).toMatch(/\/uitnodiging#token=[A-Za-z0-9_-]{32}$/);
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect((await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] })).json().error.code).toBe('already-invited');
    expect((await session.get('/api/staff')).json().invitations).toEqual([expect.objectContaining({ email: NOOR.email, roles: ['teacher'] })]);

    const visitor = new Session(t);
    const info = await visitor.post('/api/account-links/inspect', { token: tokenOf(link) });
    expect(info.json()).toEqual({ kind: 'invitation', name: NOOR.name, email: NOOR.email, schoolName: REGENBOOG, roles: ['teacher'] });
    const weak = await visitor.post('/api/account-links/complete', { token: tokenOf(link), password: 'noorvisser2026' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak-password');
    expect((await visitor.post('/api/account-links/complete', { token: tokenOf(link), password: NOOR.password })).json()).toEqual({ email: NOOR.email });
    expect((await visitor.post('/api/account-links/complete', { token: tokenOf(link), password: NOOR.password })).statusCode).toBe(404);

    const login = await new Session(t).post('/api/auth/login', { email: NOOR.email, password: NOOR.password });
    expect(login.json()).toEqual({ next: 'enrol-totp' });
    const staff = (await session.get('/api/staff')).json();
    expect(staff.invitations).toEqual([]);
    expect(staff.staff.find((m: { email: string }) => m.email === NOOR.email)).toMatchObject({ roles: ['teacher'], active: true, secondFactorEnrolled: false });
    const actions = (await t.ctx.repos.audit.latest(30)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.invite', 'auth.elevate', 'invitation.accept']));
  });

  it('expires an invitation after seven days, and lets the administrator withdraw one', async () => {
    const admin = account(t, 'administrator');
    const session = await signInAs(t, admin, { elevated: true });
    const first = (await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] })).json();
    const second = (await session.post('/api/staff/invitations', { name: 'Daan Kok', email: 'daan@school.example', roles: ['smw'] })).json();
    const pending = (await session.get('/api/staff')).json().invitations as { id: string; email: string }[];
    const daan = pending.find((i) => i.email === 'daan@school.example')!;
    expect((await session.post(`/api/staff/invitations/${daan.id}/revoke`)).statusCode).toBe(200);
    expect((await new Session(t).post('/api/account-links/inspect', { token: tokenOf(second.link) })).statusCode).toBe(404);
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    const late = await new Session(t).post('/api/account-links/inspect', { token: tokenOf(first.link) });
    expect(late.statusCode).toBe(404);
    expect(late.json().error.code).toBe('invalid-link');
  });

  it('gives a colleague from another school of the board the roles at once, and refuses a taken address', async () => {
    const admin = account(t, 'administrator');
    const session = await signInAs(t, admin, { elevated: true });
    const ibKompas = account(t, 'ib', KOMPAS);
    const added = await session.post('/api/staff/invitations', { name: 'Priya Ramdin', email: ibKompas.email, roles: ['ib'] });
    expect(added.json()).toEqual({ delivered: 'existing-account' });
    const member = (await session.get('/api/staff')).json().staff.find((m: { email: string }) => m.email === ibKompas.email);
    expect(member).toMatchObject({ roles: ['ib'], otherSchools: [KOMPAS] });
    expect((await session.post('/api/staff/invitations', { name: 'Marieke Jansen', email: account(t, 'director').email, roles: ['teacher'] })).json().error.code).toBe('email-taken');
  });

  it('deactivates a person: their sessions end at once and they cannot sign in; reactivating restores it', async () => {
    const admin = account(t, 'administrator');
    const teacher = account(t, 'teacher');
    const session = await signInAs(t, admin, { elevated: true });
    const teacherSession = await signInAs(t, teacher);
    const teacherId = await userIdOf(t, teacher);
    expect((await session.post(`/api/staff/${teacherId}/deactivate`)).statusCode).toBe(200);
    expect((await teacherSession.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Session(t).post('/api/auth/login', { email: teacher.email, password: teacher.password })).json().error.code).toBe('invalid-credentials');
    expect((await session.post(`/api/staff/${teacherId}/reactivate`)).statusCode).toBe(200);
    expect((await signInAs(t, teacher).then((s) => s.get('/api/auth/me'))).statusCode).toBe(200);
  });

  it('resets a password with a link (old sessions end) and a second factor (the person enrols again)', async () => {
    const admin = account(t, 'administrator');
    const ib = account(t, 'ib');
    const session = await signInAs(t, admin, { elevated: true });
    const ibSession = await signInAs(t, ib);
    const ibId = await userIdOf(t, ib);
    const reset = (await session.post(`/api/staff/${ibId}/password-reset`)).json();
    expect(reset.link).toMatch(/\/wachtwoord-instellen#token=/);
    expect((await ibSession.get('/api/auth/me')).statusCode).toBe(401);
    const info = (await new Session(t).post('/api/account-links/inspect', { token: tokenOf(reset.link) })).json();
    expect(info).toMatchObject({ kind: 'password-reset', email: ib.email });
    await new Session(t).post('/api/account-links/complete', { token: tokenOf(reset.link), password: 'Vuurtoren-Hagelslag-Kano-33' });
    expect((await new Session(t).post('/api/auth/login', { email: ib.email, password: ib.password })).statusCode).toBe(401);
    expect((await new Session(t).post('/api/auth/login', { email: ib.email, password: 'Vuurtoren-Hagelslag-Kano-33' })).json()).toEqual({ next: 'totp' });

    expect((await session.post(`/api/staff/${ibId}/second-factor-reset`)).statusCode).toBe(200);
    expect((await new Session(t).post('/api/auth/login', { email: ib.email, password: 'Vuurtoren-Hagelslag-Kano-33' })).json()).toEqual({ next: 'enrol-totp' });
  });

  it('lists a person\'s sessions and ends one', async () => {
    const admin = account(t, 'administrator');
    const teacher = account(t, 'teacher');
    const session = await signInAs(t, admin, { elevated: true });
    const teacherSession = await signInAs(t, teacher);
    const teacherId = await userIdOf(t, teacher);
    const listed = (await session.get(`/api/staff/${teacherId}/sessions`)).json().sessions;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ complete: true });
    expect((await session.post(`/api/staff/${teacherId}/sessions/${listed[0].id}/revoke`)).statusCode).toBe(200);
    expect((await teacherSession.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes roles, and removes a former teacher from their groups', async () => {
    const admin = account(t, 'administrator');
    const teacher = account(t, 'teacher');
    const session = await signInAs(t, admin, { elevated: true });
    const teacherId = await userIdOf(t, teacher);
    expect((await session.put(`/api/staff/${teacherId}/roles`, { roles: ['ib'] })).statusCode).toBe(200);
    const groups = (await session.get('/api/groups')).json().groups as { teachers: { userId: string }[] }[];
    expect(groups.flatMap((g) => g.teachers.map((x) => x.userId))).not.toContain(teacherId);
    expect((await signInAs(t, teacher).then((s) => s.get('/api/auth/me'))).json().roles).toEqual(['ib']);
  });

  it('refuses to let the administrator change their own access', async () => {
    const admin = account(t, 'administrator');
    const session = await signInAs(t, admin, { elevated: true });
    const adminId = await userIdOf(t, admin);
    expect((await session.post(`/api/staff/${adminId}/deactivate`)).statusCode).toBe(404);
    expect((await session.put(`/api/staff/${adminId}/roles`, { roles: ['administrator', 'director'] })).statusCode).toBe(404);
  });

  it('ends the fresh-code window after five minutes', async () => {
    const admin = account(t, 'administrator');
    const session = await signInAs(t, admin, { elevated: true });
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    t.clock.advance(5 * 60 * 1000 + 1000);
    expect((await session.post(`/api/staff/${teacherId}/deactivate`)).json().error.code).toBe('elevation-required');
    t.clock.advance(30_000);
    expect((await session.post('/api/auth/elevate', { code: await totpCode(t, admin.totpSecret) })).statusCode).toBe(200);
    expect((await session.post(`/api/staff/${teacherId}/deactivate`)).statusCode).toBe(200);
  });
});

describe.each(ENGINES)('groups and school settings (%s)', (engine) => {
  let t: DemoApp;
  beforeEach(async () => {
    t = await createDemoApp(engine);
  });
  afterEach(async () => t.close());

  it('lets the administrator add a group and set its teachers, and shows teachers their groups', async () => {
    const session = await signInAs(t, account(t, 'administrator'));
    const created = await session.post('/api/groups', { name: 'Groep 8b Uilen', yearGroups: [8] });
    expect(created.statusCode).toBe(201);
    expect((await session.post('/api/groups', { name: 'groep 8b uilen', yearGroups: [8] })).json().error.code).toBe('group-name-taken');
    expect((await session.post('/api/groups', { name: 'Groep 9', yearGroups: [9] })).statusCode).toBe(400);
    const { id } = created.json();
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    expect((await session.put(`/api/groups/${id}/teachers`, { teacherIds: [teacherId] })).statusCode).toBe(200);
    const ibId = await userIdOf(t, account(t, 'ib'));
    expect((await session.put(`/api/groups/${id}/teachers`, { teacherIds: [ibId] })).json().error.code).toBe('unknown-teacher');

    const teacherView = await (await signInAs(t, account(t, 'teacher'))).get('/api/groups');
    expect(teacherView.json().abilities).toEqual({ 'groups.manage': false });
    expect(teacherView.json().groups.find((g: { id: string }) => g.id === id).teachers).toEqual([{ userId: teacherId, name: 'Sanne de Wit' }]);
    expect((await session.post(`/api/groups/${id}/archive`)).statusCode).toBe(200);
    expect((await session.get('/api/groups')).json().groups.map((g: { id: string }) => g.id)).not.toContain(id);
  });

  it('keeps the local parties per school; directie edits them, a teacher reads them', async () => {
    const director = await signInAs(t, account(t, 'director'));
    const before = (await director.get('/api/school/settings')).json();
    expect(before.settings).toMatchObject({ name: REGENBOOG, riskIndexName: 'SISA', veiligThuisPhone: null });
    expect(before.veiligThuisPhoneInEffect).toBe('0800-2000');
    const updated = await director.put('/api/school/settings', { ...before.settings, veiligThuisPhone: '010-1234567', brin: '12ab' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().settings).toMatchObject({ veiligThuisPhone: '010-1234567', brin: '12AB' });
    const bad = await director.put('/api/school/settings', { ...before.settings, brin: 'ABCD' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('brin');
    const teacher = await (await signInAs(t, account(t, 'teacher'))).get('/api/school/settings');
    expect(teacher.json()).toMatchObject({ veiligThuisPhoneInEffect: '010-1234567', abilities: { 'school.settings.update': false } });
    expect((await (await signInAs(t, account(t, 'teacher'))).put('/api/school/settings', before.settings)).statusCode).toBe(404);
    const kompas = await (await signInAs(t, account(t, 'director', KOMPAS))).get('/api/school/settings');
    expect(kompas.json().veiligThuisPhoneInEffect).toBe('0800-2000');
  });

  it('lets the SMW who serves two schools switch, and always says which school they act for', async () => {
    const smw = account(t, 'smw');
    const session = await signInAs(t, smw);
    const me = (await session.get('/api/auth/me')).json();
    expect(me.memberships.map((m: { schoolName: string }) => m.schoolName).sort()).toEqual([KOMPAS, REGENBOOG].sort());
    const kompasId = me.memberships.find((m: { schoolName: string }) => m.schoolName === KOMPAS).schoolId;
    const switched = (await session.post('/api/auth/school', { schoolId: kompasId })).json();
    expect(switched.school).toEqual({ id: kompasId, name: KOMPAS });
    expect((await session.get('/api/school/settings')).json().settings.name).toBe(KOMPAS);
  });
});

describe('invitations by e-mail', () => {
  let t: DemoApp;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  afterEach(async () => {
    await t.close();
    await mail.close();
  });

  it('mails the link when SMTP is configured, naming the school and nothing else', async () => {
    mail = await startMailServer();
    t = await createDemoApp('sqlite', { SMTP_URL: mail.url, MAIL_FROM: 'Meldpad <meldpad@school.example>' });
    const session = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const invited = await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().delivered).toBe('email');
    expect(invited.json().link).toBeUndefined();
    expect(mail.received).toHaveLength(1);
    const [message] = mail.received;
    expect(message!.to).toEqual([NOOR.email]);
    expect(message!.subject).toBe(`Uitnodiging voor Meldpad van ${REGENBOOG}`);
    const link = /https?:\/\/\S+\/uitnodiging#token=[A-Za-z0-9_-]+/.exec(message!.text)![0];
    const token = new URL(link).hash.replace('#token=', '');
    expect((await new Session(t).post('/api/account-links/inspect', { token })).json().email).toBe(NOOR.email);
  });

  it('falls back to showing the link when the mail server cannot be reached', async () => {
    mail = await startMailServer();
    await mail.close();
    t = await createDemoApp('sqlite', { SMTP_URL: mail.url, MAIL_FROM: 'meldpad@school.example' });
    const session = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const invited = await session.post('/api/staff/invitations', { name: NOOR.name, email: NOOR.email, roles: ['teacher'] });
    expect(invited.json()).toMatchObject({ delivered: 'manual', link: expect.stringContaining('/uitnodiging#token=') });
  });
});
