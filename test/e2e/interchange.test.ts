import { readFileSync } from 'node:fs';
import { type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser';
import { startTestApi, TEST_PASSWORD, type TestApi, type TestUser } from '../support/test-api';

/**
 * Exports, imports, images, coverage and demo organisations in real Chromium against the real API: an
 * architect downloads the handbook of a procedure and BPMN of workflow 3, moves the whole model into a new
 * organisation from the organisations list, saves the canvas as SVG and PNG, maps an ITIL practice and
 * undoes it, then creates a demo organisation and resets it. Needs the built studio (`pnpm build`).
 */
const ARCHITECT = 'interchange-architect@example.org';

let api: TestApi;
let architect: TestUser;
let browser: Browser;
let page: Page;
let organisationUrl = '';
let organisationId = '';
let stepNames: string[] = [];
let modelFile = '';
const consoleErrors: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  architect = await api.createUser(ARCHITECT);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const shot = (name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}interchange-${name}.png`, fullPage: true });
const waitForCanvas = () =>
  page.waitForFunction("document.querySelectorAll('.react-flow__node-activity').length >= 37");

/** Clicks, waits for the download it starts, and answers its file name and saved path. */
async function download(click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [started] = await Promise.all([page.waitForEvent('download'), click()]);
  const file: Download = started;
  const path = await file.path();
  return { name: file.suggestedFilename(), path };
}

const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('exports, imports, images, coverage and demo organisations', { timeout: 120_000 }, () => {
  it('signs in, creates an organisation and derives its Recover procedure', async () => {
    await page.goto(api.url);
    await page.getByLabel('Email').fill(ARCHITECT);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.getByLabel('Name').fill('Interchange Co');
    await page.getByText('The USM reference model').click();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await waitForCanvas();
    organisationUrl = page.url();
    organisationId = decodeURIComponent(organisationUrl.split('/organisations/')[1]!);

    const { deriveProcedure } = await api.queryAs(
      architect,
      `mutation($input: DeriveProcedureInput!) {
        deriveProcedure(input: $input) { id name steps { derivedName } }
      }`,
      { input: { organisationId, processKey: 'RECOVER' } },
    );
    stepNames = deriveProcedure.steps.map((step: { derivedName: string }) => step.derivedName);
    expect(stepNames.length).toBeGreaterThan(3);
  });

  it('saves what the canvas shows as SVG and PNG', async () => {
    const svg = await download(() => page.getByRole('button', { name: 'SVG', exact: true }).click());
    expect(svg.name).toBe('interchange-co-architecture.svg');
    const svgText = readFileSync(svg.path, 'utf8');
    expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svgText).toContain('>Recover</text>');
    expect(svgText.length).toBeGreaterThan(2_000);

    const png = await download(() => page.getByRole('button', { name: 'PNG', exact: true }).click());
    expect(png.name).toBe('interchange-co-architecture.png');
    const pngBytes = readFileSync(png.path);
    expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngBytes.length).toBeGreaterThan(10_000);
    await shot('01-canvas');
  });

  it('downloads the handbook of the procedure as HTML, with its steps', async () => {
    await page.getByRole('link', { name: 'Export & import' }).click();
    await page.getByRole('heading', { name: 'Export & import' }).waitFor();
    await page.getByText('Handbook', { exact: true }).click();
    await page.getByText('HTML (printable)').click();
    await page.getByText('One procedure').click();
    await page.getByLabel('Procedure to export').selectOption({ label: 'Recover' });
    await shot('02-export');
    const handbook = await download(() => page.getByRole('button', { name: 'Download' }).click());
    expect(handbook.name).toMatch(/handbook\.html$/);
    const html = readFileSync(handbook.path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    for (const name of stepNames) expect(html).toContain(htmlText(name));
  });

  it('downloads workflow 3 as BPMN 2.0', async () => {
    await page.getByText('BPMN 2.0', { exact: true }).click();
    await page.getByText('One workflow').click();
    await page.getByLabel('Workflow to export').selectOption('3');
    const bpmn = await download(() => page.getByRole('button', { name: 'Download' }).click());
    expect(bpmn.name).toMatch(/\.bpmn$/);
    const xml = readFileSync(bpmn.path, 'utf8');
    expect(xml).toContain('<bpmn:definitions');
    expect(xml).toContain('bpmndi:BPMNDiagram');
  });

  it('downloads the procedure handbook from the procedure page', async () => {
    await page.getByRole('link', { name: 'Procedures', exact: true }).click();
    await page.getByRole('link', { name: 'Recover', exact: true }).first().click();
    await page.getByRole('button', { name: 'Download handbook' }).waitFor();
    const handbook = await download(() => page.getByRole('button', { name: 'Download handbook' }).click());
    expect(readFileSync(handbook.path, 'utf8')).toContain(htmlText(stepNames[0]!));
  });

  it('downloads the whole model and imports it into a new organisation from the organisations list', async () => {
    await page.getByRole('link', { name: 'Export & import' }).click();
    await page.getByText('Whole model (JSON)').click();
    const model = await download(() => page.getByRole('button', { name: 'Download' }).click());
    expect(model.name).toBe('interchange-co.usm-model.json');
    modelFile = model.path;
    expect(JSON.parse(readFileSync(modelFile, 'utf8')).format).toBe('usm-studio-model');

    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Import a model file' }).waitFor();
    await page.getByLabel('Model document (.json)').setInputFiles(modelFile);
    await page.getByLabel('Title of the new organisation (optional)').fill('Interchange Co (moved)');
    await shot('03-import-model');
    await page.getByRole('button', { name: 'Import model' }).click();
    await waitForCanvas();
    expect(page.url()).not.toBe(organisationUrl);
    await page.getByText('Interchange Co (moved)').first().waitFor();
    await page.getByRole('link', { name: 'Procedures', exact: true }).click();
    await page.getByRole('link', { name: 'Recover', exact: true }).first().waitFor();
    await shot('04-imported');
  });

  it('lists every problem of a refused model file with its JSON path', async () => {
    await page.getByRole('link', { name: 'Organisations' }).click();
    const broken = JSON.parse(readFileSync(modelFile, 'utf8'));
    broken.formatVersion = 99;
    await page.getByLabel('Model document (.json)').setInputFiles({
      name: 'broken.usm-model.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole('button', { name: 'Import model' }).click();
    await page.getByText('The file was refused and nothing was imported').waitFor();
    expect(await page.getByRole('list', { name: 'Problems' }).getByRole('listitem').count()).toBeGreaterThan(
      0,
    );
    await expect(page.getByRole('list', { name: 'Problems' }).textContent()).resolves.toContain('$.');
    await shot('05-refused');
  });

  it('maps an ITIL practice to workflow 3 and undoes it', async () => {
    await page.goto(`${organisationUrl}/coverage`);
    await page.getByRole('heading', { name: 'Coverage', exact: true }).waitFor();
    await page.getByText('not official USM content').waitFor();
    await page.getByTestId('coverage-summary').filter({ hasText: '0 of 34' }).waitFor();
    await page.getByLabel('Practice or clause').selectOption({ label: 'Incident management' });
    const workflow3 = await page
      .getByLabel('Covered by')
      .locator('option', { hasText: /^Workflow 3:/ })
      .getAttribute('value');
    await page.getByLabel('Covered by').selectOption(workflow3!);
    await page
      .getByLabel('Source or rationale (required)')
      .fill('Workflow 3 restores service after incidents.');
    await page.getByRole('button', { name: 'Add mapping' }).click();
    await page.getByTestId('coverage-summary').filter({ hasText: '1 of 34' }).waitFor();
    await page.getByText('Workflow 3 restores service after incidents.').waitFor();
    await shot('06-mapped');

    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByTestId('coverage-summary').filter({ hasText: '0 of 34' }).waitFor();
    await page.getByText('Workflow 3 restores service after incidents.').waitFor({ state: 'detached' });
    const { organisation } = await api.queryAs(
      architect,
      `query($id: ID!) { organisation(id: $id) { coverageMappings { id } } }`,
      { id: organisationId },
    );
    expect(organisation.coverageMappings).toEqual([]);
  });

  it('creates a demo organisation and resets it', async () => {
    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.getByLabel('Name').fill('Classroom demo');
    await page.getByText('Demo (reference model with sample roles, tools and procedures)').click();
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await waitForCanvas();
    const demoId = decodeURIComponent(page.url().split('/organisations/')[1]!);

    // Change it: delete one of the sample procedures.
    const before = await api.queryAs(
      architect,
      `query($id: ID!) { organisation(id: $id) { procedures { id version } } }`,
      { id: demoId },
    );
    const sampleCount = before.organisation.procedures.length;
    expect(sampleCount).toBeGreaterThan(0);
    const first = before.organisation.procedures[0];
    await api.queryAs(architect, `mutation($input: DeleteInput!) { deleteProcedure(input: $input) }`, {
      input: { id: first.id, version: first.version },
    });

    await page.getByRole('button', { name: 'Reset demo' }).click();
    await page.getByRole('alertdialog', { name: 'Reset this demo organisation?' }).waitFor();
    await page.getByText('It cannot be undone.').waitFor();
    await shot('07-reset-confirm');
    await page.getByRole('button', { name: 'Yes, reset the demo' }).click();
    await page.getByText('Demo reset').waitFor();
    await waitForCanvas();
    const after = await api.queryAs(
      architect,
      `query($id: ID!) { organisation(id: $id) { demo procedures { id } } }`,
      { id: demoId },
    );
    expect(after.organisation.demo).toBe(true);
    expect(after.organisation.procedures.length).toBe(sampleCount);
    await shot('08-reset');
  });

  it('showed no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
