import { describe, expect, it } from 'vitest';
import { describeLeaks, logLineHaystacks, scanForLeaks, typedPieces, urlHaystack, urlPlace, type LeakNeedles } from '../../support/leak-scan.js';

const needles: LeakNeedles = {
  pupils: [
    { givenNames: 'Fatima Zahra', callName: 'Fatima', surnamePrefix: null, surname: 'Kowalski' },
    { givenNames: 'Sem', callName: 'Sem', surnamePrefix: 'van den', surname: 'Berg' },
    { givenNames: 'Ayoub', callName: 'Ayoub', surnamePrefix: null, surname: 'Öztürk' },
    { givenNames: 'Liam', callName: 'Liam', surnamePrefix: null, surname: 'Kok' },
  ],
  typed: ['Kwam maandag binnen met een blauwe plek op de arm.\nWilde niet zeggen hoe dat kwam.', 'ja', 'noor.visser@school.example', 'OBS De Regenboog', 'meldpad-regenboog-client', 'https://login.example/realm one'],
  allowed: ['Bilal Öztürk', 'OBS De Regenboog', 'Sanne de Wit'],
};

function whatFound(text: string): string[] {
  return scanForLeaks(needles, [{ where: 'here', text }]).map((leak) => leak.what);
}

describe('the leak scan', () => {
  it('catches a pupil name and a typed sentence in a JSON log line, and says in which field', () => {
    const line = JSON.stringify({ level: 30, msg: 'signal saved', pupil: 'Fatima Kowalski', detail: { note: 'wilde niet zeggen hoe dat kwam.' } });
    const leaks = scanForLeaks(needles, logLineHaystacks(line, 'server log line 7'));
    expect(leaks.map((l) => l.what)).toEqual(['pupil name "Fatima Kowalski"', 'typed text "Wilde niet zeggen hoe dat kwam."']);
    expect(leaks[0]!.where).toBe('server log line 7, field pupil');
    expect(leaks[1]!.where).toBe('server log line 7, field detail.note');
    expect(describeLeaks(leaks)).toContain('typed text "Wilde niet zeggen hoe dat kwam." in server log line 7, field detail.note');
  });

  it('finds full names with a prefix, any given name, any case, across spacing', () => {
    expect(whatFound('Onderwerp: SEM VAN DEN  BERG')).toContain('pupil name "Sem van den Berg"');
    expect(whatFound('Fatima Zahra Kowalski')).toContain('pupil name "Fatima Zahra Kowalski"');
    expect(whatFound('leerling Öztürk is')).toEqual(['pupil family name "Öztürk"']);
  });

  it('takes a family name as a whole, capitalised word of four letters or more, with its prefix', () => {
    expect(whatFound('kok en Kok, Kowalskis en kowalski')).toEqual([]);
    expect(whatFound('door Kowalski.')).toEqual(['pupil family name "Kowalski"']);
    // "Berg" alone is a word (and the start of a sentence); the family is "van den Berg".
    expect(whatFound('Berg op en Bergen in')).toEqual([]);
    expect(whatFound('de familie Van den Berg belde')).toEqual(['pupil family name "van den Berg"']);
    expect(whatFound('mevrouw van den  Berg')).toEqual(['pupil family name "van den Berg"']);
  });

  it('lets staff, school and typed addresses, links and single words be', () => {
    expect(whatFound('Uw collega Bilal Öztürk heeft u toegevoegd (OBS De Regenboog), mail noor.visser@school.example')).toEqual([]);
    expect(typedPieces(needles.typed, needles.allowed)).toEqual([
      'Kwam maandag binnen met een blauwe plek op de arm. Wilde niet zeggen hoe dat kwam.',
      'Kwam maandag binnen met een blauwe plek op de arm.',
      'Wilde niet zeggen hoe dat kwam.',
    ]);
  });

  it('decodes URLs, and names them by their path only', () => {
    const url = 'http://127.0.0.1:4000/api/pupils?zoek=Fatima+Kowalski';
    expect(scanForLeaks(needles, [urlHaystack(url, urlPlace(url))]).map((l) => `${l.what} @ ${l.where}`)).toContain('pupil name "Fatima Kowalski" @ /api/pupils?…');
    expect(whatFound(urlHaystack('/x?q=Wilde%20niet%20zeggen%20hoe%20dat%20kwam.', '').text)).toEqual(['typed text "Wilde niet zeggen hoe dat kwam."']);
  });

  it('reads a logged path decoded', () => {
    const line = JSON.stringify({ level: 30, msg: 'incoming request', req: { method: 'GET', path: '/api/cases/Fatima%20Kowalski' } });
    expect(scanForLeaks(needles, logLineHaystacks(line, 'log line 1')).map((l) => `${l.what} @ ${l.where}`)).toContain('pupil name "Fatima Kowalski" @ log line 1, field req.path');
  });

  it('finds nothing in clean text', () => {
    expect(whatFound(JSON.stringify({ level: 30, msg: 'request completed', req: { method: 'GET', path: '/api/cases/3f2a' } }))).toEqual([]);
  });
});
