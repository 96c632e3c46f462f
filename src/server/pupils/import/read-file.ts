import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EdexDocument } from '../../../domain/pupils/import/edex.js';
import type { ColumnMapping } from '../../../domain/pupils/import/fields.js';
import { recogniseHeaders } from '../../../domain/pupils/import/headers.js';
import type { RawRow } from '../../../domain/pupils/import/incoming.js';
import { HttpError } from '../../http/http-error.js';

/** The largest file an import accepts (a school of 2,000 pupils with guardians is well under 1 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Separator = ';' | ',' | '\t';

export type ParsedFile =
  | { format: 'csv'; encoding: Encoding; separator: Separator; headers: string[]; rows: RawRow[]; recognised: ColumnMapping }
  | { format: 'edex'; encoding: Encoding; document: EdexDocument };

/** Text from bytes: UTF-8 with or without BOM; Windows-1252 (older exports) when the bytes are not valid UTF-8. */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes (; when tied, as Dutch Excel writes). */
export function detectSeparator(text: string): Separator {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  const best = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > counts[';'] ? best[0] : ';';
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return true; // zip: .xlsx, .docx
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true; // old .xls
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true; // %PDF
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) control += 1;
  return control > 0 && control >= sample.length / 200;
}

/**
 * Reads an import file: an EDEX(ML) export or a CSV spreadsheet. Whatever cannot be read at all
 * (an Excel workbook, a PDF, XML that is not EDEX, a broken quote) is a 400 with a message a person
 * can act on; problems in single rows are for the domain to name.
 */
export function readImportFile(bytes: Uint8Array): ParsedFile {
  if (bytes.length === 0) throw new HttpError(400, 'import-empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new HttpError(413, 'import-too-large', { max: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (looksBinary(bytes)) throw new HttpError(400, 'import-not-recognised');
  const { text, encoding } = decode(bytes);
  if (text.trim() === '') throw new HttpError(400, 'import-empty');
  if (text.trimStart().startsWith('<')) return { format: 'edex', encoding, document: readEdexXml(text) };
  return readCsv(text, encoding);
}

function readCsv(text: string, encoding: Encoding): ParsedFile {
  const separator = detectSeparator(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    throw new HttpError(400, 'import-csv-broken', { line });
  }
  const [header, ...data] = records;
  if (!header) throw new HttpError(400, 'import-empty');
  const headers = header.record.map((h) => h.trim());
  const recognised = recogniseHeaders(headers);
  const known = Object.values(recognised).filter((v) => v !== null).length;
  // Fewer columns than a pupil needs (number, name, surname) and none we know: a letter, not a table of pupils.
  if (known === 0 && headers.length < 3) throw new HttpError(400, 'import-not-recognised');
  return { format: 'csv', encoding, separator, headers, rows: data.map((r) => ({ row: r.info.lines, cells: r.record })), recognised };
}

type Node = Record<string, unknown>;

/** The element's text, whether the parser gave a string, a number or an object with attributes. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && '#text' in value) return textOf((value as Node)['#text']);
  return undefined;
}

function list(value: unknown): Node[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is Node => typeof v === 'object' && v !== null);
}

/** Element and attribute names lowercased, so <Leerling Key="…"> reads like <leerling key="…">. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Node = {};
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const merged = lowerKeys(inner);
    if (lower in out) out[lower] = [...[out[lower]].flat(), ...[merged].flat()];
    else out[lower] = merged;
  }
  return out;
}

/** A group reference: <groep key="…"/> or <groep>key</groep>. */
function keyOf(node: unknown): string | null {
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim() || null;
  if (typeof node === 'object' && node !== null) {
    const n = node as Node;
    return textOf(n['@_key']) ?? textOf(n['key']) ?? textOf(n['#text']) ?? null;
  }
  return null;
}

function readEdexXml(text: string): EdexDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new HttpError(400, 'import-xml-broken', { line: valid.err.line });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
  });
  const parsed = lowerKeys(parser.parse(text)) as Node;
  const rootName = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? list(parsed[rootName])[0] : undefined;
  if (!root || !('leerlingen' in root)) throw new HttpError(400, 'import-not-edex');

  const groups = list(root['groepen']).flatMap((g) => list(g['groep'])).map((g) => ({
    key: keyOf(g) ?? '',
    name: textOf(g['naam']) ?? textOf(g['omschrijving']) ?? null,
    yearGroup: textOf(g['jaargroep']) ?? null,
  }));
  const pupils = list(root['leerlingen'])
    .flatMap((l) => list(l['leerling']))
    .map((p) => {
      const fields: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(p)) if (!key.startsWith('@_') && key !== 'groep') fields[key] = textOf(value);
      const groupNode = Array.isArray(p['groep']) ? p['groep'][0] : p['groep'];
      return { key: textOf(p['@_key']) ?? null, fields, groupKey: groupNode === undefined ? null : keyOf(groupNode) };
    });
  const teachers = list(root['leerkrachten'])
    .flatMap((l) => list(l['leerkracht']))
    .map((teacher) => ({
      key: textOf(teacher['@_key']) ?? null,
      email: textOf(teacher['emailadres']) ?? textOf(teacher['email']) ?? null,
      name: [textOf(teacher['roepnaam']), textOf(teacher['voorvoegsel']), textOf(teacher['achternaam'])].filter(Boolean).join(' '),
      groupKeys: list(teacher['groepen'])
        .flatMap((g) => [g['groep']].flat())
        .map(keyOf)
        .filter((k): k is string => k !== null),
    }));
  return { groups, pupils, teachers };
}
