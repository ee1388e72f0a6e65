#!/usr/bin/env node
/* global document, performance -- page functions run in the browser; performance is a Node global too */
/**
 * A quick look at the built studio in headless Chromium: signs in, creates an organisation from the USM
 * reference model, edits on the canvas (add, undo, rename, search, a refused hand-over) and keeps a
 * screenshot of each stage. Not the end-to-end suite (that belongs in test/): a developer's smoke check.
 *
 *   STUDIO_URL=http://localhost:4173 USM_EMAIL=… USM_PASSWORD=… node scripts/smoke.mjs [output folder]
 *
 * Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and a running API behind STUDIO_URL.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.STUDIO_URL ?? 'http://localhost:4173';
const email = process.env.USM_EMAIL ?? 'admin@example.org';
const password = process.env.USM_PASSWORD ?? 'admin-password-1';
const out = resolve(process.argv[2] ?? 'node_modules/.cache/studio-smoke');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
const problems = [];
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning')
    problems.push(`${message.type()}: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

async function shot(name) {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  console.log(`  screenshot ${path}`);
}

async function step(name, run) {
  const started = performance.now();
  await run();
  console.log(`✓ ${name} (${Math.round(performance.now() - started)} ms)`);
}

const activities = page.locator('.react-flow__node-activity');

try {
  await step('sign-in page', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'USM Studio' }).waitFor();
    await shot('01-sign-in');
  });

  await step('wrong password is refused', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await shot('02-sign-in-refused');
  });

  await step('sign in', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await shot('03-organisations');
  });

  const name = `Acme IT ${new Date().toISOString().slice(11, 19)}`;
  await step('create an organisation from the USM reference model', async () => {
    await page.getByLabel('Name').fill(name);
    await page.getByText('The USM reference model').click();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.locator('.react-flow__node-process').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-activity').length >= 37);
    await page.waitForTimeout(300);
    const processes = await page.locator('.react-flow__node-process').count();
    const count = await activities.count();
    const edges = await page.locator('.react-flow__edge').count();
    console.log(`  ${processes} processes, ${count} activities, ${edges} hand-overs`);
    if (processes !== 5 || count !== 37) throw new Error('Expected 5 processes and 37 activities');
    await shot('04-canvas');
  });

  await step('add an activity with the keyboard, then undo it', async () => {
    await page.locator('.react-flow__node-activity', { hasText: 'Classify' }).first().click();
    await page.keyboard.press('n');
    await page.getByLabel('Name of the new activity').fill('Check entitlement');
    await shot('05-draft');
    await page.keyboard.press('Enter');
    await page.locator('.react-flow__node-activity', { hasText: 'Check entitlement' }).waitFor();
    await page.getByText('All changes saved').waitFor();
    await shot('06-added');
    await page.keyboard.press('Control+z');
    await page
      .locator('.react-flow__node-activity', { hasText: 'Check entitlement' })
      .waitFor({ state: 'detached' });
    if ((await activities.count()) !== 37) throw new Error('Undo did not remove the activity');
    await page.keyboard.press('Control+Shift+z');
    await page.locator('.react-flow__node-activity', { hasText: 'Check entitlement' }).waitFor();
  });

  await step('rename inline (double-click)', async () => {
    await page.locator('.react-flow__node-activity', { hasText: 'Check entitlement' }).dblclick();
    const input = page.getByLabel('New name for Check entitlement');
    await input.fill('Check the entitlement');
    await input.press('Enter');
    await page.locator('.react-flow__node-activity', { hasText: 'Check the entitlement' }).waitFor();
    await shot('07-renamed');
  });

  await step('search finds and focuses an activity', async () => {
    await page.getByRole('combobox', { name: 'Find an activity' }).fill('update mir');
    await page.getByRole('option').first().waitFor();
    await shot('08-search');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (!focused.includes('Update MIR')) throw new Error(`Focus is on "${focused}"`);
    await shot('09-search-focused');
  });

  await step('a forbidden fork is refused with the reason', async () => {
    await page.getByRole('button', { name: 'Fit view', exact: true }).first().click();
    await page.waitForTimeout(400);
    const source = page.locator('.react-flow__node-activity', { hasText: 'Plan the activities' });
    await source.hover();
    const handle = source.locator('.react-flow__handle');
    const from = await handle.boundingBox();
    const target = await page
      .locator('.react-flow__node-process')
      .filter({ has: page.locator('.process__name', { hasText: /^Change$/ }) })
      .locator('.process__header')
      .boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y - 40, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await page.waitForTimeout(200);
    await shot('10-refused-while-dragging');
    await page.mouse.up();
    await page.getByRole('alert').filter({ hasText: 'Operate forks to nothing' }).waitFor();
    await shot('11-refused');
  });

  await step('drag a step to another place (one move command)', async () => {
    const node = page.locator('.react-flow__node-activity', { hasText: 'Accept RFC' });
    const below = page.locator('.react-flow__node-activity', { hasText: 'Plan & agree' });
    const from = await node.boundingBox();
    const to = await below.boundingBox();
    await page.mouse.move(from.x + 30, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 20, { steps: 4 });
    await page.mouse.move(from.x + 30, to.y + to.height / 2 + 2, { steps: 10 });
    await shot('12-dragging');
    await page.mouse.up();
    await page.getByRole('button', { name: 'Undo: Move “Accept RFC” to place 3' }).waitFor();
    await shot('13-moved');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Redo: Move “Accept RFC” to place 3' }).waitFor();
  });

  await step('connect a fork the rules allow, then undo it', async () => {
    await page.keyboard.press('Escape');
    const edges = await page.locator('.react-flow__edge').count();
    const source = page.locator('.react-flow__node-activity', { hasText: 'Analyse' });
    await source.hover();
    const from = await source.locator('.react-flow__handle').boundingBox();
    const target = await page
      .locator('.react-flow__node-process')
      .filter({ has: page.locator('.process__name', { hasText: /^Change$/ }) })
      .locator('.process__header')
      .boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y - 40, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await shot('14-connecting');
    await page.mouse.up();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.react-flow__edge').length === count + 1,
      edges,
    );
    await shot('15-connected');
    await page.getByRole('button', { name: 'Undo: Add fork from “Analyse” to Change (RFC)' }).waitFor();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (count) => document.querySelectorAll('.react-flow__edge').length === count,
      edges,
    );
  });

  await step('delete a fork step with the Delete key; undo brings it back with its hand-over', async () => {
    const edges = await page.locator('.react-flow__edge').count();
    await page.locator('.react-flow__node-activity', { hasText: /^6Deploy$/ }).click();
    await page.keyboard.press('Delete');
    await page.locator('.react-flow__node-activity', { hasText: /^6Deploy$/ }).waitFor({ state: 'detached' });
    if ((await page.locator('.react-flow__edge').count()) !== edges - 1)
      throw new Error('The fork did not go');
    await page.keyboard.press('Control+z');
    await page.locator('.react-flow__node-activity', { hasText: /^6Deploy$/ }).waitFor();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.react-flow__edge').length === count,
      edges,
    );
  });

  await step('a conflicting edit from another tab is reported, and can be applied again', async () => {
    const other = await context.newPage();
    await other.goto(page.url());
    await other.locator('.react-flow__node-activity', { hasText: 'Negotiate' }).dblclick();
    await other.getByLabel('New name for Negotiate').fill('Negotiate the offer');
    await other.keyboard.press('Enter');
    await other.locator('.react-flow__node-activity', { hasText: 'Negotiate the offer' }).waitFor();
    await other.close();
    await page.locator('.react-flow__node-activity', { hasText: 'Negotiate' }).dblclick();
    await page.getByLabel('New name for Negotiate').fill('Agree on the offer');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'changed by someone else' }).waitFor();
    await shot('16-conflict');
    await page.getByRole('button', { name: 'Reload and apply my edit' }).click();
    await page.locator('.react-flow__node-activity', { hasText: 'Agree on the offer' }).waitFor();
    await page
      .getByRole('button', { name: 'Undo: Rename “Negotiate the offer” to “Agree on the offer”' })
      .waitFor();
  });

  await step('reload keeps the edits', async () => {
    await page.reload();
    await page.locator('.react-flow__node-activity', { hasText: 'Check the entitlement' }).waitFor();
  });

  await step('back to the organisation list', async () => {
    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.locator('.organisation-list').waitFor();
    // Oldest first, 20 a page: later ones come with "Show more" (graphcache merges the pages).
    while (!(await page.getByRole('link', { name }).isVisible())) {
      const more = page.getByRole('button', { name: 'Show more' });
      if (!(await more.isVisible())) throw new Error(`${name} is not listed`);
      const before = await page.locator('.organisation-list li').count();
      await more.click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('.organisation-list li').length > count,
        before,
      );
    }
    await shot('17-organisations-with-one');
  });
  await step('an empty organisation', async () => {
    await page.getByLabel('Name').fill(`${name} (empty)`);
    await page.getByText('Empty', { exact: true }).click();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.locator('.react-flow__node-process').first().waitFor();
    if ((await activities.count()) !== 0) throw new Error('An empty organisation has no activities');
    await page.getByText('No activities yet').first().waitFor();
    await page
      .locator('.react-flow__node-process')
      .filter({ has: page.locator('.process__name', { hasText: /^Agree$/ }) })
      .getByRole('button', { name: '+ Add activity' })
      .click();
    await page.getByLabel('Name of the new activity').fill('Take in the wish');
    await page.keyboard.press('Enter');
    await page.locator('.react-flow__node-activity', { hasText: 'Take in the wish' }).waitFor();
    await shot('18-empty-organisation');
  });

  await step('sign out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
} catch (error) {
  await shot('failure').catch(() => undefined);
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`Console problems:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('No console errors or warnings.');
}
