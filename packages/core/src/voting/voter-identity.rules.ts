/**
 * One voter per real address: emails and phone numbers are normalized before they identify a voter, so
 * `An.Nguyen+x@Gmail.com` and `annguyen@gmail.com`, or `+84 905 123 456` and `0905123456`, are one person.
 */
import { DomainError } from '../errors.js';

export const voterChannels = ['email', 'phone'] as const;
export type VoterChannel = (typeof voterChannels)[number];

// Providers known to ignore dots and treat "+tag" as the same mailbox.
const DOTLESS_PROVIDERS = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG_PROVIDERS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'protonmail.com',
]);

const EMAIL = /^[^\s@]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/;

const invalid = (channel: VoterChannel) =>
  new DomainError(
    'bad_request',
    channel === 'email' ? 'voter_email_invalid' : 'voter_phone_invalid',
    channel === 'email'
      ? { vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' }
      : {
          vi: 'Số điện thoại không hợp lệ (ví dụ 0905 123 456).',
          en: 'The phone number is not valid (e.g. 0905 123 456).',
        },
  );

/** Lower-cased, trimmed; dots and +tags removed where the provider ignores them. Throws when malformed. */
export function normalizeEmail(raw: string): string {
  const email = raw.normalize('NFC').trim().toLowerCase();
  if (!EMAIL.test(email)) throw invalid('email');
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_TAG_PROVIDERS.has(domain)) local = local.split('+')[0] ?? local;
  if (DOTLESS_PROVIDERS.has(domain)) local = local.replaceAll('.', '');
  if (!local) throw invalid('email');
  return `${local}@${domain}`;
}

/**
 * Vietnamese mobile numbers in national form (`0` + 9 digits). Accepts spaces, dots, dashes, brackets and
 * the `+84` / `84` / `0084` prefixes. Throws when malformed.
 */
export function normalizePhone(raw: string): string {
  let digits = raw.trim().replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) throw invalid('phone');
  if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0[35789]\d{8}$/.test(digits)) throw invalid('phone');
  return digits;
}

export function normalizeVoterAddress(channel: VoterChannel, raw: string): string {
  return channel === 'email' ? normalizeEmail(raw) : normalizePhone(raw);
}

/** A small bundled list of throw-away mail domains (a fraud signal, not a refusal). */
export const disposableEmailDomains: ReadonlySet<string> = new Set([
  '10minutemail.com',
  '20minutemail.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'sharklasers.com',
  'mailinator.com',
  'maildrop.cc',
  'yopmail.com',
  'yopmail.net',
  'tempmail.com',
  'temp-mail.org',
  'temp-mail.io',
  'throwawaymail.com',
  'trashmail.com',
  'getnada.com',
  'dispostable.com',
  'fakeinbox.com',
  'mohmal.com',
  'emailondeck.com',
  'mintemail.com',
  'mytemp.email',
  'tempail.com',
  'moakt.com',
  'spamgourmet.com',
  'burnermail.io',
]);

export function emailDomainOf(normalizedEmail: string): string {
  return normalizedEmail.slice(normalizedEmail.lastIndexOf('@') + 1);
}

export function isDisposableEmail(normalizedEmail: string): boolean {
  const domain = emailDomainOf(normalizedEmail);
  for (const d of disposableEmailDomains) if (domain === d || domain.endsWith(`.${d}`)) return true;
  return false;
}

/** Shows enough of an address for a secretary to tell voters apart without exposing it whole. */
export function maskVoterAddress(channel: VoterChannel, normalized: string): string {
  if (channel === 'phone') return `${normalized.slice(0, 4)}***${normalized.slice(-3)}`;
  const at = normalized.lastIndexOf('@');
  const local = normalized.slice(0, at);
  return `${local.slice(0, 2)}***@${normalized.slice(at + 1)}`;
}
