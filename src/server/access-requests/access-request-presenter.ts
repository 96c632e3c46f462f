import type { AccessRequestSummary } from '../../contract/access-requests.js';
import type { AccessRequestRecord } from '../../db/repositories/access-requests-repository.js';

/** A request as the pages show it: the requester named by the stored guardian's name when one asked. */
export function presentAccessRequest(record: AccessRequestRecord, guardians: readonly { id: string; name: string }[]): AccessRequestSummary {
  const guardianName = record.guardianId ? (guardians.find((g) => g.id === record.guardianId)?.name ?? null) : null;
  return {
    id: record.id,
    pupilId: record.pupilId,
    capacity: record.capacity,
    requesterName: guardianName ?? record.requesterName,
    receivedOn: record.receivedOn,
    registeredBy: record.registeredBy,
    registeredAt: record.registeredAt,
    exportedBy: record.exportedBy,
    exportedAt: record.exportedAt,
    withholdings: record.withholdings.map((w) => ({ caseId: w.caseId, entryId: w.entryId, ground: w.ground, recordedAt: w.recordedAt })),
  };
}
