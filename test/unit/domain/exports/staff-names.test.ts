import { describe, expect, it } from 'vitest';
import { namedStaff, roleLabel, staffByRole, type StaffMember } from '../../../../src/domain/exports/staff-names.js';

const STAFF: StaffMember[] = [
  { userId: 'u-sanne', name: 'Sanne de Wit', role: 'teacher' },
  { userId: 'u-yasmina', name: 'Yasmina El Amrani', role: 'ib' },
  { userId: 'u-marieke', name: 'Marieke Jansen', role: 'director' },
  { userId: 'u-bilal', name: 'Bilal Öztürk', role: 'smw' },
  { userId: 'u-sanne-de', name: 'Sanne de', role: 'board' },
  { userId: 'u-gone', name: 'Piet Vertrokken', role: null },
];

describe('the dossier without staff names: each member of staff by role', () => {
  const byRole = staffByRole(STAFF);

  it('names a person by id by their role ("leerkracht", "IB\'er", …), and an unknown id as "medewerker"', () => {
    expect(byRole.person('u-sanne')).toBe('leerkracht');
    expect(byRole.person('u-yasmina')).toBe("IB'er");
    expect(byRole.person('u-marieke')).toBe('directie');
    expect(byRole.person('u-bilal')).toBe('schoolmaatschappelijk werker');
    expect(byRole.person('u-gone')).toBe('medewerker');
    expect(byRole.person('someone-else', 'Fallback Naam')).toBe('medewerker');
  });

  it('replaces every full staff name in free text, whatever the case or spacing, and leaves other words alone', () => {
    expect(byRole.text('Sanne de Wit zag het; daarna sprak Yasmina El Amrani met de moeder.')).toBe("leerkracht zag het; daarna sprak IB'er met de moeder.");
    expect(byRole.text('gezien door SANNE  DE   WIT')).toBe('gezien door leerkracht');
    expect(byRole.text('Overleg met Bilal Öztürk.')).toBe('Overleg met schoolmaatschappelijk werker.');
    // The longer name wins over a colleague whose name is its beginning.
    expect(byRole.text('Sanne de Wit en Sanne de')).toBe('leerkracht en bestuur');
    // Only whole words: a name inside another word is not a name.
    expect(byRole.text('Marieke Jansenweg 4')).toBe('Marieke Jansenweg 4');
    expect(byRole.text('De moeder Łukasz Wójcik belde.')).toBe('De moeder Łukasz Wójcik belde.');
  });

  it('keeps names with characters that mean something in a pattern harmless', () => {
    const odd = staffByRole([{ userId: 'x', name: 'Jan (J.) de Boer+', role: 'teacher' }]);
    expect(odd.text('Jan (J.) de Boer+ zag het')).toBe('leerkracht zag het');
    expect(odd.text('Jan XJ.) de Boer zag het')).toBe('Jan XJ.) de Boer zag het');
  });

  it('names everyone as recorded in the full dossier', () => {
    const named = namedStaff(STAFF);
    expect(named.person('u-sanne')).toBe('Sanne de Wit');
    expect(named.person('unknown', 'Oud Collega')).toBe('Oud Collega');
    expect(named.text('Sanne de Wit zag het')).toBe('Sanne de Wit zag het');
  });

  it('has a label for every role', () => {
    expect(roleLabel('aandachtsfunctionaris')).toBe('aandachtsfunctionaris');
    expect(roleLabel('board')).toBe('bestuur');
    expect(roleLabel(null)).toBe('medewerker');
  });
});
