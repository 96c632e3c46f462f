import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_TYPES } from '../../../../domain/attachments/attachment-rules.js';
import { uploadAttachment } from '../../../api/attachments.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Notice } from '../../../components/Notice.js';
import { useCaseView } from './case-context.js';
import { refreshCase } from './entry-form.js';

/** "850 kB", "12,5 MB" in the chosen language. */
export function useFormatBytes(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (bytes: number) => {
      const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
      if (bytes < 1024 * 1024) return `${format.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
      return `${format.format(bytes / (1024 * 1024))} MB`;
    },
    [language],
  );
}

/**
 * Adding a file: chosen, checked here for size and obvious type (the server judges the content and
 * has the last word), then sent with a progress bar. Collapsed until asked for, so that a long
 * timeline does not carry a form on every entry.
 */
export function AttachmentUpload({ entryId, maxBytes }: { entryId: string; maxBytes: number }) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const formatBytes = useFormatBytes();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [added, setAdded] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (chosen: File) => uploadAttachment(caseId, entryId, chosen, setProgress),
    onSuccess: async (attachment) => {
      setAdded(t('attachments.added', { name: attachment.fileName }));
      setFile(null);
      if (input.current) input.current.value = '';
      await refreshCase(queryClient);
    },
  });

  function choose(chosen: File | null) {
    setFile(chosen);
    setAdded(null);
    upload.reset();
    setProgress(0);
    if (!chosen) return setProblem(null);
    if (chosen.size > maxBytes) return setProblem(t('attachments.tooLarge', { size: formatBytes(chosen.size), max: formatBytes(maxBytes) }));
    // The browser's guess from the name; an empty guess (HEIC on some systems) is left to the server.
    if (chosen.type !== '' && !(ATTACHMENT_TYPES as readonly string[]).includes(chosen.type)) return setProblem(t('attachments.wrongType'));
    setProblem(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblem(t('attachments.chooseFile'));
    if (problem) return;
    upload.mutate(file);
  }

  return (
    <details className="case-disclosure attachment-add" data-testid="attachment-add">
      <summary>{t('attachments.add')}</summary>
      <form className="form attachment-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId} className="field-label">
            {t('attachments.fileLabel')}
          </label>
          <p id={hintId} className="field-hint">
            {t('attachments.hint', { max: formatBytes(maxBytes) })}
          </p>
          <input
            ref={input}
            id={inputId}
            type="file"
            className="input"
            accept={[...ATTACHMENT_TYPES, ...ATTACHMENT_EXTENSIONS].join(',')}
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            disabled={upload.isPending}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
            data-testid="attachment-file"
          />
          {problem && (
            <p className="field-error" role="alert" data-testid="attachment-problem">
              {problem}
            </p>
          )}
        </div>
        {upload.isPending && (
          <div className="attachment-progress">
            <progress max={1} value={progress} aria-label={t('attachments.progress')} />
            <span aria-live="polite">{t('attachments.percent', { percent: Math.round(progress * 100) })}</span>
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={upload.isPending || !file || problem !== null} aria-busy={upload.isPending || undefined} data-testid="attachment-submit">
            {upload.isPending ? t('attachments.uploading') : t('attachments.submit')}
          </button>
        </div>
        <ErrorAlert error={upload.error} />
        {added && <Notice tone="success">{added}</Notice>}
      </form>
    </details>
  );
}
