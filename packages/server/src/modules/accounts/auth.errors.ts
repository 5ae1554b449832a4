import { DomainError } from '@clipcontest/core';

export const authErrors = {
  invalidCredentials: () =>
    new DomainError('unauthenticated', 'invalid_credentials', {
      vi: 'Email hoặc mật khẩu không đúng.',
      en: 'The email or password is incorrect.',
    }),
  totpRequired: () =>
    new DomainError('unauthenticated', 'totp_required', {
      vi: 'Nhập mã 6 số từ ứng dụng xác thực của bạn.',
      en: 'Enter the 6-digit code from your authenticator app.',
    }),
  totpInvalid: () =>
    new DomainError('unauthenticated', 'totp_invalid', {
      vi: 'Mã xác thực không đúng hoặc đã hết hạn.',
      en: 'The authentication code is wrong or has expired.',
    }),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'too_many_attempts',
      {
        vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`,
        en: `Too many failed sign-ins. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      },
      { retryAfterSeconds },
    ),
  unauthenticated: () =>
    new DomainError('unauthenticated', 'unauthenticated', {
      vi: 'Bạn cần đăng nhập.',
      en: 'You need to sign in.',
    }),
  csrfInvalid: () =>
    new DomainError('forbidden', 'csrf_invalid', {
      vi: 'Yêu cầu bị từ chối vì thiếu mã bảo vệ (CSRF). Hãy tải lại trang.',
      en: 'The request was refused: its anti-forgery (CSRF) token is missing or wrong. Reload the page.',
    }),
  totpEnrolmentRequired: () =>
    new DomainError('forbidden', 'totp_enrolment_required', {
      vi: 'Bạn cần bật xác thực hai lớp (TOTP) trước khi tiếp tục.',
      en: 'You must set up two-factor authentication (TOTP) before going on.',
    }),
  totpAlreadyEnabled: () =>
    new DomainError('conflict', 'totp_already_enabled', {
      vi: 'Xác thực hai lớp đã được bật.',
      en: 'Two-factor authentication is already on.',
    }),
  totpNotStarted: () =>
    new DomainError('conflict', 'totp_not_started', {
      vi: 'Hãy tạo mã QR trước khi xác nhận.',
      en: 'Start the set-up (QR code) before confirming it.',
    }),
  resetTokenInvalid: () =>
    new DomainError('bad_request', 'reset_token_invalid', {
      vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn.',
      en: 'The password reset link is invalid, used or expired.',
    }),
  forbidden: () =>
    new DomainError('forbidden', 'forbidden', {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to do this.',
    }),
};
