import { z } from 'zod';

export const setupStatusResponse = z.object({
  /** True while Meldpad has no board yet and waits for its first administrator. */
  needed: z.boolean(),
});
export type SetupStatusResponse = z.infer<typeof setupStatusResponse>;

export const setupRequest = z.object({
  /** The one-time token from the link printed at start-up. */
  token: z.string().min(1).max(200),
  boardName: z.string().trim().min(2).max(200),
  schoolName: z.string().trim().min(2).max(200),
  admin: z.object({
    name: z.string().trim().min(2).max(200),
    email: z.string().trim().toLowerCase().max(254).email(),
    password: z.string().min(1).max(1024),
  }),
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const setupResponse = z.object({ boardId: z.string(), schoolId: z.string(), userId: z.string() });
export type SetupResponse = z.infer<typeof setupResponse>;
