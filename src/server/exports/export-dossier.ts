import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { EXPORT_ACTION, EXPORT_DIGEST_ACTION } from '../../db/repositories/dossier-exports-repository.js';
import type { DossierVariant } from '../../domain/exports/dossier-variant.js';
import { namedStaff, staffByRole } from '../../domain/exports/staff-names.js';
import { exportIdFromBytes, verificationCode } from '../../domain/exports/verification-code.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { presentCasePage } from '../cases/case-page-presenter.js';
import { notFound } from '../http/http-error.js';
import { buildDossier } from './dossier-content.js';
import { staffForDossier } from './staff-for-dossier.js';

export interface ExportedDossier {
  id: string;
  code: string;
  pdf: Buffer;
  sha256: string;
}

/**
 * Makes the dossier PDF and records that it left: the export (with the SHA-256 of the bytes handed
 * out) and two audit events in one transaction — the export itself (subject: its id) and its digest
 * (subject: the SHA-256), so that the hash chain covers exactly which bytes went out.
 */
export async function exportDossierPdf(ctx: AppContext, request: FastifyRequest, c: CaseWithAccess, variant: DossierVariant): Promise<ExportedDossier> {
  const actor = request.actor;
  if (actor.kind !== 'user') throw notFound();
  const [page, school] = await Promise.all([presentCasePage(ctx, request, c), ctx.repos.boards.findSchool(c.schoolId)]);
  if (!school) throw notFound();
  const members = await staffForDossier(ctx, page, c.schoolId, c.boardId, actor.userId);
  const naming = variant === 'full' ? namedStaff(members) : staffByRole(members);

  const id = exportIdFromBytes(randomBytes(12));
  const code = verificationCode(id);
  const now = ctx.now();
  const exporterName = members.find((m) => m.userId === actor.userId)?.name ?? (await ctx.repos.users.namesByIds([actor.userId])).get(actor.userId);
  const dossier = buildDossier({ page, schoolName: school.name, variant, naming, code, exportedAt: now.toISOString(), exportedBy: naming.person(actor.userId, exporterName) });
  // Loaded on the first export: pdfkit and its fonts would add about 170 ms and 25 MB to every start.
  const { renderDossierPdf } = await import('./dossier-pdf.js');
  const pdf = await renderDossierPdf(dossier, now);
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  await ctx.db.kysely.transaction().execute(async (tx) => {
    await ctx.repos.dossierExports.add({ id, caseId: c.id, schoolId: c.schoolId, variant, exportedBy: actor.userId, exportedAt: now.toISOString(), sha256 }, tx);
    // The role the exporter acts in on this case (the board has no role at a school), for the check's answer.
    const actorRole = members.find((m) => m.userId === actor.userId)?.role ?? null;
    const about = { outcome: 'success' as const, caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, boardId: c.boardId, ...(actorRole ? { actorRole } : {}) };
    await auditRequest(ctx, request, { action: EXPORT_ACTION, subjectId: id, ...about }, tx);
    // A digest is content-free: it says which bytes left, not what they say.
    await auditRequest(ctx, request, { action: EXPORT_DIGEST_ACTION, subjectId: sha256, ...about }, tx);
  });
  return { id, code, pdf, sha256 };
}
