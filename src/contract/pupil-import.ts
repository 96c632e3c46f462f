import { z } from 'zod';
import { IMPORT_FIELDS, PUPIL_FIELDS } from '../domain/pupils/import/fields.js';

/** Base64 of at most 10 MB of file, with room for its padding. */
export const MAX_IMPORT_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4 + 4;

export const importField = z.enum(IMPORT_FIELDS);
export const columnMapping = z.partialRecord(importField, z.number().int().min(0).max(1000).nullable());

/** A file to import, sent as base64 inside JSON (the API takes JSON only). */
export const importFileRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(MAX_IMPORT_BASE64),
  /** For CSV: which column holds which field; without it, the recognised headers decide. */
  mapping: columnMapping.optional(),
});
export type ImportFileRequest = z.infer<typeof importFileRequest>;

export const importRequest = importFileRequest.extend({
  /** The person has seen that more than 5 % of the pupils would be marked as left, and confirms. */
  confirmLeaving: z.boolean().optional(),
});
export type ImportRequest = z.infer<typeof importRequest>;

export const importProblem = z.object({
  row: z.number().int(),
  field: importField,
  code: z.string(),
  /** The problem in the reader's language, row and field named. */
  message: z.string(),
});
export type ImportProblemView = z.infer<typeof importProblem>;

export const importFormat = z.enum(['csv', 'edex']);

export const analyseResponse = z.object({
  format: importFormat,
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  separator: z.enum(['semicolon', 'comma', 'tab']).nullable(),
  headers: z.array(z.string()),
  /** The mapping recognised from the headers (CSV) or the one sent. */
  mapping: columnMapping,
  rowCount: z.number().int(),
  /** The first 20 rows, as Meldpad reads them. */
  preview: z.array(z.object({ row: z.number().int(), values: z.partialRecord(importField, z.string().nullable()) })),
  problems: z.array(importProblem),
  edex: z.object({ groups: z.number().int(), teachers: z.number().int() }).nullable(),
});
export type AnalyseResponse = z.infer<typeof analyseResponse>;

const pupilLine = z.object({ pupilNumber: z.string(), name: z.string() });
const changeLine = pupilLine.extend({ fields: z.array(z.enum(PUPIL_FIELDS)) });

/** What an import does (dry run) or did: counts, and the pupils by name (lists up to 1,000 each). */
export const importReport = z.object({
  applied: z.boolean(),
  format: importFormat,
  rowCount: z.number().int(),
  counts: z.object({ added: z.number().int(), changed: z.number().int(), returned: z.number().int(), markedAsLeft: z.number().int(), unchanged: z.number().int() }),
  added: z.array(pupilLine),
  changed: z.array(changeLine),
  returned: z.array(changeLine),
  markedAsLeft: z.array(pupilLine),
  /** Pupils at the school who had not left before this import. */
  activeCount: z.number().int(),
  needsConfirmation: z.boolean(),
  groupsCreated: z.array(z.string()),
  teachers: z.object({ linked: z.number().int(), unmatched: z.array(z.string()) }),
  guardians: z.object({ added: z.number().int(), changed: z.number().int() }),
  householdsAdded: z.number().int(),
  problems: z.array(importProblem),
});
export type ImportReport = z.infer<typeof importReport>;

/** 409: more than 5 % would be marked as left; send again with confirmLeaving. */
export const confirmLeavingBody = z.object({
  error: z.object({ code: z.literal('confirm-leaving'), message: z.string() }),
  leaving: z.object({ markedAsLeft: z.number().int(), activeCount: z.number().int(), percentage: z.number() }),
});

/** 400: rows with problems; nothing was imported. */
export const importProblemsBody = z.object({
  error: z.object({ code: z.literal('import-has-problems'), message: z.string(), hints: z.array(z.string()) }),
  problems: z.array(importProblem),
});
