import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiTypes, WEB_SCHEMA_FILE } from './openapi.js';

await writeFile(WEB_SCHEMA_FILE, await openApiTypes());
console.log(`wrote ${fileURLToPath(WEB_SCHEMA_FILE)}`);
