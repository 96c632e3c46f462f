import { describe, expect, it } from 'vitest';
import { judgePassword, PASSWORD_MIN_LENGTH } from '../../../src/domain/auth/password-policy.js';

describe('the password policy', () => {
  it(`refuses a password shorter than ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(judgePassword('Kx9#mPq2vL7', [])).toEqual({ acceptable: false, problem: { kind: 'too-short', minLength: PASSWORD_MIN_LENGTH } });
  });

  it('refuses long but predictable passwords, Dutch ones included', () => {
    for (const password of ['wachtwoord12345', 'zomervakantie2026', 'qwertyuiop123', 'aaaaaaaaaaaaaa']) {
      const verdict = judgePassword(password, []);
      expect(verdict.acceptable, password).toBe(false);
      if (!verdict.acceptable) expect(verdict.problem.kind).toBe('too-guessable');
    }
  });

  it('refuses a password built on the person\'s own name or school', () => {
    expect(judgePassword('Jansen!Herfst!2026', ['Piet Jansen', 'piet@school.example'])).toEqual({
      acceptable: false,
      problem: { kind: 'contains-personal-word', word: 'jansen' },
    });
    expect(judgePassword('Regenboog-Fiets-Kast-7', ['OBS De Regenboog']).acceptable).toBe(false);
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(judgePassword('Zeilboot-Paraplu-Kwast-81', ['Piet Jansen']).acceptable).toBe(true);
    expect(judgePassword('fiets tulp regen molen', []).acceptable).toBe(true);
  });

  it('gives feedback as keys, for the reader\'s language', () => {
    const verdict = judgePassword('qwertyuiop123', []);
    if (verdict.acceptable || verdict.problem.kind !== 'too-guessable') throw new Error('expected too-guessable');
    for (const key of [verdict.problem.warning, ...verdict.problem.suggestions].filter(Boolean)) expect(key).toMatch(/^(warnings|suggestions)\.\w+$/);
  });
});
