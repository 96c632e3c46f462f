import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans, from the dejavu-fonts-ttf package: a TrueType font with the whole Latin range, so
 * that names such as Doğan, Şahin or Łukasz print as written. Read once per process; pdfkit embeds
 * only the glyphs a PDF uses, once per document.
 */
export interface DossierFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: DossierFonts | null = null;

export function dossierFonts(): DossierFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  loaded = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') };
  return loaded;
}
