import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { namedStaff, staffByRole } from '../../../../src/domain/exports/staff-names.js';
import { buildDossier } from '../../../../src/server/exports/dossier-content.js';
import { renderDossierPdf } from '../../../../src/server/exports/dossier-pdf.js';
import { casePage, STAFF } from './dossier-fixture.js';

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const base = { schoolName: 'OBS De Regenboog', code: 'MP-ABCD-EFGH-JKMN', exportedAt: '2026-11-29T10:00:00.000Z' };

describe('the dossier PDF', () => {
  it('tells each entry with who and when, a correction with its reason and the earlier text, and the decision', async () => {
    const dossier = buildDossier({ ...base, page: casePage(4), variant: 'full', naming: namedStaff(STAFF), exportedBy: 'Yasmina El Amrani' });
    const text = await textOf(await renderDossierPdf(dossier, new Date(base.exportedAt)));
    for (const expected of ['Doğan Şahin', 'Łukasz Wójcik', 'Gecorrigeerde tekst van het signaal.', 'Eerste tekst van het gecorrigeerde signaal.', 'Reden: Verkeerde datum genoteerd.', 'Direct melden', 'Acuut onveilig: direct melden.', 'Brandwond', 'Lichaamskaart', 'Vastgelegd door Sanne de Wit', 'Geen overleg of advies vastgelegd: Er was geen tijd meer.', 'Telefonisch', 'Verificatiecode MP-ABCD-EFGH-JKMN', 'VERTROUWELIJK', 'pagina 1 van']) {
      expect(text, expected).toContain(expected);
    }
  });

  it('names no member of staff in the variant for outside the school', async () => {
    const dossier = buildDossier({ ...base, page: casePage(10), variant: 'without-staff-names', naming: staffByRole(STAFF), exportedBy: "IB'er" });
    const text = await textOf(await renderDossierPdf(dossier, new Date(base.exportedAt)));
    expect(text).not.toContain('Sanne');
    expect(text).not.toContain('Yasmina');
    expect(text).toContain('Vastgelegd door leerkracht');
    expect(text).toContain("Met IB'er");
    expect(text).toContain('leerkracht schreef het op');
  });

  it('makes a 300-event dossier quickly (the target is 300 ms on a quiet machine)', async () => {
    const page = casePage(300);
    const render = async () => renderDossierPdf(buildDossier({ ...base, page, variant: 'full', naming: namedStaff(STAFF), exportedBy: 'Yasmina El Amrani' }), new Date(base.exportedAt));
    await render(); // the font is read once per process
    const started = performance.now();
    const pdf = await render();
    const ms = performance.now() - started;
    console.log(`dossier PDF of 300 events: ${ms.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} kB`);
    // Generous here, for a shared test machine; the benchmark of issue 9 holds the 300 ms.
    expect(ms).toBeLessThan(5000);
    // The font is embedded once (subset), not per page.
    expect(pdf.toString('latin1').match(/\/FontFile2/g)?.length).toBe(2);
  });
});
