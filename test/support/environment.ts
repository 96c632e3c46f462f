/**
 * What the test machine offers. On CI (CI=true) a missing browser or database is a failure,
 * never a skip; elsewhere the suites that need them say why they skip.
 */
import { existsSync } from 'node:fs';

export const IN_CI = process.env['CI'] === 'true';
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL']?.trim() || null;

export function chromiumAvailable(): boolean {
  const present = existsSync(CHROMIUM_PATH);
  if (!present && IN_CI) throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: browser tests cannot run`);
  return present;
}

export function postgresAvailable(): boolean {
  if (!TEST_DATABASE_URL && IN_CI) throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot run');
  return TEST_DATABASE_URL !== null;
}
