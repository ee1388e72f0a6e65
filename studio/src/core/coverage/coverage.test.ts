import { describe, expect, it } from 'vitest';
import {
  coveredPercent,
  decodeTarget,
  encodeTarget,
  filterLines,
  groupLines,
  mappingProblem,
  targetLabel,
  type ReportLine,
  type ReportMapping,
} from './coverage';

const line = (key: string, group: string | null, covered = false): ReportLine => ({
  covered,
  item: { key, title: key, group },
  mappings: [],
});

describe('coverage grouping', () => {
  it('groups ITIL practices as General, Service and Technical, in reference order', () => {
    const groups = groupLines('ITIL4', [
      line('architecture-management', 'General', true),
      line('incident-management', 'Service'),
      line('knowledge-management', 'General'),
      line('deployment-management', 'Technical', true),
    ]);
    expect(groups.map((group) => [group.title, group.lines.length, group.coveredCount])).toEqual([
      ['General management practices', 2, 1],
      ['Service management practices', 1, 0],
      ['Technical management practices', 1, 1],
    ]);
  });

  it('keeps an ISO top clause with its sub-clauses and gathers lone top clauses', () => {
    const groups = groupLines('ISO20000', [
      line('4', null),
      line('8', null),
      line('8.1', '8'),
      line('8.6', '8'),
      line('8.6.1', '8.6', true),
      line('9', null),
    ]);
    expect(groups.map((group) => [group.title, group.lines.map((l) => l.item.key)])).toEqual([
      ['Clauses', ['4', '9']],
      ['Clause 8', ['8', '8.1', '8.6']],
      ['Clause 8.6', ['8.6.1']],
    ]);
  });

  it('filters to the items not covered, and rounds the percentage', () => {
    const lines = [line('a', null, true), line('b', null), line('c', null)];
    expect(filterLines(lines, true).map((l) => l.item.key)).toEqual(['b', 'c']);
    expect(filterLines(lines, false)).toBe(lines);
    expect(coveredPercent(1, 3)).toBe(33);
    expect(coveredPercent(0, 0)).toBe(0);
  });

  it('names what a mapping points at', () => {
    const base: ReportMapping = { id: 'm', version: 1, rationale: 'r', activity: null, workflow: null };
    expect(
      targetLabel({
        ...base,
        activity: { id: 'a', name: 'Classify', deleted: false, process: { name: 'Recover' } },
      }),
    ).toBe('Activity “Classify” (Recover)');
    expect(
      targetLabel({
        ...base,
        activity: { id: 'a', name: 'Old', deleted: true, process: { name: 'Recover' } },
      }),
    ).toBe('Activity “Old” (Recover) — deleted, covers nothing');
    expect(targetLabel({ ...base, workflow: { id: 'w', number: 3, name: 'Incident' } })).toBe(
      'Workflow 3: Incident',
    );
  });

  it('checks a new mapping: item, target and a rationale are required', () => {
    const target = encodeTarget({ kind: 'workflow', id: 'w3' });
    expect(decodeTarget(target)).toEqual({ kind: 'workflow', id: 'w3' });
    expect(decodeTarget('nonsense')).toBeNull();
    expect(mappingProblem({ itemKey: '', target, rationale: 'x' })).toBe('Choose the practice or clause.');
    expect(mappingProblem({ itemKey: 'k', target: '', rationale: 'x' })).toContain('activity or workflow');
    expect(mappingProblem({ itemKey: 'k', target, rationale: '   ' })).toContain('required');
    expect(mappingProblem({ itemKey: 'k', target, rationale: 'x'.repeat(2001) })).toContain('at most');
    expect(mappingProblem({ itemKey: 'k', target, rationale: 'Our SLA review' })).toBeNull();
  });
});
