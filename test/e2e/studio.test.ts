import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/test-api';

/**
 * The studio in real Chromium (Debian's, never a downloaded browser) against the real API on PostgreSQL.
 * Needs the built studio (`pnpm build`; CI builds it before the tests). Screenshots of each stage are
 * kept in test/e2e/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const studioBuilt = existsSync(fileURLToPath(new URL('../../studio/dist/index.html', import.meta.url)));
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

let api: TestApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!studioBuilt) throw new Error('Build the studio first: pnpm build');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(screenshots, { recursive: true });
  api = await startTestApi();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const consoleErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: `${screenshots}${name}.png` });
const activities = () => page.locator('.react-flow__node-activity');

describe('the studio', () => {
  it(
    'signs in, creates an organisation from the reference model, edits with undo, and keeps it after a reload',
    { timeout: 90_000 },
    async () => {
      await page.goto(api.url);
      await page.getByLabel('Email').fill(api.admin.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await shot('01-sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Organisations' }).waitFor();
      await shot('02-organisations');

      await page.getByLabel('Name').fill('Studio Co');
      await page.getByText('The USM reference model').click();
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await page.waitForFunction("document.querySelectorAll('.react-flow__node-activity').length >= 37");
      expect(await page.locator('.react-flow__node-process').count()).toBe(5);
      expect(await activities().count()).toBe(37);
      await shot('03-canvas');

      await activities().filter({ hasText: 'Classify' }).first().click();
      await page.keyboard.press('n');
      await page.getByLabel('Name of the new activity').fill('Check entitlement');
      await page.keyboard.press('Enter');
      await activities().filter({ hasText: 'Check entitlement' }).waitFor();
      await page.getByText('All changes saved').waitFor();
      await shot('04-added');
      await page.keyboard.press('Control+z');
      await activities().filter({ hasText: 'Check entitlement' }).waitFor({ state: 'detached' });
      // The undo is a delete on the server; let it finish before reloading.
      await page.waitForLoadState('networkidle');
      await shot('05-undone');

      await page.reload();
      await page.waitForFunction("document.querySelectorAll('.react-flow__node-activity').length >= 37");
      expect(await activities().count()).toBe(37);
      expect(await activities().filter({ hasText: 'Check entitlement' }).count()).toBe(0);
      await shot('06-reloaded');
      expect(consoleErrors).toEqual([]);
    },
  );
});
