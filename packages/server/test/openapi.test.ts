import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiTypes, WEB_SCHEMA_FILE } from '../src/scripts/openapi.js';

describe('the web client types', () => {
  it('match the server routes (run `npm run gen:api` after changing a route)', async () => {
    expect(await readFile(WEB_SCHEMA_FILE, 'utf8')).toBe(await openApiTypes());
  });
});
