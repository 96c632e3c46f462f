import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../../src/server/config/config.js';
import { MasterKey } from '../../src/server/security/master-key.js';
import { createContext, openDataStore } from '../../src/server/start.js';
import { runMeldpad } from '../support/cli.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { addPupil } from '../support/pupil-fixtures.js';
import { samplePdf, samplePng, sampleHtml, sampleSvg } from '../support/sample-files.js';
import type { Session } from '../support/test-app.js';

const signal = {
  observedOn: '2026-11-19',
  observedTime: '08:40',
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description: 'Blauwe plek op de linkerbovenarm.',
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [],
};

/** The limit these tests run with: small, so that "too large" needs no 20 MB body. */
const MAX = 1024 * 1024;
/** A file name that names the child: it must not be readable in the raw database. */
const NAME = 'Finn de Vries - arm links.png';
const MARKER = 'Proefmarkering-blauwe-plek-Finn';


describe.each(ENGINES)('attachments on signals and conversations (%s)', (engine) => {
  let t: DemoApp;
  let teacher: Session;
  let caseId: string;
  let signalId: string;
  let pupilId: string;

  beforeEach(async () => {
    t = await createDemoApp(engine, { ATTACHMENT_MAX_BYTES: String(MAX) }, { pupilsPerSchool: 0 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    pupilId = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Finn', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4102' });
    teacher = await signInAs(t, account(t, 'teacher'));
    const started = await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'home-situation', firstSignal: signal });
    expect(started.statusCode, started.body).toBe(201);
    caseId = started.json().id;
    signalId = (await page(teacher)).entries.find((e: { kind: string }) => e.kind === 'signal').entryId;
  });
  afterEach(async () => t.close());

  async function page(session: Session) {
    const response = await session.get(`/api/cases/${caseId}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  function upload(session: Session, entryId: string, body: Buffer | Readable, fileName: string | null = NAME, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/entries/${entryId}/attachments`,
      headers: {
        cookie: session.cookie!,
        'content-type': 'application/octet-stream',
        ...(fileName === null ? {} : { 'x-file-name': encodeURIComponent(fileName) }),
        ...extra,
      },
      payload: body,
    });
  }

  function download(session: Session, entryId: string, attachmentId: string) {
    return t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/entries/${entryId}/attachments/${attachmentId}`, headers: { cookie: session.cookie! } });
  }

  async function stored() {
    const attachments = await t.ctx.db.kysely.selectFrom('case_attachments').selectAll().execute();
    const chunks = await t.ctx.db.kysely.selectFrom('case_attachment_chunks').selectAll().orderBy('attachment_id').orderBy('seq').execute();
    return { attachments, chunks };
  }

  it('stores a PNG on a signal and a PDF on a conversation, and gives back the very same bytes', async () => {
    const png = samplePng(600 * 1024, MARKER); // three chunks
    const added = await upload(teacher, signalId, png);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().attachment).toMatchObject({ entryId: signalId, fileName: NAME, contentType: 'image/png', sizeBytes: png.length, uploadedBy: { name: 'Sanne de Wit' } });

    const conversation = await teacher.post(`/api/cases/${caseId}/entries`, {
      kind: 'pupil-conversation',
      body: { heldOn: '2026-11-19', heldBy: 'Sanne de Wit', present: null, summary: 'Finn vertelde over het weekend.', agreements: null },
    });
    expect(conversation.statusCode, conversation.body).toBe(201);
    const conversationId = conversation.json().entryId;
    const pdf = samplePdf();
    const addedPdf = await upload(teacher, conversationId, pdf, 'Brief jeugdarts — Ayşe.pdf');
    expect(addedPdf.statusCode, addedPdf.body).toBe(201);

    const listed = await page(teacher);
    const bySignal = listed.entries.find((e: { entryId: string }) => e.entryId === signalId).attachments;
    const byConversation = listed.entries.find((e: { entryId: string }) => e.entryId === conversationId).attachments;
    expect(bySignal.map((a: { fileName: string }) => a.fileName)).toEqual([NAME]);
    expect(byConversation.map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType])).toEqual([['Brief jeugdarts — Ayşe.pdf', 'application/pdf']]);
    expect(listed.attachmentMaxBytes).toBe(MAX);

    const gotPng = await download(teacher, signalId, bySignal[0].id);
    expect(gotPng.statusCode).toBe(200);
    expect(gotPng.rawPayload.equals(png)).toBe(true);
    const gotPdf = await download(teacher, conversationId, byConversation[0].id);
    expect(gotPdf.rawPayload.equals(pdf)).toBe(true);

    // The IB'er on the case reads it too.
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await download(ib, signalId, bySignal[0].id)).rawPayload.equals(png)).toBe(true);
  });

  it('serves a download as a download only: type from the content, sandboxed, not cached, not sniffed', async () => {
    const id = (await upload(teacher, signalId, samplePng())).json().attachment.id;
    const got = await download(teacher, signalId, id);
    expect(got.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `attachment; filename="Finn de Vries - arm links.png"; filename*=UTF-8''Finn%20de%20Vries%20-%20arm%20links.png`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'no-store',
    });
    const pdf = (await upload(teacher, signalId, samplePdf(), 'brief.pdf')).json().attachment.id;
    const gotPdf = await download(teacher, signalId, pdf);
    expect(gotPdf.headers['content-type']).toBe('application/pdf');
    expect(gotPdf.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('judges the type by the content: HTML named .png, SVG and plain text are refused, and nothing is stored', async () => {
    for (const [body, name] of [
      [sampleHtml, 'foto.png'],
      [sampleSvg, 'tekening.svg'],
      [Buffer.from('Gewoon een briefje.'), 'brief.pdf'],
    ] as const) {
      const refused = await upload(teacher, signalId, body, name);
      expect([name, refused.statusCode, refused.json().error.code]).toEqual([name, 415, 'attachment-type-refused']);
      expect(refused.json().error.message).toContain('foto (JPEG, PNG, WebP of HEIC) of een PDF');
    }
    const empty = await upload(teacher, signalId, Buffer.alloc(0));
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, 'attachment-empty']);
    expect(await stored()).toEqual({ attachments: [], chunks: [] });
  });

  it('refuses a file over the limit with 413 and a message a person can act on, storing nothing — declared or streamed', async () => {
    const big = samplePng(MAX + 10);
    const declared = await upload(teacher, signalId, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toMatchObject({ code: 'attachment-too-large', message: expect.stringContaining('groter dan 1 MB') });
    // Without a declared length (chunked): refused as it streams in, after chunks were already written.
    const discard = vi.spyOn(t.ctx.repos.attachments, 'discard');
    const streamed = await upload(teacher, signalId, Readable.from([big.subarray(0, 300 * 1024), big.subarray(300 * 1024, 700 * 1024), big.subarray(700 * 1024)]));
    expect(streamed.statusCode).toBe(413);
    expect(discard).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual({ attachments: [], chunks: [] });
    const english = await upload(teacher, signalId, big, NAME, { 'accept-language': 'en' });
    expect(english.json().error.message).toContain('larger than 1 MB');
  });

  it('takes a file larger than the 1 MB limit of JSON bodies when ATTACHMENT_MAX_BYTES allows it', async () => {
    (t.ctx.config as { attachmentMaxBytes: number }).attachmentMaxBytes = 20 * 1024 * 1024;
    const photo = samplePng(3 * 1024 * 1024 + 123);
    const added = await upload(teacher, signalId, photo);
    expect(added.statusCode, added.body).toBe(201);
    expect((await stored()).chunks).toHaveLength(13);
    expect((await download(teacher, signalId, added.json().attachment.id)).rawPayload.equals(photo)).toBe(true);
  });

  it('keeps neither the content nor the file name readable in the raw database', async () => {
    const png = samplePng(400 * 1024, MARKER);
    expect((await upload(teacher, signalId, png)).statusCode).toBe(201);
    const { attachments, chunks } = await stored();
    expect(attachments).toHaveLength(1);
    expect(chunks.length).toBe(2);
    const raw = Buffer.concat([Buffer.from(JSON.stringify(attachments)), ...chunks.map((c) => Buffer.from(c.bytes))]);
    for (const secret of [MARKER, 'Finn', NAME, encodeURIComponent(NAME)]) expect(raw.includes(Buffer.from(secret)), secret).toBe(false);
    // Not even the start of the file: the PNG signature is sealed too.
    expect(raw.includes(png.subarray(0, 16))).toBe(false);
    // Stored as binary, not as base64 text.
    const total = chunks.reduce((n, c) => n + c.bytes.length, 0);
    expect(total).toBe(png.length + chunks.length * 28);
  });

  it('detects a chunk altered in the database instead of serving it', async () => {
    const id = (await upload(teacher, signalId, samplePng(2048))).json().attachment.id;
    const [chunk] = (await stored()).chunks;
    const altered = Buffer.from(chunk!.bytes);
    altered[40] = altered[40]! ^ 0xff;
    await t.ctx.db.kysely.updateTable('case_attachment_chunks').set({ bytes: altered }).where('attachment_id', '=', id).execute();
    const got = await download(teacher, signalId, id);
    expect(got.statusCode).toBe(422);
    expect(got.json().error.code).toBe('attachment-damaged');
  });

  it('audits every upload and every download, with case and pupil, never the file name', async () => {
    const id = (await upload(teacher, signalId, samplePng())).json().attachment.id;
    await download(teacher, signalId, id);
    await download(teacher, signalId, id);
    const events = await t.ctx.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'like', 'case.attachment.%')
      .orderBy('id')
      .execute();
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    expect(events.map((e) => [e.action, e.outcome, e.case_id, e.pupil_id, e.subject_id, e.actor_user_id])).toEqual([
      ['case.attachment.add', 'success', caseId, pupilId, id, teacherId],
      ['case.attachment.read', 'success', caseId, pupilId, id, teacherId],
      ['case.attachment.read', 'success', caseId, pupilId, id, teacherId],
    ]);
    expect(JSON.stringify(events)).not.toContain('Finn');
    // Nor does the file name reach the log (it travels in a header, which is never logged).
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toMatch(/Finn|arm%20links|arm links/);
  });

  it('answers 404 to someone of another school, and to someone at the school not on the case', async () => {
    const id = (await upload(teacher, signalId, samplePng())).json().attachment.id;
    const other = await signInAs(t, account(t, 'ib', KOMPAS), { school: KOMPAS });
    expect((await download(other, signalId, id)).statusCode).toBe(404);
    expect((await upload(other, signalId, samplePng())).statusCode).toBe(404);
    const administrator = await signInAs(t, account(t, 'administrator'));
    expect((await download(administrator, signalId, id)).statusCode).toBe(404);
    expect((await upload(administrator, signalId, samplePng())).statusCode).toBe(404);
    // An id of another entry, or a made-up one, is missing too.
    expect((await download(teacher, 'no-such-entry', id)).statusCode).toBe(404);
    expect((await download(teacher, signalId, 'no-such-attachment')).statusCode).toBe(404);
    expect((await stored()).attachments).toHaveLength(1);
  });

  it('takes files only on signals and conversations, only as raw bytes with a name, and refuses a cross-site upload', async () => {
    const task = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'task', body: { taskId: 's2.notitie', outcome: 'done', note: null } });
    expect(task.statusCode, task.body).toBe(201);
    const onTask = await upload(teacher, task.json().entryId, samplePng());
    expect([onTask.statusCode, onTask.json().error.code]).toEqual([422, 'attachment-entry-kind']);
    const asJson = await teacher.post(`/api/cases/${caseId}/entries/${signalId}/attachments`, { contentBase64: samplePng().toString('base64') });
    expect([asJson.statusCode, asJson.json().error.code]).toEqual([415, 'attachment-body-type']);
    const noName = await upload(teacher, signalId, samplePng(), null);
    expect([noName.statusCode, noName.json().error.code]).toEqual([400, 'attachment-name-required']);
    const crossSite = await upload(teacher, signalId, samplePng(), NAME, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect((await stored()).attachments).toHaveLength(0);
    // Elsewhere a body that is not JSON is still refused.
    const elsewhere = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/entries`, headers: { cookie: teacher.cookie!, 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('survives rotate-key: the data key is re-wrapped, the chunks stay as they are and still open', async () => {
    const png = samplePng(300 * 1024);
    const id = (await upload(teacher, signalId, png)).json().attachment.id;
    const chunksBefore = (await stored()).chunks.map((c) => Buffer.from(c.bytes).toString('base64'));
    const { config } = t.ctx;
    if (config.masterKey.kind !== 'env') throw new Error('the test app is given its key');
    const newKey = randomBytes(32).toString('base64');
    const env = { DATA_DIR: config.dataDir, DATABASE_URL: config.database.kind === 'sqlite' ? config.database.file : config.database.url };
    const rotated = runMeldpad(['rotate-key'], { ...env, MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: config.masterKey.value });
    expect([rotated.status, rotated.stderr]).toEqual([0, '']);
    const { attachments, chunks } = await stored();
    expect(attachments[0]!.data_key.startsWith(`w1.${MasterKey.fromBytes(Buffer.from(newKey, 'base64')).id()}.`)).toBe(true);
    expect(chunks.map((c) => Buffer.from(c.bytes).toString('base64'))).toEqual(chunksBefore);
    const { db, keys } = await openDataStore(loadConfig({ ...env, MASTER_KEY: newKey }));
    try {
      const ctx = createContext(loadConfig({ ...env, MASTER_KEY: newKey }), db, keys);
      const found = (await ctx.repos.attachments.find(caseId, signalId, id))!;
      expect(found.fileName).toBe(NAME);
      const parts: Buffer[] = [];
      for await (const part of ctx.repos.attachments.content(found)) parts.push(part);
      expect(Buffer.concat(parts).equals(png)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('leaves nothing of the attachments behind when the case is destroyed', async () => {
    await upload(teacher, signalId, samplePng(300 * 1024));
    await t.ctx.db.kysely.transaction().execute((tx) => t.ctx.repos.caseDestruction.destroy(caseId, tx));
    expect(await stored()).toEqual({ attachments: [], chunks: [] });
    const remaining = await sql<{ n: number | string }>`select count(*) as n from case_attachment_chunks`.execute(t.ctx.db.kysely);
    expect(Number(remaining.rows[0]!.n)).toBe(0);
  });
});
