import { describe, expect, it } from 'vitest';
import { checkModelDocument } from './model-document-check';
import { toModelDocument, withoutIds, type ModelDocument } from './model-document';
import { referenceSnapshot } from './test-fixtures';

function exported(): ModelDocument {
  return JSON.parse(JSON.stringify(toModelDocument(referenceSnapshot()))) as ModelDocument;
}

function problemsOf(document: unknown) {
  const check = checkModelDocument(document);
  return check.ok ? [] : check.problems;
}

describe('the whole-model document', () => {
  it('is written deterministically and passes its own check', () => {
    const document = exported();
    expect(JSON.stringify(toModelDocument(referenceSnapshot()))).toBe(JSON.stringify(document));
    expect(document).toMatchObject({ format: 'usm-studio-model', formatVersion: 1 });
    expect(document.processes.map((process) => process.key)).toEqual([
      'AGREE',
      'CHANGE',
      'RECOVER',
      'OPERATE',
      'IMPROVE',
    ]);
    expect(problemsOf(document)).toEqual([]);
  });

  it('compares without ids: same model, other ids, same document', () => {
    const document = exported();
    const renamed = JSON.parse(JSON.stringify(document).replaceAll('role-', 'other-role-')) as ModelDocument;
    expect(withoutIds(renamed)).toEqual(withoutIds(document));
    expect(withoutIds(document).roles[0]!.id).toBe('role-1');
  });

  it('refuses another format or version before anything else', () => {
    expect(problemsOf({ ...exported(), formatVersion: 2 })).toEqual([
      { path: '$.formatVersion', message: expect.stringContaining('must be 1') },
    ]);
    expect(problemsOf([])).toEqual([{ path: '$', message: 'must be an object' }]);
  });

  it('reports every broken reference and rule with its JSON path', () => {
    const document = exported();
    const procedure = document.procedures[0]!;
    procedure.steps[0]!.activityId = 'no-such-activity';
    procedure.steps[1]!.responsibilities = [
      { roleId: document.roles[0]!.id, letters: 'RA' },
      { roleId: document.roles[1]!.id, letters: 'A' },
    ];
    procedure.workInstructions[0]!.toolIds = ['no-such-tool'];
    document.roles[1]!.name = document.roles[0]!.name.toUpperCase();
    document.processes[3]!.activities[0]!.handovers = [{ callType: 'RFC', kind: 'FORK' }];
    document.processes[0]!.activities[0]!.name = 'x'.repeat(201);

    const paths = problemsOf(document).map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.procedures[0].steps[0].activityId',
        '$.procedures[0].steps[1].responsibilities',
        '$.procedures[0].workInstructions[0].toolIds[0]',
        '$.roles[1].name',
        '$.processes[3].activities[0].handovers[0]',
        '$.processes[0].activities[0].name',
      ]),
    );
    expect(
      problemsOf(document).find((problem) => problem.path === '$.processes[3].activities[0].handovers[0]'),
    ).toMatchObject({ message: expect.stringContaining('Operate forks to nothing') });
  });

  it('accepts a deleted activity only on an obsolete step', () => {
    const document = exported();
    const step = document.procedures[0]!.steps[0]!;
    step.activityId = null;
    expect(problemsOf(document).map((problem) => problem.path)).toEqual([
      '$.procedures[0].steps[0].obsolete',
    ]);
    step.obsolete = true;
    expect(problemsOf(document)).toEqual([]);
  });

  it('caps what it reads: a huge list is one problem, not a long walk', () => {
    const document = exported();
    (document as unknown as { roles: unknown[] }).roles = Array.from({ length: 20_000 }, (_, index) => ({
      id: `r${index}`,
      name: `R${index}`,
      description: '',
    }));
    expect(problemsOf(document)[0]).toEqual({
      path: '$.roles',
      message: expect.stringContaining('at most 10000'),
    });
  });
});
