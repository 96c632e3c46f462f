/**
 * The two dossier PDFs: the whole file (`full`), and one that names no member of staff, each
 * replaced by their role (`without-staff-names`), for sharing outside the school.
 */
export const DOSSIER_VARIANTS = ['full', 'without-staff-names'] as const;
export type DossierVariant = (typeof DOSSIER_VARIANTS)[number];

export function isDossierVariant(value: string): value is DossierVariant {
  return (DOSSIER_VARIANTS as readonly string[]).includes(value);
}
