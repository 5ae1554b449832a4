import type { DemoPhase } from '@clipcontest/core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startServer, type RunningServer } from './server.js';

export interface AppInBrowser {
  server: RunningServer;
  browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
}

export interface AppOptions {
  /** Restore the production default (TOTP required for staff) that the demo seed turns off. */
  requireTotp?: boolean;
  /** The demo phase "now" falls in (`voting` by default); `server.retime()` moves it later. */
  phase?: DemoPhase;
}

/** Starts the seeded server and a fresh Chromium for the enclosing `describe`, and stops both after it. */
export function useAppInBrowser(opts: AppOptions = {}): AppInBrowser {
  const ctx = {} as AppInBrowser;
  let closeBrowser: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ctx.server = await startServer({ requireTotp: opts.requireTotp, phase: opts.phase });
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

/** Signs out whoever is signed in (in this browser profile) and signs `email` in, landing on the home page. */
export async function signInAs(page: Page, url: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, url, email);
  await page.waitForURL('**/app');
}
