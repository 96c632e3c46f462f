import PDFDocument from 'pdfkit';
import type { BodyMapMark } from '../../domain/cases/signals/body-map.js';
import { drawBodySide, OUTLINE_BOX } from './body-map-drawing.js';
import type { Dossier, DossierEntry, Line } from './dossier-document.js';
import { dossierFonts } from './dossier-fonts.js';
import { DOSSIER_NL as L } from './dossier-labels.js';
import { fill } from './dossier-format.js';

type Doc = PDFKit.PDFDocument;

const PAGE = { margin: 56, top: 72, bottom: 64 } as const;
const LABEL_WIDTH = 150;
const GAP = 10;
const COLOURS = { text: '#1a1a1a', muted: '#5a5a5a', rule: '#c8c8c8', accent: '#8a1c1c', band: '#f3efe8' } as const;
const FONT = { regular: 'dossier-regular', bold: 'dossier-bold' } as const;

/**
 * Lays the dossier out as an A4 PDF: a first page with the case's identity and the verification
 * code, then each section. Every page carries "Vertrouwelijk", the export date, the verification code
 * and "pagina x van y" (pages are buffered, so the count is known when the footers are drawn).
 */
export function renderDossierPdf(dossier: Dossier, exportedAt: Date): Promise<Buffer> {
  const fonts = dossierFonts();
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    info: {
      Title: `${dossier.title} — ${dossier.code}`,
      // The code in the file's metadata lets a check name the export even when the bytes were changed.
      Subject: `Meldpad ${dossier.code}`,
      Keywords: `Vertrouwelijk ${dossier.code}`,
      Creator: 'Meldpad',
      Producer: 'Meldpad',
      CreationDate: exportedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit 0.20 takes a parsed fontkit font as well as the file's bytes; its type definitions lag.
  doc.registerFont(FONT.regular, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT.bold, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);

  const layout = new Layout(doc);
  layout.firstPage(dossier);
  for (const section of dossier.sections) {
    layout.sectionHeading(section.title);
    for (const block of section.blocks) {
      if (block.kind === 'lines') layout.lines(block.lines);
      else if (block.kind === 'text') layout.paragraph(block.text);
      else layout.entry(block.entry);
    }
  }
  layout.pageFurniture(dossier);
  doc.end();
  return done;
}

class Layout {
  private readonly width: number;
  constructor(private readonly doc: Doc) {
    this.width = doc.page.width - 2 * PAGE.margin;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  firstPage(d: Dossier): void {
    const doc = this.doc;
    doc.font(FONT.bold).fontSize(18).fillColor(COLOURS.text).text(d.title, PAGE.margin, PAGE.top, { width: this.width });
    doc.moveDown(0.3);
    doc.font(FONT.bold).fontSize(14).text(d.pupilName, { width: this.width });
    doc.moveDown(0.6);
    doc.font(FONT.regular).fontSize(9.5).fillColor(COLOURS.muted);
    doc.text(d.variantNote, { width: this.width });
    doc.text(d.exportedLine, { width: this.width });
    doc.text(fill(L.code, { code: d.code }), { width: this.width });
    doc.moveDown(0.8);
    // The confidentiality notice in a band, so that it is seen before anything else is read.
    const text = `${L.confidential}. ${L.confidentialNote}`;
    doc.font(FONT.regular).fontSize(9);
    const h = doc.heightOfString(text, { width: this.width - 20 }) + 14;
    const y = doc.y;
    doc.rect(PAGE.margin, y, this.width, h).fillAndStroke(COLOURS.band, COLOURS.accent);
    doc.fillColor(COLOURS.accent).text(text, PAGE.margin + 10, y + 7, { width: this.width - 20 });
    doc.y = y + h + 8;
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOURS.muted).text(L.verifyHint, PAGE.margin, doc.y, { width: this.width });
    doc.moveDown(0.8);
  }

  sectionHeading(title: string): void {
    const doc = this.doc;
    // A heading never stands alone at the foot of a page: room for it and the start of what follows.
    this.room(130);
    doc.moveDown(0.6);
    doc.font(FONT.bold).fontSize(13).fillColor(COLOURS.text).text(title, PAGE.margin, doc.y, { width: this.width });
    const y = doc.y + 2;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + this.width, y).lineWidth(0.7).strokeColor(COLOURS.rule).stroke();
    doc.y = y + 6;
  }

  paragraph(text: string): void {
    const doc = this.doc;
    doc.font(FONT.regular).fontSize(9).fillColor(COLOURS.muted);
    this.room(Math.min(doc.heightOfString(text, { width: this.width }), 40));
    doc.text(text, PAGE.margin, doc.y, { width: this.width });
    doc.moveDown(0.4);
  }

  /** Label and value side by side; a long value runs on over the page. */
  lines(lines: readonly Line[], indent = 0): void {
    const doc = this.doc;
    const x = PAGE.margin + indent;
    const labelWidth = LABEL_WIDTH - indent / 2;
    const valueX = x + labelWidth + GAP;
    const valueWidth = PAGE.margin + this.width - valueX;
    for (const line of lines) {
      const valueFont = line.strong ? FONT.bold : FONT.regular;
      doc.font(valueFont).fontSize(9.5);
      if (line.strong) doc.moveDown(0.3);
      // Keep a short line whole; a long one may break, but starts with at least a few lines here.
      this.room(Math.min(Math.max(this.estimateHeight(line.label, labelWidth, 8.5), this.estimateHeight(line.value, valueWidth, 9.5)), 48));
      const y = doc.y;
      doc.font(FONT.bold).fontSize(8.5).fillColor(COLOURS.muted);
      this.column(line.label, x, y + 0.8, labelWidth);
      const afterLabel = doc.y;
      const labelPage = this.pageIndex();
      doc.font(valueFont).fontSize(9.5).fillColor(COLOURS.text);
      this.column(line.value, valueX, y, valueWidth);
      // When the value ran onto a new page, the label's height on the old page no longer counts.
      doc.y = (this.pageIndex() === labelPage ? Math.max(afterLabel, doc.y) : doc.y) + 3;
    }
  }

  /**
   * Text in a column of `width`, in the current font. Text that fits on one line (most labels and values)
   * is set directly: pdfkit makes a line wrapper for every wrapped call, which was most of the time a
   * large dossier took. The caller has made room for the first line (an entry's heading and its
   * lines of who recorded it and when fit in the room the entry asks for).
   */
  private column(text: string, x: number, y: number, width: number): void {
    const doc = this.doc;
    if (text.includes('\n') || doc.widthOfString(text) > width) {
      doc.text(text, x, y, { width });
      return;
    }
    doc.text(text, x, y, { lineBreak: false });
    doc.x = x;
    doc.y = y + doc.currentLineHeight(true);
  }

  /**
   * About how high a text will be: its width over the column's, per paragraph. Laying the text out
   * twice (once to measure, once to draw) was most of the time a large dossier took; this estimate
   * only decides whether a line starts on a new page, so a line more or less does no harm.
   */
  private estimateHeight(text: string, width: number, size: number): number {
    const lineHeight = size * 1.2;
    // DejaVu Sans averages about 0.55 em a character in Dutch text.
    const perLine = Math.max(1, Math.floor(width / (size * 0.55)));
    let lines = 0;
    for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
    return lines * lineHeight;
  }

  private pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  entry(entry: DossierEntry): void {
    const doc = this.doc;
    this.room(70);
    doc.moveDown(0.4);
    doc.font(FONT.bold).fontSize(10.5).fillColor(COLOURS.text);
    this.column(entry.heading, PAGE.margin, doc.y, this.width);
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOURS.muted);
    for (const meta of entry.meta) this.column(meta, PAGE.margin, doc.y, this.width);
    doc.moveDown(0.25);
    this.lines(entry.lines);
    if (entry.bodyMap) this.bodyMap(entry.bodyMap);
    for (const earlier of entry.earlier) {
      doc.moveDown(0.2);
      this.room(40);
      const x = PAGE.margin + 14;
      const top = doc.y;
      doc.font(FONT.regular).fontSize(8.5).fillColor(COLOURS.muted);
      for (const meta of earlier.meta) doc.text(meta, x, doc.y, { width: this.width - 14 });
      doc.moveDown(0.15);
      this.lines(earlier.lines, 14);
      // A rule down the left marks the earlier text as earlier (when it stayed on one page).
      if (doc.y > top) doc.moveTo(PAGE.margin + 4, top).lineTo(PAGE.margin + 4, doc.y - 3).lineWidth(1.5).strokeColor(COLOURS.rule).stroke();
    }
    doc.moveDown(0.3);
    const y = doc.y;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + this.width, y).lineWidth(0.3).strokeColor(COLOURS.rule).stroke();
    doc.y = y + 4;
  }

  private bodyMap(marks: readonly BodyMapMark[]): void {
    const doc = this.doc;
    const scale = 0.8;
    const figureHeight = OUTLINE_BOX.height * scale + 18;
    this.room(figureHeight + 30);
    doc.moveDown(0.3);
    doc.font(FONT.bold).fontSize(8.5).fillColor(COLOURS.muted).text(L.bodyMap.title, PAGE.margin, doc.y, { width: LABEL_WIDTH });
    const top = doc.y + 4;
    const x0 = PAGE.margin + LABEL_WIDTH + GAP;
    drawBodySide(doc, 'front', marks, x0, top, scale, L.bodyMap.front, FONT);
    drawBodySide(doc, 'back', marks, x0 + OUTLINE_BOX.width * scale + 40, top, scale, L.bodyMap.back, FONT);
    doc.y = top + figureHeight;
    doc.font(FONT.regular).fontSize(8).fillColor(COLOURS.muted).text(L.bodyMap.orientation, x0, doc.y, { width: PAGE.margin + this.width - x0 });
    doc.moveDown(0.3);
    this.lines(
      marks.map((m, i) => ({
        label: fill(L.bodyMap.mark, { number: i + 1, type: L.bodyMap.types[m.type] ?? m.type, side: m.side === 'front' ? L.bodyMap.front.toLowerCase() : L.bodyMap.back.toLowerCase() }),
        value: [m.colour ? fill(L.bodyMap.colour, { colour: m.colour }) : null, m.sizeCm !== null ? fill(L.bodyMap.size, { size: String(m.sizeCm).replace('.', ',') }) : null, m.description || null].filter(Boolean).join('; ') || L.none,
      })),
    );
  }

  /** The header and footer of every page, drawn once all pages exist. */
  pageFurniture(d: Dossier): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing in the margins must not start a new page.
      const margins = doc.page.margins;
      const bottom = margins.bottom;
      margins.bottom = 0;
      doc.font(FONT.bold).fontSize(8.5).fillColor(COLOURS.accent).text(L.confidential, PAGE.margin, 30, { width: this.width, lineBreak: false });
      doc.font(FONT.regular).fontSize(8).fillColor(COLOURS.muted).text(d.pupilName, PAGE.margin, 30, { width: this.width, align: 'right', lineBreak: false });
      doc.moveTo(PAGE.margin, 44).lineTo(PAGE.margin + this.width, 44).lineWidth(0.5).strokeColor(COLOURS.accent).stroke();
      const y = doc.page.height - 42;
      doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.margin + this.width, y - 6).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
      doc.font(FONT.regular).fontSize(7.5).fillColor(COLOURS.muted);
      doc.text(`Vertrouwelijk · ${d.exportedOn} · ${fill(L.code, { code: d.code })}`, PAGE.margin, y, { width: this.width - 90, lineBreak: false });
      doc.text(fill(L.page, { page: i - range.start + 1, pages: range.count }), PAGE.margin, y, { width: this.width, align: 'right', lineBreak: false });
      margins.bottom = bottom;
    }
  }
}
