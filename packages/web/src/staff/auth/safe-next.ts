/** Only same-site paths are followed after sign-in (never `//evil.example`). */
export function safeNext(value: string | null): string {
  if (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  return '/app';
}
