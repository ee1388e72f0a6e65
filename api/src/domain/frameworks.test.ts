import { describe, expect, it } from 'vitest';
import { frameworkItem, ISO_20000_CLAUSES, ITIL_PRACTICES } from './frameworks';

describe('framework reference lists', () => {
  it('hold the 34 ITIL 4 practices: 14 general, 17 service, 3 technical, with unique keys', () => {
    expect(ITIL_PRACTICES).toHaveLength(34);
    const count = (group: string) => ITIL_PRACTICES.filter((item) => item.group === group).length;
    expect([count('General'), count('Service'), count('Technical')]).toEqual([14, 17, 3]);
    expect(new Set(ITIL_PRACTICES.map((item) => item.key)).size).toBe(34);
    expect(frameworkItem('ITIL4', 'incident-management')?.title).toBe('Incident management');
    expect(frameworkItem('ITIL4', 'it-asset-management')?.title).toBe('IT asset management');
  });

  it('hold the ISO/IEC 20000-1 clauses with clause 8 in detail, each sub-clause under an existing parent', () => {
    const keys = new Set(ISO_20000_CLAUSES.map((item) => item.key));
    expect(keys.size).toBe(ISO_20000_CLAUSES.length);
    for (const clause of ['4', '5', '6', '7', '8.1', '8.5.1', '8.6.1', '8.7.3', '9', '10'])
      expect(keys).toContain(clause);
    for (const item of ISO_20000_CLAUSES) {
      if (item.group && item.group !== '8') expect(keys, item.key).toContain(item.group);
    }
  });
});
