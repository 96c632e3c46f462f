import { createHash } from 'node:crypto';
import type { VerifyPdfResponse } from '../../contract/exports.js';
import type { Repositories } from '../../db/repositories.js';
import { EXPORT_ACTION, EXPORT_DIGEST_ACTION, type DossierExport } from '../../db/repositories/dossier-exports-repository.js';
import { exportIdFromCode, findVerificationCode, verificationCode } from '../../domain/exports/verification-code.js';

export interface PdfCheck extends VerifyPdfResponse {
  /** The export found, for the caller to say more (the CLI) or less (another school's export). */
  found: DossierExport | null;
}

/**
 * Checks a PDF against what Meldpad recorded: the SHA-256 of its bytes must be an export's, that
 * export and its digest must both be audit events in the hash chain, and the chain must verify.
 * Used by `meldpad verify-pdf` and the "PDF controleren" page alike.
 */
export async function checkDossierPdf(repos: Pick<Repositories, 'dossierExports' | 'audit'>, bytes: Buffer): Promise<PdfCheck> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const exported = await repos.dossierExports.findBySha256(sha256);
  if (!exported) {
    // Not these bytes; perhaps the file still names the export it came from (its code is in the metadata and on every page).
    const named = findVerificationCode(bytes.toString('latin1'));
    const id = named ? exportIdFromCode(named) : null;
    const claimed = id ? await repos.dossierExports.find(id) : null;
    return {
      result: claimed ? 'altered' : 'unknown',
      sha256,
      code: claimed ? verificationCode(claimed.id) : null,
      export: claimed ? { exportedAt: claimed.exportedAt, exportedByRole: null, variant: claimed.variant, caseId: claimed.caseId } : null,
      found: claimed,
    };
  }
  const events = await repos.dossierExports.auditEvents(exported.id, sha256);
  const exportEvent = events.find((e) => e.action === EXPORT_ACTION && e.seq !== null && e.caseId === exported.caseId);
  const digestEvent = events.find((e) => e.action === EXPORT_DIGEST_ACTION && e.seq !== null && e.caseId === exported.caseId);
  const chain = await repos.audit.verifyChain();
  const intact = chain.problem === null && exportEvent !== undefined && digestEvent !== undefined;
  return {
    result: intact ? 'match' : 'chain-broken',
    sha256,
    code: verificationCode(exported.id),
    export: { exportedAt: exported.exportedAt, exportedByRole: exportEvent?.actorRole ?? null, variant: exported.variant, caseId: exported.caseId },
    found: exported,
  };
}
