import { z } from 'zod';
import { ENTRY_KINDS } from '../domain/cases/case-entry.js';
import { REQUESTER_CAPACITIES } from '../domain/access-requests/requester.js';
import { WITHHOLDING_GROUNDS } from '../domain/access-requests/withholding-grounds.js';
import { guardianDetails, pupilDetails } from './pupils.js';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als jjjj-mm-dd').refine((v) => !Number.isNaN(Date.parse(v)), 'geen bestaande datum');
const person = z.object({ userId: z.string(), name: z.string() });

export const accessRequestParams = z.object({ requestId: id });

/** Registering a request: who asked, in what capacity, and when the school received it. */
export const registerAccessRequest = z.object({
  capacity: z.enum(REQUESTER_CAPACITIES),
  /** One of the pupil's guardians as stored (a parent or guardian who asked). */
  guardianId: id.nullable(),
  /** Who asked, when not a stored guardian or the pupil (e.g. "mr. A. Jansen, advocaat"). */
  requesterName: z
    .string()
    .trim()
    .max(200)
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  receivedOn: isoDate,
});
export type RegisterAccessRequest = z.infer<typeof registerAccessRequest>;

export const withholding = z.object({ caseId: id, entryId: id.nullable(), ground: z.enum(WITHHOLDING_GROUNDS) });
export const withholdingsRequest = z.object({ withholdings: z.array(withholding).max(2000) });
export type WithholdingInput = z.infer<typeof withholding>;

export const accessRequestSummary = z.object({
  id: z.string(),
  pupilId: z.string(),
  capacity: z.enum(REQUESTER_CAPACITIES),
  /** The guardian's name as stored, or the name the requester gave; null when the pupil asked. */
  requesterName: z.string().nullable(),
  receivedOn: z.string(),
  registeredBy: person,
  registeredAt: z.string(),
  exportedBy: person.nullable(),
  exportedAt: z.string().nullable(),
  withholdings: z.array(withholding.extend({ recordedAt: z.string() })),
});
export type AccessRequestSummary = z.infer<typeof accessRequestSummary>;

export const accessRequestListResponse = z.object({
  pupil: z.object({ id: z.string(), displayName: z.string() }),
  guardians: z.array(z.object({ id: z.string(), name: z.string() })),
  requests: z.array(accessRequestSummary),
  abilities: z.object({ 'pupil.access-request.register': z.boolean(), 'pupil.access-request.export': z.boolean() }),
});
export type AccessRequestListResponse = z.infer<typeof accessRequestListResponse>;

export const accessRequestResponse = z.object({
  pupil: z.object({ id: z.string(), displayName: z.string() }),
  request: accessRequestSummary,
  abilities: z.object({ 'pupil.access-request.withhold': z.boolean(), 'pupil.access-request.export': z.boolean() }),
});
export type AccessRequestResponse = z.infer<typeof accessRequestResponse>;

export const registeredResponse = z.object({ id: z.string() });

/* ---------- What the school holds: the file, and the export made from it ---------- */

const entryVersion = z.object({
  version: z.number(),
  /** The kind's own record, as stored (read by the web app's entry view). */
  body: z.unknown(),
  recordedBy: person,
  recordedAt: z.string(),
  correctionReason: z.string().nullable(),
});

export const fileEntry = z.object({
  entryId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  firstRecordedAt: z.string(),
  firstRecordedBy: person,
  current: entryVersion,
  /** Earlier versions, oldest first: a correction does not erase what was recorded before. */
  history: z.array(entryVersion),
});
export type FileEntry = z.infer<typeof fileEntry>;

export const fileCase = z.object({
  id: z.string(),
  startedAt: z.string(),
  startedBy: person,
  step: z.number(),
  phase: z.string(),
  casushouder: person.nullable(),
  team: z.array(person.extend({ teamRole: z.string() })),
  /** The text of the route's tasks, for task entries (by task id). */
  taskTexts: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type FileCase = z.infer<typeof fileCase>;

// The pupil and guardians as the pupil administration keeps them (the group's id is internal).
const pupilRecord = pupilDetails.omit({ groupId: true });


const talkRecord = z.object({ id: z.string(), schoolYear: z.string(), heldOn: z.string(), staff: person, guardianIds: z.array(z.string()), notes: z.string().nullable(), recordedAt: z.string() });
const contactRecord = z.object({ id: z.string(), schoolYear: z.string(), contactedOn: z.string(), kind: z.string(), staff: person, notes: z.string().nullable() });

/** The pupil's record as the school keeps it, outside the cases. */
const administrative = z.object({
  schoolName: z.string(),
  pupil: pupilRecord,
  guardians: z.array(guardianDetails),
  startOfYearTalks: z.array(talkRecord),
  parentContacts: z.array(contactRecord),
});

/** Everything the school holds about the pupil, unredacted: what the handler chooses from. */
export const accessRequestFileResponse = administrative.extend({
  request: accessRequestSummary,
  cases: z.array(fileCase.extend({ entries: z.array(fileEntry) })),
});
export type AccessRequestFileResponse = z.infer<typeof accessRequestFileResponse>;

const withheldPart = z.object({ kind: z.literal('withheld'), ground: z.enum(WITHHOLDING_GROUNDS), basis: z.string() });

/** The export handed over: each withheld case or entry, where it stood, only as "withheld, on this ground". */
export const accessRequestExportResponse = administrative.extend({
  /** The request as handed over: without the list of withheld ids (each withheld part shows in its place). */
  request: accessRequestSummary.omit({ withholdings: true }),
  exportedAt: z.string(),
  exportedBy: person,
  cases: z.array(
    z.discriminatedUnion('kind', [
      withheldPart,
      z.object({
        kind: z.literal('included'),
        case: fileCase,
        entries: z.array(z.discriminatedUnion('kind', [withheldPart, z.object({ kind: z.literal('included'), entry: fileEntry })])),
      }),
    ]),
  ),
});
export type AccessRequestExportResponse = z.infer<typeof accessRequestExportResponse>;
