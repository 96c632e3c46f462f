import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VerifyPdfResponse } from '../../../contract/exports.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { verifyPdf } from './exports-api.js';
import './exports.css';

/**
 * "PDF controleren": the IB'er or directie chooses a dossier PDF and hears whether it is exactly what
 * Meldpad exported, as the audit chain records it. The file goes to the server for the answer only.
 */
export default function VerifyPdfPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  usePageTitle(t('dossierExport.verify.title'));
  if (!me.roles.some((role) => role === 'ib' || role === 'director')) return <NotAllowed title={t('dossierExport.verify.title')} />;
  return <VerifyForm />;
}

function VerifyForm() {
  const { t } = useTranslation();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({ mutationFn: verifyPdf });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!file) {
      setMissing(true);
      fileRef.current?.focus();
      return;
    }
    setMissing(false);
    mutation.mutate(file);
  }

  return (
    <div className="page verify-pdf-page" data-testid="verify-pdf-page">
      <PageHeading>{t('dossierExport.verify.title')}</PageHeading>
      <p className="lead">{t('dossierExport.verify.intro')}</p>
      <form className="card form" noValidate onSubmit={submit}>
        <div className="field" data-invalid={missing ? true : undefined}>
          <label htmlFor={inputId} className="field-label">
            {t('dossierExport.verify.fileLabel')}
          </label>
          <p id={`${inputId}-hint`} className="field-hint">
            {t('dossierExport.verify.fileHint')}
          </p>
          {missing && (
            <p id={`${inputId}-error`} className="field-error">
              {t('dossierExport.verify.fileRequired')}
            </p>
          )}
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={missing ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
            aria-invalid={missing ? true : undefined}
            data-testid="verify-pdf-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              mutation.reset();
            }}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="verify-pdf-submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('dossierExport.verify.checking') : t('dossierExport.verify.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert error={mutation.error} />
      {/* Always in the page, so that a screen reader announces the answer when it arrives. */}
      <div role="status">{mutation.data && <VerifyAnswer answer={mutation.data} />}</div>
    </div>
  );
}

const ROLE_KEYS = ['aandachtsfunctionaris', 'ib', 'smw', 'director', 'teacher', 'board', 'administrator'] as const;

function VerifyAnswer({ answer }: { answer: VerifyPdfResponse }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const matches = answer.result === 'match';
  const role = answer.export?.exportedByRole;
  const roleText = role && (ROLE_KEYS as readonly string[]).includes(role) ? t(`dossierExport.roles.${role as (typeof ROLE_KEYS)[number]}`) : null;
  return (
    <section className={`card verify-pdf-answer ${matches ? 'verify-pdf-match' : 'verify-pdf-mismatch'}`} aria-labelledby="verify-answer-title" data-testid="verify-pdf-answer" data-result={answer.result}>
      <h2 id="verify-answer-title" className="section-title">
        {t(`dossierExport.verify.results.${answer.result}`)}
      </h2>
      {answer.result === 'altered' && <p className="muted">{t('dossierExport.verify.namedExport')}</p>}
      <dl className="verify-pdf-facts">
        {answer.code && (
          <div>
            <dt>{t('dossierExport.verify.code')}</dt>
            <dd>{answer.code}</dd>
          </div>
        )}
        {answer.export && (
          <>
            <div>
              <dt>{t('dossierExport.verify.exportedAt')}</dt>
              <dd>{formatDateTime(answer.export.exportedAt)}</dd>
            </div>
            {roleText && (
              <div>
                <dt>{t('dossierExport.verify.exportedBy')}</dt>
                <dd>{roleText}</dd>
              </div>
            )}
            <div>
              <dt>{t('dossierExport.verify.variant')}</dt>
              <dd>{answer.export.variant === 'full' || answer.export.variant === 'without-staff-names' ? t(`dossierExport.variants.${answer.export.variant}.label`) : answer.export.variant}</dd>
            </div>
            {answer.export.caseId && (
              <div>
                <dt>{t('dossierExport.verify.case')}</dt>
                <dd>
                  <Link to={`/casussen/${encodeURIComponent(answer.export.caseId)}`}>{t('dossierExport.verify.openCase')}</Link>
                </dd>
              </div>
            )}
          </>
        )}
        <div>
          <dt>{t('dossierExport.verify.sha256')}</dt>
          <dd className="verify-pdf-hash">{answer.sha256}</dd>
        </div>
      </dl>
    </section>
  );
}
