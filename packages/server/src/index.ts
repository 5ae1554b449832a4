export { buildApp, type AppOptions } from './app.js';
export { createDeps } from './runtime.js';
export { loadConfig, type AppConfig } from './infra/config/config.js';
