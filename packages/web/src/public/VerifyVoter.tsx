import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestOtp, verifyOtp, type VoterChannel } from '../api/voting';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { solveServerChallenge } from './solve-challenge';

type Step = 'address' | 'solving' | 'code';

/**
 * One-step verification at the moment of the first vote: an address, an automatic anti-bot check
 * (proof of work in the background), then the code received by email or SMS.
 */
export function VerifyVoter({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<VoterChannel>('email');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('address');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStep('solving');
    try {
      const altcha = await solveServerChallenge();
      await requestOtp({ channel, address, altcha });
      setStep('code');
    } catch (err) {
      setStep('address');
      setError(errorMessage(err, lang, t('voting.verify.sendFailed')));
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await verifyOtp({ channel, address, code });
      await queryClient.invalidateQueries({ queryKey: ['voter'] });
      onDone();
    } catch (err) {
      setError(errorMessage(err, lang, t('errors.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="verify" aria-labelledby="verify-title" data-testid="verify-voter">
      <h2 id="verify-title">{t('voting.verify.title')}</h2>
      <p className="pub-note">{t('voting.verify.why')}</p>
      {step !== 'code' ? (
        <form onSubmit={(e) => void send(e)}>
          <fieldset className="verify-channel">
            <legend>{t('voting.verify.channel')}</legend>
            {(['email', 'phone'] as const).map((c) => (
              <label key={c}>
                <input
                  type="radio"
                  name="channel"
                  value={c}
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                />{' '}
                {t(`voting.verify.${c}`)}
              </label>
            ))}
          </fieldset>
          <label className="verify-field">
            {t(channel === 'email' ? 'voting.verify.emailLabel' : 'voting.verify.phoneLabel')}
            <input
              data-testid="verify-address"
              type={channel === 'email' ? 'email' : 'tel'}
              inputMode={channel === 'email' ? 'email' : 'tel'}
              autoComplete={channel === 'email' ? 'email' : 'tel'}
              required
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          </label>
          <div className="verify-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={step === 'solving'}
              data-testid="verify-send"
            >
              {step === 'solving' ? t('voting.verify.checking') : t('voting.verify.send')}
            </button>
            <button type="button" className="btn" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
          {step === 'solving' && (
            <p role="status" className="pub-note" data-testid="verify-solving">
              {t('voting.verify.solving')}
            </p>
          )}
        </form>
      ) : (
        <form onSubmit={(e) => void confirm(e)}>
          <p role="status" data-testid="verify-sent">
            {t('voting.verify.sent', { address })}
          </p>
          <label className="verify-field">
            {t('voting.verify.codeLabel')}
            <input
              data-testid="verify-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <div className="verify-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="verify-confirm">
              {t('voting.verify.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setStep('address')}>
              {t('voting.verify.changeAddress')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="pub-error" data-testid="verify-error">
          {error}
        </p>
      )}
    </section>
  );
}
