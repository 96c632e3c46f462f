import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runMeldpad } from '../support/cli.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.js';

const CSV_SAMPLE = path.resolve(ROOT, '..', 'shared', 'data', 'pupils-sample.csv');
const EDEX_SAMPLE = path.resolve(ROOT, '..', 'shared', 'data', 'edex-sample.xml');

describe.each(ENGINES)('meldpad import-pupils (%s)', (engine) => {
  let db: TestDatabase;
  afterEach(async () => db.drop());

  it('tries, imports and re-imports a file into a school; names the problems of a bad file and exits 1', async () => {
    db = await createTestDatabase(engine);
    const env: Record<string, string> = db.target.kind === 'sqlite' ? { DATA_DIR: db.dataDir } : { DATA_DIR: db.dataDir, DATABASE_URL: db.target.url, MASTER_KEY: randomBytes(32).toString('base64') };
    const admin = runMeldpad(['create-admin', '--email', 'beheer@regenboog.example', '--name', 'Fenna Beheer', '--board-name', 'Stichting Proef', '--school-name', 'OBS De Regenboog'], env);
    expect(admin.status, admin.stderr).toBe(0);

    const dry = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', '--dry-run', EDEX_SAMPLE], env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Proefimport (er is niets opgeslagen): EDEX, 28 leerlingen');
    expect(dry.stdout).toMatch(/toegevoegd:\s+28/);

    const real = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', EDEX_SAMPLE], env);
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/toegevoegd:\s+28/);
    const again = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', CSV_SAMPLE], env);
    expect(again.stdout).toMatch(/ongewijzigd:\s+28/);
    expect(again.stdout).toMatch(/ouders\/verzorgers:\s+49 nieuw/);

    const bad = path.join(db.dataDir, 'fout.csv');
    writeFileSync(bad, 'Leerlingnummer;Roepnaam;Achternaam;Geboortedatum\n4101;Mo;Smit;31-02-2019\n');
    const refused = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', bad], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Rij 2, veld Geboortedatum: '31-02-2019' is geen geldige datum (gebruik dd-mm-jjjj).");

    const partial = path.join(db.dataDir, 'deel.csv');
    writeFileSync(partial, 'Leerlingnummer;Roepnaam;Achternaam\n4101;Mohammed;Smit\n');
    const confirm = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', partial], env);
    expect(confirm.status).toBe(1);
    expect(confirm.stderr).toContain('27 van de 28 leerlingen');
    const confirmed = runMeldpad(['import-pupils', '--school', 'OBS De Regenboog', '--confirm-leaving', partial], env);
    expect(confirmed.status, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/als vertrokken gemarkeerd: 27/);

    expect(runMeldpad(['import-pupils', EDEX_SAMPLE], env).status).toBe(2);
  });
});
