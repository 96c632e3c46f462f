import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { verifyTotp } from '../api/auth.js';
import { ApiError, isUnauthorized } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { CodeForm } from '../components/CodeForm.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import type { NoticeState } from '../routing/notices.js';

type Mode = 'totp' | 'recovery';

export function CodePage() {
  const [recoveryCodesLeft, setRecoveryCodesLeft] = useState<number | null>(null);
  if (recoveryCodesLeft !== null) return <RecoveryCodeUsed left={recoveryCodesLeft} />;
  return <CodeEntry onRecoveryCodeUsed={setRecoveryCodesLeft} />;
}

function CodeEntry({ onRecoveryCodeUsed }: { onRecoveryCodeUsed: (left: number) => void }) {
  const { t } = useTranslation();
  usePageTitle(t('code.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('totp');
  const [toggled, setToggled] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const verify = useMutation({
    mutationFn: (code: string) => verifyTotp({ code }),
    onSuccess: async (result) => {
      queryClient.removeQueries({ queryKey: queryKeys.me });
      if (typeof result.recoveryCodesLeft === 'number') onRecoveryCodeUsed(result.recoveryCodesLeft);
      else await navigate('/');
    },
    onError: async (error) => {
      if (isUnauthorized(error) && error instanceof ApiError && error.code !== 'invalid-code') {
        const state: NoticeState = { notice: 'restart' };
        await navigate('/login', { replace: true, state });
      }
    },
  });

  // After switching between app code and recovery code, the (new, empty) input gets the focus.
  useEffect(() => {
    if (toggled) inputRef.current?.focus();
  }, [mode, toggled]);

  function toggle() {
    verify.reset();
    setToggled(true);
    setMode((current) => (current === 'totp' ? 'recovery' : 'totp'));
  }

  return (
    <>
      <PageHeading>{t('code.title')}</PageHeading>
      <p>{mode === 'totp' ? t('code.intro') : t('code.introRecovery')}</p>
      <CodeForm
        key={mode}
        kind={mode}
        inputRef={inputRef}
        label={mode === 'totp' ? t('code.codeLabel') : t('code.recoveryLabel')}
        submitLabel={t('code.submit')}
        submittingLabel={t('code.submitting')}
        pending={verify.isPending}
        error={verify.error}
        onSubmit={(code) => verify.mutate(code)}
      />
      <p className="form-aside">
        <button type="button" className="link-button" data-testid="use-recovery-code" onClick={toggle}>
          {mode === 'totp' ? t('code.useRecovery') : t('code.useApp')}
        </button>
      </p>
    </>
  );
}

function RecoveryCodeUsed({ left }: { left: number }) {
  const { t } = useTranslation();
  usePageTitle(t('code.recoveryUsedTitle'));
  const navigate = useNavigate();
  return (
    <>
      <PageHeading>{t('code.recoveryUsedTitle')}</PageHeading>
      <Notice tone="info">
        <p className="alert-message">{t('code.left', { count: left })}</p>
      </Notice>
      <p>{t('code.lowAdvice')}</p>
      <button type="button" className="button button-primary button-block" onClick={() => void navigate('/')}>
        {t('code.continue')}
      </button>
    </>
  );
}
