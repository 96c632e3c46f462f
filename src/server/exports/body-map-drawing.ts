import type { BodyMapMark, BodySide } from '../../domain/cases/signals/body-map.js';

/** The part of pdfkit's document the drawing uses. */
type Doc = PDFKit.PDFDocument;

/**
 * The lichaamskaart in the PDF: the same child's outline as the web app draws
 * (src/web/components/BodyMap.tsx, a 100 × 200 box), front and back, with the numbered marks at the
 * domain's coordinates (fractions of that box).
 */
export const OUTLINE_BOX = { width: 100, height: 200 } as const;

/** The outline's shapes, each drawn and painted on its own (a rotated part cannot share a path). */
const OUTLINE: readonly ((doc: Doc) => void)[] = [
  (d) => d.ellipse(50, 17, 11, 12.5),
  (d) => d.roundedRect(44.5, 26, 11, 12, 2),
  (d) => d.path('M31 41 Q31 35 38 35 L62 35 Q69 35 69 41 L67 97 Q67 103 61 103 L39 103 Q33 103 33 97 Z'),
  (d) => d.translate(30, 39).rotate(8).roundedRect(-4.5, 0, 9, 64, 4.5),
  (d) => d.translate(70, 39).rotate(-8).roundedRect(-4.5, 0, 9, 64, 4.5),
  (d) => d.circle(20.5, 107, 5),
  (d) => d.circle(79.5, 107, 5),
  (d) => d.roundedRect(35, 95, 13, 88, 6),
  (d) => d.roundedRect(52, 95, 13, 88, 6),
  (d) => d.ellipse(40, 188, 7, 5),
  (d) => d.ellipse(60, 188, 7, 5),
];

/** Draws one side at (x, y), `scale` points per unit of the 100 × 200 box. */
export function drawBodySide(doc: Doc, side: BodySide, marks: readonly BodyMapMark[], x: number, y: number, scale: number, caption: string, fonts: { regular: string; bold: string }): void {
  doc.save();
  doc.translate(x, y).scale(scale);
  // Each shape is stroked then filled on its own: rotated parts cannot share one path.
  doc.lineWidth(1.2 / scale);
  for (const shape of OUTLINE) {
    doc.save();
    shape(doc);
    doc.fillAndStroke('#f4f1ec', '#6b6b6b');
    doc.restore();
  }
  doc.restore();

  // Side letters: the child's right is on our left from the front, on our right from the back.
  const [leftLetter, rightLetter] = side === 'front' ? ['R', 'L'] : ['L', 'R'];
  doc.font(fonts.bold).fontSize(8).fillColor('#6b6b6b');
  doc.text(leftLetter, x + 2 * scale - 3, y + 100 * scale, { lineBreak: false });
  doc.text(rightLetter, x + 94 * scale - 3, y + 100 * scale, { lineBreak: false });

  marks.forEach((mark, index) => {
    if (mark.side !== side) return;
    const cx = x + mark.x * OUTLINE_BOX.width * scale;
    const cy = y + mark.y * OUTLINE_BOX.height * scale;
    doc.circle(cx, cy, 6).fillAndStroke('#b3261e', '#7a1a14');
    const label = String(index + 1);
    doc.font(fonts.bold).fontSize(6.5).fillColor('#ffffff');
    const w = doc.widthOfString(label);
    doc.text(label, cx - w / 2, cy - 3.6, { lineBreak: false });
  });

  doc.font(fonts.regular).fontSize(8.5).fillColor('#333333');
  const cw = doc.widthOfString(caption);
  doc.text(caption, x + (OUTLINE_BOX.width * scale - cw) / 2, y + OUTLINE_BOX.height * scale + 4, { lineBreak: false });
}
