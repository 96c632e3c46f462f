import { z } from 'zod';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als jjjj-mm-dd').refine((v) => !Number.isNaN(Date.parse(v)), 'geen bestaande datum');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/**
 * Search terms are pupils' names: they travel in the body, never in a URL. Pupils who have left are
 * found only when asked for (includeLeft), to return one marked as left by mistake.
 */
export const pupilSearchRequest = z.object({ query: z.string().trim().min(1).max(100), includeLeft: z.boolean().default(false) });
export const pupilSearchResponse = z.object({
  pupils: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      groupName: z.string().nullable(),
      pupilNumber: z.string(),
      /** The leaving date of a pupil who has left; null for a current pupil (also one who leaves later). */
      leftOn: z.string().nullable(),
    }),
  ),
});
export type PupilSearchResponse = z.infer<typeof pupilSearchResponse>;

export const pupilParams = z.object({ pupilId: id });

export const pupilFields = z.object({
  pupilNumber: z.string().trim().min(1).max(20),
  givenNames: z.string().trim().min(1).max(200),
  callName: z.string().trim().min(1).max(100),
  surnamePrefix: optionalText(40),
  surname: z.string().trim().min(1).max(200),
  dateOfBirth: isoDate.nullable(),
  sex: z.enum(['m', 'f', 'x']).nullable(),
  groupId: id.nullable(),
  enrolledOn: isoDate.nullable(),
});
export type PupilFields = z.input<typeof pupilFields>;

export const leaveRequest = z.object({ leftOn: isoDate.nullable() });

/** A guardian as the school keeps them. */
export const guardianDetails = z.object({ id: z.string(), householdId: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), hasAuthority: z.boolean() });
const sibling = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same-school'), pupilId: z.string(), displayName: z.string(), groupName: z.string().nullable() }),
  z.object({ kind: z.literal('other-school'), schoolName: z.string() }),
]);
const talk = z.object({ heldOn: z.string(), staffName: z.string(), guardianIds: z.array(z.string()), notes: z.string().nullable() });
const contact = z.object({ id: z.string(), contactedOn: z.string(), kind: z.enum(['conversation', 'phone', 'message', 'other']), staffName: z.string(), notes: z.string().nullable() });

/** The pupil as the pupil administration keeps them: what the correction form needs, nothing about the family. */
export const pupilDetails = z.object({
  id: z.string(),
  displayName: z.string(),
  pupilNumber: z.string(),
  givenNames: z.string(),
  callName: z.string(),
  surnamePrefix: z.string().nullable(),
  surname: z.string(),
  dateOfBirth: z.string().nullable(),
  sex: z.enum(['m', 'f', 'x']).nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  enrolledOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type PupilDetails = z.infer<typeof pupilDetails>;

/** For whoever manages pupils without reading the pupil page (the administrator): the details only. */
export const pupilRecordResponse = z.object({ pupil: pupilDetails });
export type PupilRecordResponse = z.infer<typeof pupilRecordResponse>;

export const pupilPageResponse = z.object({
  pupil: pupilDetails,
  guardians: z.array(guardianDetails),
  siblings: z.array(sibling),
  schoolYear: z.string(),
  startOfYearTalk: talk.nullable(),
  parentContacts: z.array(contact),
  abilities: z.object({ 'pupils.manage': z.boolean(), 'preventive.record': z.boolean(), 'case.start': z.boolean(), 'pupil.access-request.list': z.boolean() }),
});
export type PupilPageResponse = z.infer<typeof pupilPageResponse>;

export const startOfYearTalkRequest = z.object({
  heldOn: isoDate,
  guardianIds: z.array(id).max(6),
  notes: optionalText(2000),
});

export const parentContactRequest = z.object({
  contactedOn: isoDate,
  kind: z.enum(['conversation', 'phone', 'message', 'other']),
  notes: optionalText(2000),
});

export const preventiveOverviewResponse = z.object({
  schoolYear: z.string(),
  groups: z.array(
    z.object({
      groupId: z.string().nullable(),
      groupName: z.string().nullable(),
      done: z.number().int(),
      toDo: z.number().int(),
      pupils: z.array(z.object({ id: z.string(), displayName: z.string(), heldOn: z.string().nullable() })),
    }),
  ),
});
export type PreventiveOverviewResponse = z.infer<typeof preventiveOverviewResponse>;
