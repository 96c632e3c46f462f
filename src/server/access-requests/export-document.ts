import type { AccessRequestExportResponse, AccessRequestSummary } from '../../contract/access-requests.js';
import { WITHHOLDING_GROUND_BASIS } from '../../domain/access-requests/withholding-grounds.js';
import { applyWithholdings, type Withholding } from '../../domain/access-requests/withholdings.js';
import type { PupilFile } from './pupil-file.js';

function requestFields({ withholdings: _withheld, ...request }: AccessRequestSummary): Omit<AccessRequestSummary, 'withholdings'> {
  return request;
}

/**
 * The document handed over: the file with every withheld case or entry replaced, where it stood,
 * by its ground and the ground's legal basis — never by anything of its content.
 */
export function exportDocument(
  file: PupilFile,
  request: AccessRequestSummary,
  withholdings: readonly Withholding[],
  exported: { at: string; by: { userId: string; name: string } },
): AccessRequestExportResponse {
  const withheld = (ground: Withholding['ground']) => ({ kind: 'withheld' as const, ground, basis: WITHHOLDING_GROUND_BASIS[ground] });
  const parts = applyWithholdings(
    file.cases.map(({ entries, ...c }) => ({ caseId: c.id, case: c, entries })),
    withholdings,
  );
  return {
    schoolName: file.schoolName,
    pupil: file.pupil,
    guardians: file.guardians,
    startOfYearTalks: file.startOfYearTalks,
    parentContacts: file.parentContacts,
    // The ids of what was withheld stay in the school's record, not in what is handed over.
    request: requestFields(request),
    exportedAt: exported.at,
    exportedBy: exported.by,
    cases: parts.map((p) =>
      p.kind === 'withheld'
        ? withheld(p.ground)
        : { kind: 'included' as const, case: p.part.case, entries: p.part.entries.map((e) => (e.kind === 'withheld' ? withheld(e.ground) : { kind: 'included' as const, entry: e.part })) },
    ),
  };
}
