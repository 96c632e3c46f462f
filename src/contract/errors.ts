import { z } from 'zod';

/** Every error the API sends has this shape; `message` is for a person, in the request's language. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For a refused password: what to do about it, one line each. */
    hints: z.array(z.string()).optional(),
    /** For an input that failed validation: which field. */
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
