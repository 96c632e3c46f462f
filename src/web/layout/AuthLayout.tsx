import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SafetyLines } from './SafetyBox.js';

/** The frame of the sign-in pages: wordmark and tagline above a narrow, centred card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth-header">
        <div className="auth-topbar">
          <LanguageSwitch />
        </div>
        <div className="auth-brand">
          <p className="wordmark wordmark-large">{t('app.name')}</p>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </header>
      <main id="main" className="auth-main">
        <div className="card auth-card">{children}</div>
      </main>
      <footer className="auth-footer">
        <SafetyLines />
      </footer>
    </div>
  );
}

export function AuthLayout() {
  return (
    <AuthFrame>
      <Outlet />
    </AuthFrame>
  );
}
