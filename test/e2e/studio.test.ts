import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/test-api';

/**
 * The studio in real Chromium (Debian's, never a downloaded browser) against the real API on PostgreSQL,
 * walked the way an architect works: a user the administrator created signs in, creates an organisation
 * from the reference model, edits the architecture with undo, looks at a workflow, derives the Recover
 * procedure, assigns roles in its RACI matrix, writes a work instruction with a tool, reloads, and finds
 * everything saved. Needs the built studio (`pnpm build`; CI builds it first). Screenshots of each stage
 * are kept in test/e2e/screenshots/ as artefacts.
 */
const screenshots = SCREENSHOTS;
const ARCHITECT = 'architect@example.org';

let api: TestApi;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  await api.createUser(ARCHITECT);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const shot = (name: string) => page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
const activities = () => page.locator('.react-flow__node-activity');
const waitForCanvas = () =>
  page.waitForFunction("document.querySelectorAll('.react-flow__node-activity').length >= 37");
const saved = () => page.getByText('All changes saved').waitFor();
const TOOL = 'Service desk suite';
/** The role given R and A on the first step (the first one the matrix offers). */
let assignedRole = '';
const INSTRUCTION = 'Open the **incident form** and record the caller.';

describe('the studio, walked end to end', { timeout: 120_000 }, () => {
  it('signs in as a user the administrator created and creates an organisation from the reference model', async () => {
    await page.goto(api.url);
    await page.getByLabel('Email').fill(ARCHITECT);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await shot('02-organisations');

    await page.getByLabel('Name').fill('Studio Co');
    await page.getByText('The USM reference model').click();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await waitForCanvas();
    expect(await page.locator('.react-flow__node-process').count()).toBe(5);
    expect(await activities().count()).toBe(37);
    await shot('03-canvas');
  });

  it('adds an activity and undoes it', async () => {
    await activities().filter({ hasText: 'Classify' }).first().click();
    await page.keyboard.press('n');
    await page.getByLabel('Name of the new activity').fill('Check entitlement');
    await page.keyboard.press('Enter');
    await activities().filter({ hasText: 'Check entitlement' }).waitFor();
    await saved();
    await shot('04-added');
    await page.keyboard.press('Control+z');
    await activities().filter({ hasText: 'Check entitlement' }).waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    expect(await activities().count()).toBe(37);
    await shot('05-undone');
  });

  it('selects workflow 3 and sees its 22 steps highlighted', async () => {
    await page.getByRole('button', { name: /^3 Incident with a change/ }).click();
    await expect.poll(() => page.getByTestId('workflow-step-count').textContent()).toBe('22');
    expect(
      await page.getByRole('region', { name: 'Steps of workflow 3' }).getByRole('listitem').count(),
    ).toBe(22);
    // Each visited activity carries its step number on the canvas.
    expect(await page.locator('.activity.is-on-path').count()).toBeGreaterThan(0);
    await shot('06-workflow-3');
  });

  it('creates a tool in the roles and tools view', async () => {
    await page.getByRole('link', { name: 'Roles and tools' }).click();
    await createTool(TOOL);
    await shot('07-roles-and-tools');
  });

  it('derives the Recover procedure and assigns roles in its RACI matrix', async () => {
    await page.getByRole('link', { name: 'Procedures' }).click();
    await page.getByRole('heading', { name: 'Derive a procedure' }).waitFor();
    await page.getByLabel('Source').selectOption('process:RECOVER');
    await page.getByRole('button', { name: 'Derive procedure' }).click();
    await page.getByTestId('proc-source').waitFor();
    await page.getByRole('region', { name: 'Swimlanes' }).waitFor();
    await shot('08-procedure-swimlanes');

    await page.getByRole('radio', { name: 'RACI matrix' }).check({ force: true });
    // A fresh procedure has no role columns: add the Recover specialists' role, then give it R and A.
    const roleToAdd = page.getByLabel('Add a role column');
    assignedRole = (await roleToAdd.locator('option:not([value=""])').first().textContent())!;
    await roleToAdd.selectOption({ label: assignedRole });
    await page.getByRole('button', { name: 'Add column' }).click();
    const cell = page.getByLabel(`Responsibility of ${assignedRole} for Accept incident`);
    await cell.waitFor();
    await cell.selectOption('RA');
    await saved();
    await expect.poll(() => cell.inputValue()).toBe('RA');
    await shot('09-raci-matrix');

    await page.getByRole('radio', { name: 'Swimlanes' }).check({ force: true });
    const lanes = page.getByTestId('proc-lane');
    await expect.poll(() => lanes.count()).toBeGreaterThanOrEqual(2);
    await shot('10-swimlanes-with-roles');
  });

  it('writes a work instruction with a tool', async () => {
    await page.getByRole('link', { name: 'Work instructions' }).click();
    await page.getByRole('button', { name: 'Derive work instructions' }).click();
    const instruction = page.getByRole('article', { name: /^Work instruction: .+ on Accept incident$/ });
    await instruction.waitFor();
    await instruction.getByRole('checkbox', { name: TOOL }).check();
    await instruction.getByLabel('Instruction text (Markdown)').fill(INSTRUCTION);
    await instruction.getByRole('button', { name: 'Save' }).click();
    await saved();
    await instruction.locator('strong', { hasText: 'incident form' }).waitFor();
    await shot('11-work-instruction');
  });

  it('finds everything saved after a reload', async () => {
    await page.reload();
    const instruction = page.getByRole('article', { name: /^Work instruction: .+ on Accept incident$/ });
    await instruction.waitFor();
    expect(await instruction.getByLabel('Instruction text (Markdown)').inputValue()).toBe(INSTRUCTION);
    expect(await instruction.getByRole('checkbox', { name: TOOL }).isChecked()).toBe(true);
    await shot('12-reloaded-instructions');

    await page.getByRole('link', { name: '← Back to the procedure' }).click();
    await page.getByRole('radio', { name: 'RACI matrix' }).check({ force: true });
    const cell = page.getByLabel(`Responsibility of ${assignedRole} for Accept incident`);
    await expect.poll(() => cell.inputValue()).toBe('RA');
    await shot('13-reloaded-matrix');

    await page.getByRole('link', { name: 'Architecture' }).click();
    await waitForCanvas();
    expect(await activities().count()).toBe(37);
    expect(await activities().filter({ hasText: 'Check entitlement' }).count()).toBe(0);
    await shot('14-reloaded-canvas');
    expect(consoleErrors).toEqual([]);
  });
});

/** Through the roles and tools view. */
async function createTool(name: string): Promise<void> {
  const tools = page.getByRole('region', { name: 'Tools' });
  await tools.getByRole('button', { name: 'New tool' }).click();
  await tools.getByLabel('New tool name').fill(name);
  await tools.getByLabel('New tool description').fill('Where incidents and requests are recorded.');
  await tools.getByRole('button', { name: 'Create tool' }).click();
  await saved();
  await tools.getByTestId('tool-item').filter({ hasText: name }).waitFor();
}
