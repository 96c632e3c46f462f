import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOSSIER_VARIANTS, type DossierVariant } from '../../../../domain/exports/dossier-variant.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ModalDialog } from '../../../components/ModalDialog.js';
import { Notice } from '../../../components/Notice.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { OneTimeCodeField } from '../../../components/OneTimeCodeField.js';
import { useFreshCodeAction } from '../../../hooks/useFreshCodeAction.js';
import { download, exportDossierPdf } from '../../exports/exports-api.js';
import { VERIFY_PDF_PATH } from '../../exports/paths.js';

/**
 * On the case page, for whoever may export it: the whole case as a PDF, in one of two variants,
 * after a fresh code from the authenticator app (one code, one export). The file is downloaded
 * under its verification code; the pupil's name is in the file, never in its name.
 */
export function ExportPdfPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  return (
    <section className="card no-print" aria-labelledby="export-pdf-title" data-testid="export-pdf">
      <h2 id="export-pdf-title" className="section-title">
        {t('dossierExport.title')}
      </h2>
      <p className="muted">{t('dossierExport.intro')}</p>
      {exported && (
        <Notice tone="success">
          <span data-testid="export-pdf-done">{t('dossierExport.done', { code: exported })}</span>{' '}
          <Link to={VERIFY_PDF_PATH}>{t('dossierExport.verifyLink')}</Link>
        </Notice>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)} data-testid="export-pdf-open">
          {t('dossierExport.open')}
        </button>
      </div>
      <ExportDialog
        caseId={caseId}
        open={open}
        onClose={(code) => {
          setOpen(false);
          if (code) setExported(code);
        }}
      />
    </section>
  );
}

function ExportDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: (code: string | null) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [variant, setVariant] = useState<DossierVariant>('full');
  const exporting = useFreshCodeAction({
    action: (chosen: DossierVariant) => exportDossierPdf(caseId, chosen),
    onDone: ({ blob, code: verification }) => {
      download(blob, `dossier-${verification}.pdf`);
      reset();
      onClose(verification);
    },
    codeRef,
    sixDigitsMessage: t('dossierExport.sixDigits'),
  });

  function reset() {
    exporting.reset();
    setVariant('full');
  }

  function close() {
    if (exporting.pending) return;
    reset();
    onClose(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (exporting.pending) return;
    const checked = exporting.checkedCode();
    if (!checked) return codeRef.current?.focus();
    exporting.run(checked, variant);
  }

  return (
    <ModalDialog open={open} onDismiss={close} labelledBy={titleId} describedBy={textId} initialFocus={firstRef} testId="export-pdf-dialog">
      <form className="dialog-body" noValidate onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {t('dossierExport.dialogTitle')}
        </h2>
        <p id={textId} className="dialog-text">
          {t('dossierExport.dialogText')}
        </p>
        <ErrorAlert error={exporting.error} />
        <RadioGroup
          idPrefix="export-variant"
          name="export-variant"
          legend={t('dossierExport.variantLegend')}
          options={DOSSIER_VARIANTS.map((v) => ({ value: v, label: t(`dossierExport.variants.${v}.label`), description: t(`dossierExport.variants.${v}.description`) }))}
          value={variant}
          onChange={setVariant}
          firstRef={firstRef}
        />
        <OneTimeCodeField
          id="export-pdf-code"
          ref={codeRef}
          label={t('dossierExport.codeLabel')}
          hint={t('dossierExport.codeHint')}
          error={exporting.codeError}
          data-testid="export-pdf-code"
          value={exporting.code}
          onChange={(event) => exporting.setCode(event.target.value)}
          invalid={Boolean(exporting.error)}
        />
        <div className="button-row dialog-actions">
          <button type="submit" className="button button-primary" data-testid="export-pdf-submit" disabled={exporting.pending}>
            {exporting.pending ? t('dossierExport.submitting') : t('dossierExport.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={close} disabled={exporting.pending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
