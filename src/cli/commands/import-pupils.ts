import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config/config.js';
import { HttpError } from '../../server/http/http-error.js';
import { translate } from '../../server/i18n/translate.js';
import { applyImport, describeProblem, leavingPercentage, readImport } from '../../server/pupils/import/run-import.js';
import { createContext, openDataStore } from '../../server/start.js';
import { UsageError } from '../usage-error.js';

/**
 * Imports pupils from an EDEX or CSV file into one school, as the web page does: one transaction,
 * nothing written back to the pupil administration. Exit code 1 with the problems listed when the
 * file has problems, or when more than 5 % would be marked as left without --confirm-leaving.
 */
export async function importPupilsCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { school: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'confirm-leaving': { type: 'boolean' } },
  });
  const schoolName = values.school?.trim();
  if (!schoolName) throw new UsageError('--school is required (the name of the school)');
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE (EDEX .xml or .csv)');
  const fileName = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(fileName);
  } catch {
    throw new UsageError(`cannot read ${fileName}`);
  }

  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const ctx = createContext(config, db, keys);
    const school = await ctx.repos.boards.findSchoolByName(schoolName);
    if (!school) throw new UsageError(`no school named "${schoolName}"`);
    const scope = { schoolId: school.id, userId: '' };
    let read;
    try {
      read = readImport(bytes);
    } catch (error) {
      if (error instanceof HttpError) {
        console.error(translate('nl', error.code, error.params));
        return 1;
      }
      throw error;
    }
    if (read.problems.length > 0) {
      console.error(translate('nl', 'import-has-problems', { count: read.problems.length }));
      for (const problem of read.problems) console.error(`  ${describeProblem('nl', problem, read.parsed.format).message}`);
      return 1;
    }
    const dryRun = values['dry-run'] === true;
    const outcome = await applyImport(ctx, scope, read, {
      dryRun,
      confirmLeaving: values['confirm-leaving'] === true,
      audit: (tx) => ctx.repos.audit.append({ occurredAt: ctx.now(), action: 'cli.import-pupils', outcome: 'success', boardId: school.boardId, schoolId: school.id, subjectId: school.id }, tx),
    });
    if (outcome.kind === 'confirm') {
      console.error(
        translate('nl', 'confirm-leaving', { leaving: outcome.plan.markedAsLeft.length, active: outcome.plan.activeCount, percentage: leavingPercentage(outcome.plan).toLocaleString('nl-NL') }),
      );
      console.error('Voer de opdracht opnieuw uit met --confirm-leaving als dit klopt.');
      return 1;
    }
    const r = outcome.report;
    console.log(`${dryRun ? 'Proefimport (er is niets opgeslagen)' : 'Import voltooid'}: ${read.parsed.format.toUpperCase()}, ${read.rowCount} leerlingen in het bestand, school ${school.name}.`);
    console.log(`  toegevoegd:                ${r.counts.added}`);
    console.log(`  gewijzigd:                 ${r.counts.changed}`);
    console.log(`  teruggekeerd:              ${r.counts.returned}`);
    console.log(`  als vertrokken gemarkeerd: ${r.counts.markedAsLeft}`);
    console.log(`  ongewijzigd:               ${r.counts.unchanged}`);
    if (r.groupsCreated.length > 0) console.log(`  nieuwe groepen:            ${r.groupsCreated.join(', ')}`);
    console.log(`  ouders/verzorgers:         ${r.guardians.added} nieuw, ${r.guardians.changed} gewijzigd`);
    if (read.parsed.format === 'edex') {
      console.log(`  leerkrachten gekoppeld:    ${r.teachers.linked}`);
      if (r.teachers.unmatched.length > 0) console.log(`  geen leerkracht-account:   ${r.teachers.unmatched.join(', ')}`);
    }
    for (const pupil of r.markedAsLeft) console.log(`  vertrokken: ${pupil.pupilNumber} ${pupil.name}`);
    return 0;
  } finally {
    await db.close();
  }
}
