import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LANGS, setLang, type Lang } from '../i18n/i18n';
import { useLang } from '../i18n/use-lang';
import './language-switch.css';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const choose = (next: Lang) => {
    setLang(next);
    if (params.has('lang')) {
      setParams(
        (p) => {
          p.set('lang', next);
          return p;
        },
        { replace: true },
      );
    }
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          title={t(`lang.${l}`)}
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          onClick={() => choose(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
