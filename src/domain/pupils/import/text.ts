/** Lowercase, without accents, punctuation folded to single spaces: for comparing names and headers. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A cell as read: surrounding white space (including non-breaking spaces) removed; empty is null. */
export function cell(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, '');
  return trimmed === '' ? null : trimmed;
}
