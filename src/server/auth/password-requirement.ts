import { HttpError, type MessageHint } from '../http/http-error.js';
import { loadPasswordFeedback } from '../i18n/translate.js';

/** Refuses a password the policy does not accept, saying why and what to do instead. */
export async function requireAcceptablePassword(password: string, personalWords: readonly string[], field: string): Promise<void> {
  // The strength estimator's dictionaries (about 100 ms and 35 MB) load when a password is first set,
  // not at every start; so do zxcvbn's own sentences, which its feedback keys are translated with.
  const [{ judgePassword }] = await Promise.all([import('../../domain/auth/password-policy.js'), loadPasswordFeedback()]);
  const verdict = judgePassword(password, personalWords);
  if (verdict.acceptable) return;
  const { problem } = verdict;
  const hints: MessageHint[] = [];
  switch (problem.kind) {
    case 'too-short':
      hints.push({ key: 'password-too-short', params: { min: problem.minLength } }, { key: 'password-hint' });
      break;
    case 'too-long':
      hints.push({ key: 'password-too-long', params: { max: problem.maxLength } });
      break;
    case 'contains-personal-word':
      hints.push({ key: 'password-personal-word', params: { word: problem.word } }, { key: 'password-hint' });
      break;
    case 'too-guessable':
      hints.push({ key: 'password-too-guessable' });
      if (problem.warning) hints.push({ passwordFeedback: problem.warning });
      for (const suggestion of problem.suggestions) hints.push({ passwordFeedback: suggestion });
      hints.push({ key: 'password-hint' });
      break;
  }
  throw new HttpError(400, 'weak-password', {}, { hints, field });
}
