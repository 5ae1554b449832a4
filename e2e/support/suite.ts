import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startServer, type RunningServer } from './server.js';

export interface AppInBrowser {
  server: RunningServer;
  browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
}

/** Starts the seeded server and a fresh Chromium for the enclosing `describe`, and stops both after it. */
export function useAppInBrowser(opts: Parameters<typeof startServer>[0] = {}): AppInBrowser {
  const ctx = {} as AppInBrowser;
  let closeBrowser: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ctx.server = await startServer(opts);
    const launched = await launchBrowser();
    ctx.browser = launched.browser;
    closeBrowser = () => launched.close();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await ctx.server?.close();
  });
  return ctx;
}

/** Signs a demo account in through the sign-in form. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
}
