import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportProblemView, ImportReport } from '../../../contract/pupil-import.js';
import type { NewPupilRow, PupilUpdate } from '../../../db/repositories/pupil-import-repository.js';
import type { Database } from '../../../db/schema.js';
import type { Scope } from '../../../db/scope.js';
import { readEdex, type EdexGroup } from '../../../domain/pupils/import/edex.js';
import { IMPORT_FIELDS, type ColumnMapping } from '../../../domain/pupils/import/fields.js';
import { readCsvRows, type IncomingPupil } from '../../../domain/pupils/import/incoming.js';
import { planImport, type CurrentPupil, type ImportPlan } from '../../../domain/pupils/import/plan.js';
import type { ImportProblem } from '../../../domain/pupils/import/problems.js';
import { fold } from '../../../domain/pupils/import/text.js';
import { yearGroupsFromName } from '../../../domain/pupils/import/values.js';
import { displayName, searchText } from '../../../domain/pupils/pupil-name.js';
import type { AppContext } from '../../app-context.js';
import { HttpError } from '../../http/http-error.js';
import { translate, type Language } from '../../i18n/translate.js';
import { schoolDate } from '../school-date.js';
import { readImportFile, type ParsedFile } from './read-file.js';

/** A file read and checked, not yet compared with the school. */
export interface ReadImport {
  parsed: ParsedFile;
  mapping: ColumnMapping;
  pupils: IncomingPupil[];
  problems: ImportProblem[];
  groups: EdexGroup[];
  teachers: { email: string; groupNames: string[] }[];
  rowCount: number;
}

export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new HttpError(400, 'import-bad-base64');
  return Buffer.from(clean, 'base64');
}

/** Reads the file and checks every row; `mapping` (CSV) overrides the recognised headers. */
export function readImport(bytes: Uint8Array, mapping?: ColumnMapping): ReadImport {
  const parsed = readImportFile(bytes);
  if (parsed.format === 'edex') {
    const read = readEdex(parsed.document);
    return { parsed, mapping: {}, ...read, rowCount: parsed.document.pupils.length };
  }
  const effective: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping ? (mapping[field] ?? null) : (parsed.recognised[field] ?? null);
    effective[field] = column !== null && column < parsed.headers.length ? column : null;
  }
  const read = readCsvRows(parsed.rows, effective);
  const rowCount = parsed.rows.filter((r) => r.cells.some((c) => c.trim() !== '')).length;
  return { parsed, mapping: effective, ...read, groups: [], teachers: [], rowCount };
}

/** A problem in the reader's language, with its row and field named. */
export function describeProblem(language: Language, problem: ImportProblem, format: 'csv' | 'edex'): ImportProblemView {
  const field = translate(language, `import-field-${problem.field}`);
  const detail = translate(language, `import-problem-${problem.code}`, problem.params);
  const message =
    format === 'edex' && problem.code !== 'missing-column'
      ? translate(language, 'import-at-pupil', { row: problem.row, number: String(problem.params['number'] ?? '') || '–', field, detail })
      : translate(language, 'import-at-row', { row: problem.row, field, detail });
  return { row: problem.row, field: problem.field, code: problem.code, message };
}

export type ImportOutcome = { kind: 'confirm'; plan: ImportPlan } | { kind: 'done'; report: Omit<ImportReport, 'problems' | 'format' | 'rowCount'> };

class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

const LIST_LIMIT = 1000;

const nameOf = (p: { callName: string; surnamePrefix?: string | null; surname: string }) =>
  displayName({ callName: p.callName, givenNames: '', surnamePrefix: p.surnamePrefix ?? null, surname: p.surname });

/**
 * Compares the file with the school's pupils and applies the plan in one transaction: all or
 * nothing. A dry run does exactly the same work and rolls it back, so its report is the real one.
 * When more than 5 % of the active pupils would be marked as left and nobody confirmed, nothing is
 * written and the plan comes back for confirmation.
 */
export async function applyImport(
  ctx: AppContext,
  scope: Scope,
  read: ReadImport,
  options: { dryRun: boolean; confirmLeaving: boolean; audit: (tx: Kysely<Database>) => Promise<void> },
): Promise<ImportOutcome> {
  const repo = ctx.repos.pupilImport;
  try {
    return await ctx.db.kysely.transaction().execute(async (tx) => {
      const now = ctx.now();
      const state = await repo.loadState(scope, tx);
      const today = schoolDate(now);
      const plan = planImport(state.pupils, read.pupils, today);
      if (plan.needsConfirmation && !options.confirmLeaving && !options.dryRun) return { kind: 'confirm' as const, plan };

      // Groups: those the file names that the school does not have yet are made.
      const groupIds = new Map(state.groups.map((g) => [fold(g.name), g.id]));
      const wantedGroups = new Map<string, { name: string; yearGroups: number[] }>();
      for (const g of read.groups) wantedGroups.set(fold(g.name), g);
      for (const p of read.pupils) if (p.groupName && !wantedGroups.has(fold(p.groupName))) wantedGroups.set(fold(p.groupName), { name: p.groupName, yearGroups: yearGroupsFromName(p.groupName) });
      const newGroups = [...wantedGroups.entries()].filter(([key]) => !groupIds.has(key)).map(([key, g]) => ({ key, id: randomUUID(), name: g.name, yearGroups: g.yearGroups }));
      for (const g of newGroups) groupIds.set(g.key, g.id);
      await repo.createGroups(scope, newGroups, now, tx);
      const groupIdOf = (name: string | null | undefined) => (name ? (groupIds.get(fold(name)) ?? null) : null);

      const source = read.parsed.format;
      const idByNumber = new Map(state.pupils.map((p) => [p.pupilNumber, p.id]));
      const rows: NewPupilRow[] = plan.added.map((p) => {
        const id = randomUUID();
        idByNumber.set(p.pupilNumber, id);
        const givenNames = p.givenNames ?? p.callName;
        return {
          id,
          pupil_number: p.pupilNumber,
          given_names: givenNames,
          call_name: p.callName,
          surname_prefix: p.surnamePrefix ?? null,
          surname: p.surname,
          date_of_birth: p.dateOfBirth ?? null,
          sex: p.sex ?? null,
          group_id: groupIdOf(p.groupName),
          enrolled_on: p.enrolledOn ?? null,
          left_on: null,
          search_text: searchText({ givenNames, callName: p.callName, surnamePrefix: p.surnamePrefix ?? null, surname: p.surname }),
          source,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        };
      });
      await repo.insertPupils(scope, rows, tx);

      const returned = new Set(plan.returned.map((r) => r.current.id));
      const updates: PupilUpdate[] = [...plan.changed, ...plan.returned].map(({ current, incoming, fields }) => {
        const changes: PupilUpdate['changes'] = {};
        for (const field of fields) {
          if (field === 'callName') changes.call_name = incoming.callName;
          if (field === 'givenNames') changes.given_names = incoming.givenNames!;
          if (field === 'surnamePrefix') changes.surname_prefix = incoming.surnamePrefix ?? null;
          if (field === 'surname') changes.surname = incoming.surname;
          if (field === 'dateOfBirth') changes.date_of_birth = incoming.dateOfBirth ?? null;
          if (field === 'sex') changes.sex = incoming.sex ?? null;
          if (field === 'group') changes.group_id = groupIdOf(incoming.groupName);
          if (field === 'enrolledOn') changes.enrolled_on = incoming.enrolledOn ?? null;
        }
        if (fields.some((f) => f === 'callName' || f === 'givenNames' || f === 'surnamePrefix' || f === 'surname')) {
          const merged = mergeName(current, incoming);
          changes.search_text = searchText(merged);
        }
        // Back from having left; a leaving date still to come stays.
        if (returned.has(current.id)) changes.left_on = null;
        return { id: current.id, changes };
      });
      await repo.updatePupils(scope, updates, now, tx);
      await repo.markLeft(scope, plan.markedAsLeft.map((p) => p.id), today, now, tx);

      const teachers = await repo.linkTeachers(
        scope,
        read.teachers.map((t) => ({ email: t.email, groupIds: t.groupNames.map(groupIdOf).filter((id): id is string => id !== null) })),
        now,
        tx,
      );
      const guardianRows = read.pupils.filter((p) => p.guardians !== undefined).map((p) => ({ pupilId: idByNumber.get(p.pupilNumber)!, guardians: p.guardians! }));
      const guardians = await repo.saveGuardians(scope, state.boardId, guardianRows, randomUUID, now, tx);
      await options.audit(tx);

      const line = (p: { pupilNumber: string; callName: string; surnamePrefix?: string | null; surname: string }) => ({ pupilNumber: p.pupilNumber, name: nameOf(p) });
      const outcome: ImportOutcome = {
        kind: 'done',
        report: {
          applied: !options.dryRun,
          counts: { added: plan.added.length, changed: plan.changed.length, returned: plan.returned.length, markedAsLeft: plan.markedAsLeft.length, unchanged: plan.unchanged.length },
          added: plan.added.slice(0, LIST_LIMIT).map(line),
          changed: plan.changed.slice(0, LIST_LIMIT).map((c) => ({ ...line(c.incoming), fields: c.fields })),
          returned: plan.returned.slice(0, LIST_LIMIT).map((c) => ({ ...line(c.incoming), fields: c.fields })),
          markedAsLeft: plan.markedAsLeft.slice(0, LIST_LIMIT).map(line),
          activeCount: plan.activeCount,
          needsConfirmation: plan.needsConfirmation,
          groupsCreated: newGroups.map((g) => g.name),
          teachers,
          guardians: { added: guardians.guardiansAdded, changed: guardians.guardiansChanged },
          householdsAdded: guardians.householdsAdded,
        },
      };
      if (options.dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    // Another import for this school committed the same new pupil numbers first.
    if (isUniqueViolation(error)) throw new HttpError(409, 'import-conflict');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function mergeName(current: CurrentPupil, incoming: IncomingPupil) {
  return {
    callName: incoming.callName,
    givenNames: incoming.givenNames ?? current.givenNames,
    surnamePrefix: incoming.surnamePrefix === undefined ? current.surnamePrefix : incoming.surnamePrefix,
    surname: incoming.surname,
  };
}

/** The percentage for the confirmation message, one decimal. */
export function leavingPercentage(plan: ImportPlan): number {
  return plan.activeCount === 0 ? 0 : Math.round((plan.markedAsLeft.length / plan.activeCount) * 1000) / 10;
}
