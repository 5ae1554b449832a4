export * from './voter-identity.rules.js';
export * from './otp.rules.js';
export * from './voting-window.rules.js';
export * from './snapshot.rules.js';
export * from './idempotency.rules.js';
export * from './fraud.rules.js';
export * from './share-limit.rules.js';
