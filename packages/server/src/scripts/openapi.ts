import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../app.js';
import { loadConfig } from '../infra/config/config.js';
import { createDeps } from '../runtime.js';

/** The OpenAPI document the routes describe, from an app on a throwaway in-memory database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const deps = await createDeps(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      MEDIA_DIR: join(tmpdir(), 'clipcontest-openapi-media'),
      UPLOAD_DIR: join(tmpdir(), 'clipcontest-openapi-uploads'),
    }),
    {
      log: pino({ level: 'silent' }),
    },
  );
  const app = await buildApp(deps);
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await deps.close();
  return doc;
}

/** The web client's types, generated from that document (never written by hand). */
export async function openApiTypes(): Promise<string> {
  const ast = await openapiTS(
    JSON.parse(JSON.stringify(await openApiDocument())) as Parameters<typeof openapiTS>[0],
  );
  return `// Generated from the server's OpenAPI document by \`npm run gen:api\`. Do not edit.\n${astToString(ast)}`;
}

export const WEB_SCHEMA_FILE = new URL('../../../web/src/api/generated/schema.d.ts', import.meta.url);
