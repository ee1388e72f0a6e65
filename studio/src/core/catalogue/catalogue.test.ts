import { describe, expect, it } from 'vitest';
import {
  entryNameProblem,
  filterEntries,
  impactSummary,
  inUse,
  roleUsage,
  roleUsageText,
  toolUsage,
  toolUsageText,
} from './catalogue';

const entries = [
  { name: 'Service Desk Agent', description: 'Takes calls' },
  { name: 'Change Manager', description: 'Owns the change calendar' },
  { name: 'Ticketing system', description: '' },
];

describe('filterEntries', () => {
  it('matches name or description, ignoring case and surrounding spaces', () => {
    expect(filterEntries(entries, '  change ').map((entry) => entry.name)).toEqual(['Change Manager']);
    expect(filterEntries(entries, 'CALLS').map((entry) => entry.name)).toEqual(['Service Desk Agent']);
    expect(filterEntries(entries, 'zzz')).toEqual([]);
  });

  it('keeps everything for an empty query', () => {
    expect(filterEntries(entries, '   ')).toEqual(entries);
  });
});

describe('usage', () => {
  it('counts a role’s assignments and the distinct procedures they are in', () => {
    const usage = roleUsage([
      { procedure: { id: 'p1' } },
      { procedure: { id: 'p1' } },
      { procedure: { id: 'p2' } },
    ]);
    expect(usage).toEqual({ assignments: 3, procedures: 2 });
    expect(roleUsageText(usage)).toBe('3 assignments in 2 procedures');
    expect(roleUsageText({ assignments: 1, procedures: 1 })).toBe('1 assignment in 1 procedure');
    expect(roleUsageText(roleUsage([]))).toBe('Not assigned');
  });

  it('counts the work instructions that use each tool, once per instruction', () => {
    const counts = toolUsage([
      {
        workInstructions: [{ tools: [{ id: 't1' }, { id: 't2' }] }, { tools: [{ id: 't1' }, { id: 't1' }] }],
      },
      { workInstructions: [{ tools: [] }, { tools: [{ id: 't2' }] }] },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ t1: 2, t2: 2 });
    expect(toolUsageText(counts.get('t1') ?? 0)).toBe('Used in 2 work instructions');
    expect(toolUsageText(counts.get('t3') ?? 0)).toBe('Not used');
  });
});

describe('impactSummary', () => {
  it('says when nothing depends on the entry', () => {
    const none = { procedures: [], stepCount: 0, workInstructionCount: 0 };
    expect(inUse(none)).toBe(false);
    expect(impactSummary('tool', 'Wiki', none)).toBe(
      'Nothing uses the tool “Wiki”: deleting it affects no procedure.',
    );
  });

  it('names up to three procedures and counts steps and work instructions', () => {
    const impact = {
      procedures: ['Agree', 'Change', 'Recover', 'Operate'].map((name, index) => ({ id: `p${index}`, name })),
      stepCount: 7,
      workInstructionCount: 1,
    };
    expect(inUse(impact)).toBe(true);
    expect(impactSummary('role', 'Change Manager', impact)).toBe(
      'The role “Change Manager” is used by 4 procedures (“Agree”, “Change”, “Recover” and 1 more): ' +
        '7 steps and 1 work instruction. Remove it from them before deleting it.',
    );
  });
});

describe('entryNameProblem', () => {
  it('refuses an empty or overlong name', () => {
    expect(entryNameProblem('role', '  ')).toBe('A role needs a name.');
    expect(entryNameProblem('tool', 'x'.repeat(201))).toBe('A name has at most 200 characters.');
    expect(entryNameProblem('tool', 'Wiki')).toBeNull();
  });
});
