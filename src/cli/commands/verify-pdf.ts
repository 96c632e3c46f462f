import { readFile } from 'node:fs/promises';
import { roleLabel, type StaffMember } from '../../domain/exports/staff-names.js';
import { checkDossierPdf } from '../../server/exports/verify-dossier.js';
import { loadConfig } from '../../server/config/config.js';
import { createContext, openDataStore } from '../../server/start.js';
import { UsageError } from '../usage-error.js';

/**
 * `meldpad verify-pdf FILE`: whether a dossier PDF is exactly what Meldpad exported, as recorded in
 * the audit chain. Exit 0 when it matches, 1 when it does not (or the chain does not verify).
 */
export async function verifyPdfCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('use "meldpad verify-pdf FILE"');
  const file = args[0]!;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const ctx = createContext(config, db, keys);
    const check = await checkDossierPdf(ctx.repos, bytes);
    const about = check.export ? `export ${check.code} of case ${check.export.caseId}, exported ${check.export.exportedAt}${check.export.exportedByRole ? ` by the ${roleLabel(check.export.exportedByRole as StaffMember['role'])}` : ''} (${check.export.variant})` : '';
    switch (check.result) {
      case 'match':
        console.log(`MATCHES / KOMT OVEREEN: ${file} is exactly ${about}; the audit chain is intact and records it (SHA-256 ${check.sha256}).`);
        return 0;
      case 'altered':
        console.error(`DOES NOT MATCH / KOMT NIET OVEREEN: ${file} names ${about}, but its content differs from what was exported (SHA-256 ${check.sha256}).`);
        return 1;
      case 'chain-broken':
        console.error(`NOT VERIFIED / NIET TE CONTROLEREN: ${file} has the bytes of ${about}, but the audit chain does not verify; run "meldpad audit verify".`);
        return 1;
      case 'unknown':
        console.error(`DOES NOT MATCH / KOMT NIET OVEREEN: no export of Meldpad has exactly these bytes (SHA-256 ${check.sha256}).`);
        return 1;
    }
  } finally {
    await db.close();
  }
}
