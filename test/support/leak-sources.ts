import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { BrowserTraffic } from './browser.js';
import { logLineHaystacks, urlHaystack, urlPlace, type Haystack, type PupilName } from './leak-scan.js';
import type { ReceivedMail } from './mail-server.js';

/** What the database says to look for, and its rows that must not hold it. */
export interface DatabaseLeakSources {
  pupils: PupilName[];
  /** Staff, school, board and group names: these may appear. */
  allowed: string[];
  /** Notification, job and audit rows, each as one haystack. */
  rows: Haystack[];
}

/** Reads them while the database is still open (before the server stops). */
export async function readDatabaseLeakSources(db: Kysely<Database>): Promise<DatabaseLeakSources> {
  const pupils = await db.selectFrom('pupils').select(['given_names', 'call_name', 'surname_prefix', 'surname']).execute();
  const names = await Promise.all([
    db.selectFrom('users').select('name').execute(),
    db.selectFrom('schools').select('name').execute(),
    db.selectFrom('boards').select('name').execute(),
    db.selectFrom('groups').select('name').execute(),
    db.selectFrom('account_links').select('name').execute(),
  ]);
  const rows: Haystack[] = [];
  // Whole rows, whatever their columns: a column added later is scanned too.
  for (const table of ['notifications', 'jobs', 'audit_events'] as const) {
    const found = await db.selectFrom(table).selectAll().execute();
    found.forEach((row, i) => rows.push({ where: `${table} row ${i + 1}`, text: JSON.stringify(row) }));
  }
  return {
    pupils: pupils.map((p) => ({ givenNames: p.given_names, callName: p.call_name, surnamePrefix: p.surname_prefix, surname: p.surname })),
    allowed: names.flat().map((n) => n.name),
    rows,
  };
}

/** Every server log line, split into its strings. */
export function logHaystacks(logs: readonly string[]): Haystack[] {
  const lines = logs.join('').split('\n').filter(Boolean);
  return lines.flatMap((line, i) => logLineHaystacks(line, `server log line ${i + 1}`));
}

/** Every mail: its headers, subject, text and HTML. */
export function mailHaystacks(mails: readonly ReceivedMail[]): Haystack[] {
  return mails.flatMap((mail, i) => {
    const where = `mail ${i + 1} (to ${mail.to.join(', ')})`;
    return [
      { where: `${where}, headers`, text: mail.headers.join('\n') },
      { where: `${where}, subject`, text: mail.subject },
      { where: `${where}, body`, text: `${mail.text}\n${mail.html}` },
    ];
  });
}

/** Every URL the browser requested or showed, and every API error body. */
export function trafficHaystacks(traffic: BrowserTraffic): Haystack[] {
  return [
    ...traffic.urls.map(({ method, url }) => urlHaystack(url, `URL (${method} ${urlPlace(url)})`)),
    ...traffic.errorBodies.map(({ method, url, status, body }) => ({ where: `error body (${status} to ${method} ${urlPlace(url)})`, text: body })),
  ];
}
