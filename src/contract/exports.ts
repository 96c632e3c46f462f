import { z } from 'zod';
import { DOSSIER_VARIANTS } from '../domain/exports/dossier-variant.js';

/** Exporting the dossier as a PDF: which variant (the answer is the PDF itself). */
export const dossierExportRequest = z.object({ variant: z.enum(DOSSIER_VARIANTS) });
export type DossierExportRequest = z.infer<typeof dossierExportRequest>;

/** The response header that carries the export's verification code (also printed on every page). */
export const VERIFICATION_CODE_HEADER = 'x-meldpad-verification-code';

/** The largest PDF the check takes (a dossier of hundreds of entries stays far below it). */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Whether a PDF is exactly what Meldpad exported. `match`: its SHA-256 is the one recorded for the
 * export, both audit events are in the chain and the chain is intact. `altered`: the file names an
 * export, but its bytes differ from what was exported. `unknown`: no export has these bytes.
 * `chain-broken`: the export is recorded, but the audit chain does not verify, so the record cannot
 * be relied on.
 */
export const verifyPdfResponse = z.object({
  result: z.enum(['match', 'altered', 'unknown', 'chain-broken']),
  sha256: z.string(),
  /** The verification code of the export found (by digest), or the one the file names. */
  code: z.string().nullable(),
  export: z
    .object({
      exportedAt: z.string(),
      /** The role of whoever exported it (no name: the answer may be read by someone outside the case). */
      exportedByRole: z.string().nullable(),
      variant: z.string(),
      /** Only for an export of the school one acts for. */
      caseId: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyPdfResponse = z.infer<typeof verifyPdfResponse>;
