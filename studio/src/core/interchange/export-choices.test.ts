import { describe, expect, it } from 'vitest';
import {
  documentProblems,
  exportRequest,
  importSizeProblem,
  INITIAL_CHOICE,
  MAX_IMPORT_BYTES,
  procedureHandbookRequest,
  SCOPES,
  withKind,
  type ExportChoice,
} from './export-choices';

const choice = (values: Partial<ExportChoice>): ExportChoice => ({ ...INITIAL_CHOICE, ...values });

describe('the export panel’s selection rules', () => {
  it('offers the selections the API accepts for each format', () => {
    expect(SCOPES.handbook).toEqual(['organisation', 'procedure', 'role']);
    expect(SCOPES.bpmn).toEqual(['workflow', 'process', 'procedure']);
    expect(SCOPES.wif).toEqual(['workflow', 'procedure']);
    expect(SCOPES.model).toEqual(['organisation']);
  });

  it('keeps the scope when the new kind accepts it, else takes the kind’s default', () => {
    const procedure = choice({ scope: 'procedure', procedureId: 'p1' });
    expect(withKind(procedure, 'bpmn').scope).toBe('procedure');
    expect(withKind(procedure, 'model').scope).toBe('organisation');
    expect(withKind(choice({ scope: 'role' }), 'wif').scope).toBe('workflow');
    expect(withKind(choice({ scope: 'organisation' }), 'bpmn').scope).toBe('workflow');
  });

  it('builds the handbook input for the organisation, a procedure or a role, in HTML or Markdown', () => {
    expect(exportRequest('org', choice({}))).toEqual({
      input: { organisationId: 'org', format: 'HANDBOOK_HTML' },
    });
    expect(
      exportRequest('org', choice({ handbookFormat: 'MARKDOWN', scope: 'procedure', procedureId: 'p1' })),
    ).toEqual({ input: { organisationId: 'org', format: 'HANDBOOK_MARKDOWN', procedureId: 'p1' } });
    expect(exportRequest('org', choice({ scope: 'role', roleId: 'r1', procedureId: 'p1' }))).toEqual({
      input: { organisationId: 'org', format: 'HANDBOOK_HTML', roleId: 'r1' },
    });
  });

  it('sends exactly one selection, the one the scope names, and says what is missing', () => {
    const all = { procedureId: 'p1', roleId: 'r1', processKey: 'CHANGE', workflowNumber: 3 } as const;
    expect(exportRequest('org', choice({ kind: 'bpmn', scope: 'process', ...all }))).toEqual({
      input: { organisationId: 'org', format: 'BPMN', processKey: 'CHANGE' },
    });
    expect(exportRequest('org', choice({ kind: 'wif', scope: 'workflow', ...all }))).toEqual({
      input: { organisationId: 'org', format: 'WIF', workflowNumber: 3 },
    });
    expect(exportRequest('org', choice({ kind: 'model', scope: 'procedure', ...all }))).toEqual({
      input: { organisationId: 'org', format: 'MODEL_JSON' },
    });
    expect(exportRequest('org', choice({ kind: 'bpmn', scope: 'workflow' }))).toEqual({
      problem: 'Choose a workflow.',
    });
    expect(exportRequest('org', choice({ kind: 'wif', scope: 'procedure' }))).toEqual({
      problem: 'Choose a procedure.',
    });
    expect(exportRequest('org', choice({ scope: 'role' }))).toEqual({ problem: 'Choose a role.' });
    expect(exportRequest('org', choice({ kind: 'bpmn', scope: 'process' }))).toEqual({
      problem: 'Choose a process.',
    });
    // A scope the kind does not accept falls back to the kind's default.
    expect(exportRequest('org', choice({ kind: 'wif', scope: 'role', workflowNumber: 8 }))).toEqual({
      input: { organisationId: 'org', format: 'WIF', workflowNumber: 8 },
    });
  });

  it('asks for the procedure handbook in HTML', () => {
    expect(procedureHandbookRequest('org', 'p1')).toEqual({
      organisationId: 'org',
      format: 'HANDBOOK_HTML',
      procedureId: 'p1',
    });
  });
});

describe('imports', () => {
  it('refuses empty files and files over 1 MB, pointing model files to the command line', () => {
    expect(importSizeProblem(0, 'model')).toBe('The file is empty.');
    expect(importSizeProblem(MAX_IMPORT_BYTES, 'model')).toBeNull();
    expect(importSizeProblem(2_500_000, 'model')).toContain('pnpm usm import --file');
    expect(importSizeProblem(2_500_000, 'model')).toContain('2.5 MB');
    expect(importSizeProblem(2_500_000, 'wif')).toContain('at most 1 MB');
  });

  it('reads every problem with its JSON path from the error’s extensions', () => {
    expect(
      documentProblems({
        code: 'BAD_USER_INPUT',
        problems: [
          { path: '$.processes[0].key', message: 'must be one of AGREE, …' },
          { path: '$.format-version', message: 'is not supported' },
          { message: 'no path' },
          'junk',
        ],
      }),
    ).toEqual([
      { path: '$.processes[0].key', message: 'must be one of AGREE, …' },
      { path: '$.format-version', message: 'is not supported' },
      { path: '$', message: 'no path' },
    ]);
    expect(documentProblems({ code: 'FORBIDDEN' })).toEqual([]);
    expect(documentProblems(undefined)).toEqual([]);
  });
});
