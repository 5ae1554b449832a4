import { ensureWebBuild } from '../scripts/web-build.mjs';
import { chromiumPath, SCREENSHOT_DIR } from './support/browser.js';

export default function setup(): void {
  if (!chromiumPath) {
    console.warn('e2e: Chromium not found (apt-get install chromium): browser tests are skipped.');
    return;
  }
  ensureWebBuild();
  console.log(`e2e: screenshots are written to ${SCREENSHOT_DIR}`);
}
