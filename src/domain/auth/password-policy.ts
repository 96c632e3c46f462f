import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as dutch from '@zxcvbn-ts/language-nl-be';

/**
 * What Meldpad asks of a password. The length floor stops short guesses; the zxcvbn score stops
 * long but predictable ones (names, school words, Dutch dictionary words, keyboard walks).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_SCORE = 4;

export type PasswordProblem =
  | { kind: 'too-short'; minLength: number }
  | { kind: 'too-long'; maxLength: number }
  | { kind: 'contains-personal-word'; word: string }
  | { kind: 'too-guessable'; score: number; minScore: number; warning: string | null; suggestions: string[] };

export type PasswordVerdict = { acceptable: true; score: number } | { acceptable: false; problem: PasswordProblem };

let estimator: ZxcvbnFactory | null = null;

function strengthEstimator(): ZxcvbnFactory {
  // Built once: the dictionaries are large and the factory is pure once built.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
    // Keys, not sentences: the caller translates them into the reader's language.
    translations: keyTranslations(),
    useLevenshteinDistance: true,
  });
  return estimator;
}

/**
 * Judges a password. `personalWords` are words an attacker would try first for this person:
 * their name, e-mail, the school's and board's names.
 */
export function judgePassword(password: string, personalWords: readonly string[]): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { acceptable: false, problem: { kind: 'too-short', minLength: PASSWORD_MIN_LENGTH } };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { acceptable: false, problem: { kind: 'too-long', maxLength: PASSWORD_MAX_LENGTH } };
  }
  const words = personalWords.flatMap((word) => word.toLowerCase().split(/[\s@.\-_]+/)).filter((w) => w.length >= 3);
  // zxcvbn lowers the score for these, but a name plus a year can still pass; say it plainly instead.
  const lowered = password.toLowerCase();
  const personal = words.find((word) => word.length >= 4 && lowered.includes(word));
  if (personal) return { acceptable: false, problem: { kind: 'contains-personal-word', word: personal } };
  const result = strengthEstimator().check(password, words);
  if (result.score < PASSWORD_MIN_SCORE) {
    return {
      acceptable: false,
      problem: {
        kind: 'too-guessable',
        score: result.score,
        minScore: PASSWORD_MIN_SCORE,
        warning: result.feedback.warning || null,
        suggestions: result.feedback.suggestions,
      },
    };
  }
  return { acceptable: true, score: result.score };
}

/** zxcvbn's translation table with every message replaced by its key (`warnings.common`, …). */
function keyTranslations() {
  const keysOf = <T extends Record<string, string>>(prefix: string, table: T) =>
    Object.fromEntries(Object.keys(table).map((key) => [key, `${prefix}.${key}`])) as T;
  const source = english.translations;
  return {
    warnings: keysOf('warnings', source.warnings),
    suggestions: keysOf('suggestions', source.suggestions),
    timeEstimation: source.timeEstimation,
  };
}
