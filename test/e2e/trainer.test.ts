import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type TestApi, type TestUser } from '../support/test-api';

/**
 * Trainer mode in real Chromium against the real API: a trainer walks each of the eight workflows to the
 * end (the visited steps are the API's expansion), runs the derivation walkthrough of the Recover procedure
 * forward and back, presents it with the keyboard, and shares a presentation that a signed-out trainee
 * follows — live over the WebSocket and, with ?transport=poll, by polling — until the trainer ends it.
 * The organisation, its procedure, roles, tools and instructions are made over the API beforehand. Needs
 * the built studio (`pnpm build`). Screenshots go to test/e2e/screenshots/trainer-*.png.
 */
const screenshots = SCREENSHOTS;
const TRAINER = 'trainer@example.org';
const STEP_COUNTS = [23, 15, 22, 13, 6, 30, 22, 13];
const INSTRUCTION = 'Open the **incident form** and record the caller and what is not working.';

let api: TestApi;
let browser: Browser;
let page: Page;
let user: TestUser;
let organisationId = '';
let procedureId = '';
/** The activity names of each workflow's expanded path, as the API answers them. */
let expansions = new Map<number, string[]>();
const consoleErrors: string[] = [];

function watch(target: Page, who: string): void {
  target.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${who}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`${who}: ${error.message}`));
}

const as = <T = any>(query: string, variables?: Record<string, unknown>) =>
  api.queryAs<T>(user, query, variables);

beforeAll(async () => {
  api = await startTestApi();
  user = await api.createUser(TRAINER);

  // The model: an organisation from the reference model (the user is its owner), the Recover procedure with
  // two roles, a tool, and work instructions (one with a text).
  const { createOrganisation } = await as(
    `mutation { createOrganisation(input: { name: "Classroom Co" }) { id } }`,
  );
  organisationId = createOrganisation.id;
  const { deriveProcedure } = await as(
    `mutation($o: ID!) { deriveProcedure(input: { organisationId: $o, processKey: RECOVER }) { id steps { id } } }`,
    { o: organisationId },
  );
  procedureId = deriveProcedure.id;
  const role = async (name: string) =>
    (
      await as(
        `mutation($o: ID!, $n: String!) { createRole(input: { organisationId: $o, name: $n }) { id } }`,
        {
          o: organisationId,
          n: name,
        },
      )
    ).createRole.id as string;
  const manager = await role('Incident manager');
  const specialist = await role('Recovery specialist');
  const { createTool } = await as(
    `mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Service desk suite" }) { id } }`,
    { o: organisationId },
  );
  const steps = deriveProcedure.steps as { id: string }[];
  for (const [index, step] of steps.entries()) {
    await as(
      `mutation($s: ID!, $r: ID!) { assignResponsibility(input: { stepId: $s, roleId: $r, raci: [R, A] }) { id } }`,
      { s: step.id, r: index % 2 === 0 ? manager : specialist },
    );
  }
  const { deriveWorkInstructions } = await as(
    `mutation($p: ID!, $t: ID) { deriveWorkInstructions(input: { procedureId: $p, toolId: $t }) {
       steps { workInstructions { id version } } } }`,
    { p: procedureId, t: createTool.id },
  );
  const first = deriveWorkInstructions.steps[0].workInstructions[0];
  await as(
    `mutation($i: ID!, $v: Int!, $t: String!) { updateWorkInstruction(input: { id: $i, version: $v, text: $t }) { id } }`,
    { i: first.id, v: first.version, t: INSTRUCTION },
  );

  const { organisation } = await as(
    `query($o: ID!) { organisation(id: $o) { workflows { number steps { activity { name } } } } }`,
    { o: organisationId },
  );
  expansions = new Map(
    organisation.workflows.map((workflow: { number: number; steps: { activity: { name: string } }[] }) => [
      workflow.number,
      workflow.steps.map((step) => step.activity.name),
    ]),
  );

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  watch(page, 'trainer');
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const shot = (target: Page, name: string) =>
  target.screenshot({ path: `${screenshots}trainer-${name}.png`, fullPage: true });
const stepPosition = (target: Page) => target.getByTestId('trainer-step-position').textContent();
const walkPath = (number: number) =>
  `${api.url}/organisations/${organisationId}/walkthrough/workflow/${number}`;
const derivationPath = `/organisations/__ORG__/walkthrough/derivation/__PROC__`;

describe('trainer mode, walked end to end', { timeout: 180_000 }, () => {
  it('has the eight workflows of the reference model, with their expanded lengths', () => {
    expect([...expansions.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((number) => expansions.get(number)!.length)).toEqual(STEP_COUNTS);
  });

  it('signs in and finds the walkthroughs', async () => {
    await page.goto(api.url);
    await page.getByLabel('Email').fill(TRAINER);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.goto(`${api.url}/organisations/${organisationId}`);
    await page.getByRole('link', { name: 'Walkthrough' }).click();
    await page.getByRole('heading', { name: 'Walkthroughs' }).waitFor();
    expect(await page.getByRole('link', { name: /^Workflow \d: / }).count()).toBe(8);
    await page.getByRole('link', { name: 'Derivation of Recover' }).waitFor();
    await shot(page, '01-index');
  });

  it('walks each of the eight workflows to the end along the API’s expansion', async () => {
    await page.getByRole('link', { name: /^Workflow 1: / }).click();
    for (const number of [1, 2, 3, 4, 5, 6, 7, 8]) {
      if (number > 1) await page.getByLabel('Workflow', { exact: true }).selectOption(String(number));
      await expect
        .poll(() => page.getByTestId('trainer-step-total').textContent())
        .toBe(String(STEP_COUNTS[number - 1]));
      await expect.poll(() => stepPosition(page)).toBe('1');
      const visited: string[] = [];
      const transitions: string[] = [];
      for (let step = 1; ; step += 1) {
        visited.push((await page.getByTestId('trainer-step-activity').textContent())!);
        const transition = page.getByTestId('trainer-transition');
        if (await transition.count()) transitions.push((await transition.textContent())!);
        if (number === 3 && step === 6) {
          await page.waitForTimeout(700);
          await shot(page, '02-workflow-3-fork');
        }
        const next = page.getByRole('button', { name: 'Next step' });
        if (await next.isDisabled()) break;
        await next.click();
        await expect.poll(() => stepPosition(page)).toBe(String(step + 1));
      }
      expect(visited).toEqual(expansions.get(number));
      await expect
        .poll(() => page.getByTestId('trainer-next').textContent())
        .toContain('the workflow is complete');
      if (number === 3) {
        await page.waitForTimeout(700);
        // Recover calls Change by an RFC, Change calls Operate; each returns to its caller's next step.
        expect(transitions.some((text) => text.includes('RFC to Change'))).toBe(true);
        expect(transitions.some((text) => text.includes('back to Recover: '))).toBe(true);
        await shot(page, '03-workflow-3-end');
      }
    }
    // Previous goes back one step, and the address keeps the step.
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect.poll(() => stepPosition(page)).toBe('12');
    expect(new URL(page.url()).search).toBe('?step=12');
  });

  it('plays a workflow by itself and pauses', async () => {
    await page.goto(`${walkPath(5)}?step=1`);
    await page.getByTestId('trainer-step-activity').waitFor();
    await page.getByLabel('Speed').selectOption({ label: 'Fast' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => stepPosition(page), { timeout: 10_000 }).toBe('3');
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await stepPosition(page);
    await page.waitForTimeout(1500);
    expect(await stepPosition(page)).toBe(paused);
  });

  it('runs the derivation walkthrough forward and back: WHAT, WHO, HOW', async () => {
    await page.goto(
      `${api.url}${derivationPath.replace('__ORG__', organisationId).replace('__PROC__', procedureId)}`,
    );
    const title = page.getByTestId('trainer-stage-title');
    const lanes = page.getByTestId('trainer-lane');
    const letters = page.getByTestId('trainer-letters');
    const how = page.getByTestId('trainer-how');
    await expect.poll(() => title.textContent()).toBe('Stage 1 · WHAT: the steps');
    expect(await page.getByTestId('trainer-card').count()).toBe(7);
    expect(await lanes.count()).toBe(0);
    expect(await letters.count()).toBe(0);
    await shot(page, '04-derivation-what');

    await page.getByRole('button', { name: 'Next stage →' }).click();
    await expect.poll(() => title.textContent()).toBe('Stage 2 · WHO: roles and swimlanes');
    expect(await lanes.count()).toBe(2);
    await page.getByRole('group', { name: 'Lane: Incident manager' }).waitFor();
    expect(await letters.count()).toBe(7);
    expect(await how.count()).toBe(0);
    await page.waitForTimeout(700);
    await shot(page, '05-derivation-who');

    await page.getByRole('button', { name: 'Next stage →' }).click();
    await expect.poll(() => title.textContent()).toBe('Stage 3 · HOW: tools and instructions');
    await expect.poll(() => how.count()).toBe(7);
    await page.getByText('Open the incident form and record the caller').waitFor();
    await page.waitForTimeout(700);
    await shot(page, '06-derivation-how');

    await page.getByRole('button', { name: '← Previous stage' }).click();
    await expect.poll(() => title.textContent()).toBe('Stage 2 · WHO: roles and swimlanes');
    expect(await how.count()).toBe(0);
    await page.getByRole('button', { name: '← Previous stage' }).click();
    await expect.poll(() => title.textContent()).toBe('Stage 1 · WHAT: the steps');
    expect(await lanes.count()).toBe(0);
    expect(await letters.count()).toBe(0);
  });

  it('presents full screen, driven by the keyboard, without the editing chrome', async () => {
    await page.getByRole('button', { name: 'Present' }).click();
    const presentation = page.getByRole('region', { name: 'Presentation: Derivation of Recover' });
    await presentation.waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('trainer-stage-title').textContent()).toContain('Stage 2');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('trainer-stage-title').textContent()).toContain('Stage 3');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('trainer-stage-title').textContent()).toContain('Stage 2');
    // The presentation covers the header, the tabs and the undo buttons: what is there is the presentation.
    for (const selector of ['.view-tabs', 'header']) {
      const covered = await page.evaluate((css) => {
        // In the page (the test's own types have no DOM).
        const document = (globalThis as any).document;
        const element = document.querySelector(css);
        if (!element) return false;
        const rect = element.getBoundingClientRect();
        const top = document.elementFromPoint(rect.left + 20, rect.top + rect.height / 2);
        return !!top?.closest('.trainer-frame.is-presenting');
      }, selector);
      expect(covered).toBe(true);
    }
    const box = await presentation.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440 });
    await page.waitForTimeout(700);
    await shot(page, '07-presenting');
    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Present' }).waitFor();
  });

  it('shares workflow 3 with the class: a signed-out trainee follows live, another by polling', async () => {
    await page.goto(`${walkPath(3)}?step=1`);
    await page.getByTestId('trainer-step-activity').waitFor();
    await page.getByRole('button', { name: 'Share with the class' }).click();
    const link = await page.getByTestId('trainer-share-link').inputValue();
    expect(link).toMatch(new RegExp(`^${api.url}/present/.+`));

    const contexts: BrowserContext[] = [];
    const trainees: Page[] = [];
    for (const [who, url] of [
      ['live trainee', link],
      ['polling trainee', `${link}?transport=poll`],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const trainee = await context.newPage();
      watch(trainee, who);
      await trainee.goto(url);
      await trainee.getByTestId('trainer-step-activity').waitFor();
      expect(await stepPosition(trainee)).toBe('1');
      contexts.push(context);
      trainees.push(trainee);
    }
    const [live, polling] = trainees as [Page, Page];
    await expect.poll(() => live.getByTestId('trainer-follow-status').textContent()).toBe('Following live');
    expect(await polling.getByTestId('trainer-follow-status').textContent()).toBe(
      'Following (checking every 2 s)',
    );
    // The trainee reads without an account: no sign-in form, no editing.
    expect(await live.getByLabel('Password').count()).toBe(0);
    expect(await live.getByRole('button', { name: '+ Add activity' }).count()).toBe(0);

    for (const target of ['2', '6', '5']) {
      if (target === '5') await page.getByRole('button', { name: 'Previous step' }).click();
      else {
        while ((await stepPosition(page)) !== target)
          await page.getByRole('button', { name: 'Next step' }).click();
      }
      await expect.poll(() => stepPosition(page)).toBe(target);
      const activity = await page.getByTestId('trainer-step-activity').textContent();
      for (const trainee of trainees) {
        await expect.poll(() => stepPosition(trainee), { timeout: 10_000 }).toBe(target);
        expect(await trainee.getByTestId('trainer-step-activity').textContent()).toBe(activity);
      }
    }
    await shot(page, '08-trainer-sharing');
    await live.waitForTimeout(700);
    await shot(live, '09-trainee-live');
    await shot(polling, '10-trainee-polling');

    // The trainer moves on to the derivation: the class follows there too.
    await page.goto(
      `${api.url}${derivationPath.replace('__ORG__', organisationId).replace('__PROC__', procedureId)}?stage=2`,
    );
    await page.getByTestId('trainer-stage-title').waitFor();
    await page.getByRole('button', { name: 'Share with the class' }).click();
    const second = await page.getByTestId('trainer-share-link').inputValue();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const derivationTrainee = await context.newPage();
    watch(derivationTrainee, 'derivation trainee');
    contexts.push(context);
    await derivationTrainee.goto(second);
    await expect
      .poll(() => derivationTrainee.getByTestId('trainer-stage-title').textContent())
      .toContain('Stage 2');
    await page.getByRole('button', { name: 'Next stage →' }).click();
    await expect
      .poll(() => derivationTrainee.getByTestId('trainer-stage-title').textContent(), { timeout: 10_000 })
      .toContain('Stage 3');
    await shot(derivationTrainee, '11-trainee-derivation');

    // Ending stops the link: every trainee is told.
    await page.getByRole('button', { name: 'End' }).click();
    await page.getByRole('button', { name: 'Share with the class' }).waitFor();
    await derivationTrainee
      .getByRole('heading', { name: 'The presentation has ended' })
      .waitFor({ timeout: 10_000 });
    await shot(derivationTrainee, '12-trainee-ended');
    for (const open of contexts) await open.close();
    expect(consoleErrors).toEqual([]);
  });
});
