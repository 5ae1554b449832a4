export * from './vnd.rules.js';
