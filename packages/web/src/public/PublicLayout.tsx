import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import './public.css';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="pub">
      <header className="pub-header">
        <Link to="/" className="pub-brand">
          clipcontest
        </Link>
        <nav className="pub-nav" aria-label={t('nav.label')}>
          <Link to="/sign-in" className="pub-signin" data-testid="staff-sign-in">
            <span className="pub-long">{t('nav.staffSignIn')}</span>
            <span className="pub-short">{t('nav.signInShort')}</span>
          </Link>
          <LanguageSwitch />
        </nav>
      </header>
      <main className="pub-main">{children}</main>
      <footer className="pub-footer">{t('landing.footer')}</footer>
    </div>
  );
}
