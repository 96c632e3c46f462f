import { z } from 'zod';
import { BODY_MAP_LIMITS, BODY_MARK_TYPES, BODY_SIDES } from '../domain/cases/signals/body-map.js';

// The domain stays free of zod; these schemas check the same limits at the API boundary, built
// from the domain's own numbers so the two cannot drift apart.

const fraction = z.number().min(0).max(1);

/** One mark on the lichaamskaart as it travels over the API. */
export const bodyMapMarkSchema = z.object({
  side: z.enum(BODY_SIDES),
  x: fraction,
  y: fraction,
  type: z.enum(BODY_MARK_TYPES),
  // An empty colour means none was noted; it is stored as null, never as "".
  colour: z
    .string()
    .trim()
    .max(BODY_MAP_LIMITS.maxColourLength)
    .transform((value) => (value === '' ? null : value))
    .nullable(),
  sizeCm: z.number().positive().max(BODY_MAP_LIMITS.maxSizeCm).nullable(),
  description: z.string().trim().max(BODY_MAP_LIMITS.maxDescriptionLength),
});

/** A whole body map: its marks in the order they were placed. */
export const bodyMapSchema = z.array(bodyMapMarkSchema).max(BODY_MAP_LIMITS.maxMarks);

export type BodyMapMarkInput = z.input<typeof bodyMapMarkSchema>;
