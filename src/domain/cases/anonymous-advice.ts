import { foldForSearch } from '../pupils/pupil-name.js';

/**
 * The advice of Veilig Thuis is asked anonymously, so its record holds no identity. This finds the
 * pupil's or a guardian's names in the text so that the person can take them out before saving.
 * Short names (under three letters) and surname prefixes are not checked: they are ordinary words.
 */
const PARTICLES = new Set(['van', 'der', 'den', 'ten', 'ter', 'het', 'des', 'les', 'bin', 'ben', 'abu', 'ibn', 'los', 'las', 'del', 'dos', 'das', 'von', 'zum', 'aan', 'uit', 'bij', 'tot', 'voor', 'over', 'onder', 'op']);

export function namesInAdviceText(text: string, names: readonly string[]): string[] {
  const words = new Set(foldForSearch(text).split(/[^a-z0-9]+/).filter(Boolean));
  const found = new Set<string>();
  for (const name of names) {
    for (const part of foldForSearch(name).split(/[^a-z0-9]+/)) {
      if (part.length >= 3 && !PARTICLES.has(part) && words.has(part)) found.add(name);
    }
  }
  return [...found];
}
