import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

/** The process environment, completed by a .env file in the current folder (the environment wins). */
export function loadEnvironment(): Record<string, string | undefined> {
  const file = path.resolve('.env');
  const fromFile = existsSync(file) ? dotenv.parse(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}
