import * as english from '@zxcvbn-ts/language-en';
import * as dutch from '@zxcvbn-ts/language-nl-be';

// zxcvbn's own sentences for its feedback keys, from its language packages.
export const nl = { warnings: dutch.translations.warnings, suggestions: dutch.translations.suggestions };
export const en = { warnings: english.translations.warnings, suggestions: english.translations.suggestions };
