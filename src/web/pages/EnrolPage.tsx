import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { enrolTotp, verifyTotp } from '../api/auth.js';
import { ApiError, isUnauthorized } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { CodeForm } from '../components/CodeForm.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageHeading } from '../components/PageHeading.js';
import { QrCode } from '../components/QrCode.js';
import { RecoveryCodes } from '../components/RecoveryCodes.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import type { NoticeState } from '../routing/notices.js';

const RESTART: NoticeState = { notice: 'restart' };

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type over. */
function groupsOfFour(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export function EnrolPage() {
  const navigate = useNavigate();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onSaved={() => void navigate('/')} />;
  return <EnrolSteps onEnrolled={setRecoveryCodes} />;
}

function EnrolSteps({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  usePageTitle(t('enrol.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // Each call makes a new secret, so it is asked once and kept while the person scans it.
  const enrolment = useQuery({
    queryKey: queryKeys.totpEnrol,
    queryFn: enrolTotp,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  const confirm = useMutation({
    mutationFn: (code: string) => verifyTotp({ code }),
    onSuccess: async (result) => {
      queryClient.removeQueries({ queryKey: queryKeys.me });
      queryClient.removeQueries({ queryKey: queryKeys.totpEnrol });
      if (result.recoveryCodes && result.recoveryCodes.length > 0) onEnrolled(result.recoveryCodes);
      else await navigate('/');
    },
    onError: async (error) => {
      if (isUnauthorized(error) && error instanceof ApiError && error.code !== 'invalid-code') {
        await navigate('/login', { replace: true, state: RESTART });
      }
    },
  });

  if (enrolment.isError && isUnauthorized(enrolment.error)) return <Navigate to="/login" replace state={RESTART} />;

  return (
    <>
      <PageHeading>{t('enrol.title')}</PageHeading>
      <p>{t('enrol.intro')}</p>
      {enrolment.isPending && (
        <p role="status" className="loading">
          {t('enrol.preparing')}
        </p>
      )}
      {enrolment.isError && <ErrorAlert error={enrolment.error} />}
      {enrolment.data && (
        <ol className="steps">
          <li className="step">
            <h2 className="step-title">{t('enrol.appTitle')}</h2>
            <p>{t('enrol.appText')}</p>
          </li>
          <li className="step">
            <h2 className="step-title">{t('enrol.scanTitle')}</h2>
            <p>{t('enrol.scanText')}</p>
            <div className="qr-frame">
              <QrCode
                value={enrolment.data.otpauthUrl}
                alt={t('enrol.qrAlt')}
                loadingText={t('enrol.qrLoading')}
                failedText={t('enrol.qrFailed')}
              />
            </div>
            <p className="secret-label">{t('enrol.secretLabel')}</p>
            <p>
              <code className="secret" data-testid="totp-secret">
                {groupsOfFour(enrolment.data.secret)}
              </code>
            </p>
          </li>
          <li className="step">
            <h2 className="step-title">{t('enrol.confirmTitle')}</h2>
            <p>{t('enrol.confirmText')}</p>
            <CodeForm
              kind="totp"
              label={t('enrol.codeLabel')}
              submitLabel={t('enrol.submit')}
              submittingLabel={t('enrol.submitting')}
              pending={confirm.isPending}
              error={confirm.error}
              onSubmit={(code) => confirm.mutate(code)}
            />
          </li>
        </ol>
      )}
    </>
  );
}
