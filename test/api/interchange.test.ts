import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { withoutIds, type ModelDocument } from '@usm/api/src/domain/interchange/model-document';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION } from '../support/operations';
import { DERIVE, READ_PROCEDURE } from '../support/procedures';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
let organisationId: string;
let procedureId: string;

const EXPORT = /* GraphQL */ `
  query ($i: ExportInput!) {
    export(input: $i) {
      fileName
      mediaType
      content
    }
  }
`;
const IMPORT_MODEL = /* GraphQL */ `
  mutation ($i: ImportModelInput!) {
    importModel(input: $i) {
      id
      name
    }
  }
`;
const IMPORT_WIF = /* GraphQL */ `
  mutation ($i: ImportWifInput!) {
    importWif(input: $i) {
      procedure {
        name
        sourceKind
        steps {
          activity {
            name
          }
          responsibilities {
            role {
              name
            }
            raci
          }
        }
      }
      skipped {
        path
        reason
      }
    }
  }
`;

/** A reference organisation with a tool, workflow 3's procedure with letters and a work instruction. */
beforeAll(async () => {
  api = await startTestApi();
  const { createOrganisation } = await api.query(CREATE_ORGANISATION, { name: 'Interchange & Co <b>' });
  organisationId = createOrganisation.id;
  const { createTool } = await api.query(`mutation ($i: CreateToolInput!) { createTool(input: $i) { id } }`, {
    i: { organisationId, name: 'Service desk', description: 'Sample tool' },
  });
  const { deriveProcedure } = await api.query(DERIVE, { input: { organisationId, workflowNumber: 3 } });
  procedureId = deriveProcedure.id;
  const { organisation } = await api.query(
    `query ($id: ID!) { organisation(id: $id) { roles { id name } } }`,
    {
      id: organisationId,
    },
  );
  const operator = organisation.roles.find((role: any) => role.name === 'Operator').id;
  for (const step of deriveProcedure.steps.slice(0, 3)) {
    await api.query(`mutation ($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { id } }`, {
      i: { stepId: step.id, roleId: operator, raci: ['R', 'A'] },
    });
  }
  await api.query(
    `mutation ($i: DeriveWorkInstructionsInput!) { deriveWorkInstructions(input: $i) { id } }`,
    {
      i: { procedureId, toolId: createTool.id },
    },
  );
  const { node } = await api.query(READ_PROCEDURE, { id: procedureId });
  const instruction = node.workInstructions[0];
  await api.query(`mutation ($i: UpdateWorkInstructionInput!) { updateWorkInstruction(input: $i) { id } }`, {
    i: {
      id: instruction.id,
      version: instruction.version,
      text: 'Open the **incident form** & record <who>.',
    },
  });
}, 60_000);
afterAll(() => api?.close());

async function exported(input: Record<string, unknown>) {
  return (await api.query(EXPORT, { i: { organisationId, ...input } })).export as {
    fileName: string;
    mediaType: string;
    content: string;
  };
}

describe('exports through the API', () => {
  it('writes the handbook as printable HTML and as Markdown, escaping user text', async () => {
    const html = await exported({ format: 'HANDBOOK_HTML' });
    expect(html.fileName).toBe('interchange-co-b-handbook.html');
    expect(html.content).toContain('Interchange &amp; Co &lt;b&gt;');
    expect(html.content).toContain('<strong>incident form</strong>');
    expect(html.content).not.toContain('<who>');
    const markdown = await exported({ format: 'HANDBOOK_MARKDOWN', procedureId });
    expect(markdown.mediaType).toBe('text/markdown; charset=utf-8');
    expect(markdown.content).toContain('Operator');
  });

  it('writes BPMN 2.0 for a workflow and USM-WIF for a workflow and a procedure', async () => {
    const bpmn = await exported({ format: 'BPMN', workflowNumber: 3 });
    expect(bpmn.content).toMatch(/^<\?xml[^>]*>\s*<bpmn:definitions/);
    expect(bpmn.content).toContain('<bpmndi:BPMNDiagram');
    const template = JSON.parse((await exported({ format: 'WIF', workflowNumber: 3 })).content);
    expect(template).toMatchObject({ 'format-version': '1.0.0', type: 'workflow-template' });
    const workflow = JSON.parse((await exported({ format: 'WIF', procedureId })).content);
    expect(workflow.type).toBe('workflow');
  });

  it('refuses a selection its format does not take, with the field', async () => {
    const response = await api.request(EXPORT, { i: { organisationId, format: 'BPMN' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});

describe('the whole-model document', () => {
  it('goes export → import → export unchanged apart from its ids', async () => {
    const first = JSON.parse((await exported({ format: 'MODEL_JSON' })).content) as ModelDocument;
    const { importModel } = await api.query(IMPORT_MODEL, { i: { document: JSON.stringify(first) } });
    expect(importModel.name).toBe('Interchange & Co <b>');
    const again = (await api.query(EXPORT, { i: { organisationId: importModel.id, format: 'MODEL_JSON' } }))
      .export;
    const second = JSON.parse(again.content) as ModelDocument;
    expect(JSON.stringify(withoutIds(second), null, 2)).toBe(JSON.stringify(withoutIds(first), null, 2));
    expect(second.procedures[0]!.workInstructions[0]!.text).toContain('incident form');
  });

  it('keeps a step whose activity was deleted (obsolete, on a tombstone) across export and import', async () => {
    const { createOrganisation } = await api.query(CREATE_ORGANISATION, { name: 'Tombstones' });
    const id = createOrganisation.id;
    const { deriveProcedure } = await api.query(DERIVE, {
      input: { organisationId: id, processKey: 'RECOVER' },
    });
    const analyse = deriveProcedure.steps.find((step: any) => step.activity.name === 'Analyse').activity;
    const { node } = await api.query(`query ($id: ID!) { node(id: $id) { ... on Activity { version } } }`, {
      id: analyse.id,
    });
    await api.query(`mutation ($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: analyse.id, version: node.version },
    });
    await api.query(`mutation ($id: ID!) { rederiveProcedure(input: { procedureId: $id }) { id } }`, {
      id: deriveProcedure.id,
    });
    const first = JSON.parse(
      (await api.query(EXPORT, { i: { organisationId: id, format: 'MODEL_JSON' } })).export.content,
    ) as ModelDocument;
    const obsolete = first.procedures[0]!.steps.find((step) => step.name === 'Analyse')!;
    expect(obsolete).toMatchObject({ activityId: null, obsolete: true });
    const { importModel } = await api.query(IMPORT_MODEL, { i: { document: JSON.stringify(first) } });
    const second = JSON.parse(
      (await api.query(EXPORT, { i: { organisationId: importModel.id, format: 'MODEL_JSON' } })).export
        .content,
    ) as ModelDocument;
    expect(withoutIds(second)).toEqual(withoutIds(first));
  });

  it('matches its published JSON Schema (schema/model-document.schema.json)', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/model-document.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const document = JSON.parse((await exported({ format: 'MODEL_JSON' })).content);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    document.procedures[0].steps[0].responsibilities.push({ roleId: 'x', letters: 'AR' });
    expect(validate(document)).toBe(false);
  });

  it('refuses a broken document with every problem and its path, and writes nothing', async () => {
    const document = JSON.parse((await exported({ format: 'MODEL_JSON' })).content) as ModelDocument;
    document.procedures[0]!.steps[0]!.activityId = 'missing';
    document.tools[0]!.name = '';
    const before = (await api.query(`{ organisations { totalCount } }`)).organisations.totalCount;
    const refused = await api.request(IMPORT_MODEL, { i: { document: JSON.stringify(document) } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.problems).toEqual(
      expect.arrayContaining([
        { path: '$.procedures[0].steps[0].activityId', message: expect.any(String) },
        { path: '$.tools[0].name', message: 'must not be empty' },
      ]),
    );
    for (const hostile of [
      '{"format": "usm-studio-model", "formatVers',
      '{"format":"usm-studio-model","formatVersion":9}',
    ]) {
      const response = await api.request(IMPORT_MODEL, { i: { document: hostile } });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await api.query(`{ organisations { totalCount } }`)).organisations.totalCount).toBe(before);
  });

  it('refuses a 50 MB document at the door', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.admin.token}` },
      body: JSON.stringify({
        query: IMPORT_MODEL,
        variables: { i: { document: 'x'.repeat(50 * 1024 * 1024) } },
      }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('USM-WIF import', () => {
  it('turns a procedure exported from one organisation into a procedure of another, letters included', async () => {
    const wif = (await exported({ format: 'WIF', procedureId })).content;
    const { createOrganisation } = await api.query(CREATE_ORGANISATION, { name: 'WIF target' });
    const { importWif } = await api.query(IMPORT_WIF, {
      i: { organisationId: createOrganisation.id, document: wif },
    });
    expect(importWif.skipped.filter((item: any) => !item.reason.startsWith('No tool'))).toEqual([]);
    expect(importWif.procedure.sourceKind).toBe('WORKFLOW');
    expect(importWif.procedure.steps).toHaveLength(22);
    expect(importWif.procedure.steps[0].responsibilities).toEqual([
      { role: { name: 'Operator' }, raci: ['R', 'A'] },
    ]);
  });

  it('reports what matched nothing, and refuses a document that matches nothing', async () => {
    const wif = JSON.parse((await exported({ format: 'WIF', workflowNumber: 5 })).content);
    wif.steps[0].activities[0].name = 'Brew coffee';
    wif['x-unknown-member'] = { ignored: true };
    const { importWif } = await api.query(IMPORT_WIF, {
      i: { organisationId, document: JSON.stringify(wif), name: 'Partly matched' },
    });
    expect(importWif.skipped).toEqual([
      {
        path: '$.steps[0].activities[0]',
        reason: expect.stringContaining('no activity named "Brew coffee"'),
      },
    ]);
    expect(importWif.procedure.steps).toHaveLength(5);
    for (const step of wif.steps) for (const activity of step.activities) activity.name = 'Nothing like it';
    const refused = await api.request(IMPORT_WIF, { i: { organisationId, document: JSON.stringify(wif) } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.document',
    });
    const truncated = await api.request(IMPORT_WIF, {
      i: { organisationId, document: '{"format-version": "1.0' },
    });
    expect(truncated.errors?.[0]?.extensions?.problems?.[0]?.path).toBe('$');
  });
});
