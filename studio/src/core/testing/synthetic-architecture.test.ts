import { describe, expect, it } from 'vitest';
import { layoutArchitecture } from '../layout';
import { modelFromOrganisation } from '../model';
import { mayHandOver } from '../rules';
import { PROCESS_ENTERED_BY } from '../usm';
import { activityCounts, syntheticArchitecture } from './synthetic-architecture';

describe('the synthetic architecture for benchmarks', () => {
  it('spreads n activities over the five processes', () => {
    const counts = activityCounts(2000);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(2000);
    expect(counts.OPERATE).toBeGreaterThan(counts.IMPROVE);
  });

  it('is deterministic and only holds hand-overs the USM rules allow', async () => {
    const one = syntheticArchitecture(500);
    const two = syntheticArchitecture(500);
    const model = modelFromOrganisation((await one.gateway.loadOrganisation(one.gateway.organisationId))!);
    const again = modelFromOrganisation((await two.gateway.loadOrganisation(two.gateway.organisationId))!);
    expect(again).toEqual(model);
    expect(Object.keys(model.activities)).toHaveLength(500);
    expect(Object.keys(model.handovers)).toHaveLength(one.handovers);
    expect(one.handovers).toBeGreaterThan(20);
    for (const handover of Object.values(model.handovers)) {
      const from = model.processes[model.activities[handover.fromActivityId]!.processId]!.key;
      expect(mayHandOver(from, PROCESS_ENTERED_BY[handover.callType], handover.kind).allowed).toBe(true);
    }
    expect(Object.keys(layoutArchitecture(model).activities)).toHaveLength(500);
  });
});
