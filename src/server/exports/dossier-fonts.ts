import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * DejaVu Sans, from the dejavu-fonts-ttf package: a TrueType font with the whole Latin range, so
 * that names such as Doğan, Şahin or Łukasz print as written. Parsed once per process and shared
 * by every export: pdfkit would otherwise parse the font, and decode its large substitution and
 * positioning tables, for every document anew (a third of a large dossier's time). pdfkit still
 * embeds only the glyphs a PDF uses, once per document.
 */
export interface DossierFonts {
  regular: Font;
  bold: Font;
}

let loaded: DossierFonts | null = null;

export function dossierFonts(): DossierFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const font = (name: string) => create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))) as Font;
  loaded = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
  return loaded;
}
