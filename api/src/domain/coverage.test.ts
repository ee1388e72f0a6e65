import { describe, expect, it } from 'vitest';
import { coverageReport, validMapping } from './coverage';
import { BadUserInputError } from './errors';

describe('a coverage report', () => {
  it('lists every item, covered when a live activity or a workflow is mapped to it', () => {
    const report = coverageReport('ITIL4', [
      { id: 'm1', itemKey: 'incident-management', live: true },
      { id: 'm2', itemKey: 'problem-management', live: false },
      { id: 'm3', itemKey: 'incident-management', live: true },
    ]);
    expect(report.totalCount).toBe(34);
    expect(report.coveredCount).toBe(1);
    const incident = report.lines.find((line) => line.item.key === 'incident-management')!;
    expect(incident).toMatchObject({ covered: true });
    expect(incident.mappings.map((mapping) => mapping.id)).toEqual(['m1', 'm3']);
    // A mapping to a deleted activity is kept, but covers nothing.
    expect(report.lines.find((line) => line.item.key === 'problem-management')).toMatchObject({
      covered: false,
      mappings: [{ id: 'm2' }],
    });
  });
});

describe('a new mapping', () => {
  it('needs a known item and a rationale', () => {
    expect(validMapping('ISO20000', '8.6.1', '  Recover handles incidents. ')).toMatchObject({
      item: { title: 'Incident management' },
      rationale: 'Recover handles incidents.',
    });
    expect(() => validMapping('ISO20000', '8.9', 'x')).toThrow(BadUserInputError);
    expect(() => validMapping('ITIL4', 'incident-management', '   ')).toThrow('source or rationale');
    expect(() => validMapping('ITIL4', 'incident-management', 'x'.repeat(2001))).toThrow('at most 2000');
  });
});
