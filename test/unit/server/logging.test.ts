import { describe, expect, it } from 'vitest';
import { loggedErrorMessage, loggedPath } from '../../../src/server/logging.js';

describe('what a log line keeps of a request', () => {
  it("keeps Meldpad's own paths, ids and built assets", () => {
    expect(loggedPath('/api/cases/3f2a9c1e-0b7d-4c55-9e2a-1f0c2d3e4b5a/entries')).toBe('/api/cases/3f2a9c1e-0b7d-4c55-9e2a-1f0c2d3e4b5a/entries');
    expect(loggedPath('/assets/index-DxK3_9aB.js')).toBe('/assets/index-DxK3_9aB.js');
    expect(loggedPath('/')).toBe('/');
  });

  it('drops the query and fragment, and masks a segment someone typed', () => {
    expect(loggedPath('/api/pupils?zoek=Fatima%20Kowalski#x')).toBe('/api/pupils');
    expect(loggedPath('/leerlingen/Fatima%20Kowalski/dossier')).toBe('/leerlingen/…/dossier');
    expect(loggedPath('/api/cases/Fatima Kowalski')).toBe('/api/cases/…');
  });

  it('masks quoted input in an error message, not the names of tables and columns', () => {
    expect(loggedErrorMessage('invalid input syntax for type uuid: "Fatima Kowalski"')).toBe('invalid input syntax for type uuid: "…"');
    expect(loggedErrorMessage('relation "case_entries" does not exist')).toBe('relation "case_entries" does not exist');
    expect(loggedErrorMessage(`Unexpected token 'F', "Fatima Kow"... is not valid JSON`)).toBe('Unexpected token "…", "…"... is not valid JSON');
  });
});
