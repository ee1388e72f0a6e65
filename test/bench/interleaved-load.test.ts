import { describe, expect, it } from 'vitest';
import { runInterleavedLoad } from './bench-api';

/**
 * The full-model-read suite's ratios rest on runInterleavedLoad: every side measured in every round, in a
 * rotated order, and each side's throughput computed from its own requests and time only.
 */
describe('runInterleavedLoad', () => {
  it('rotates the sides each round and counts each side only over its own turns', async () => {
    const calls: string[] = [];
    const side = (name: string, ms: number) => async () => {
      calls.push(name);
      await new Promise((resolve) => setTimeout(resolve, ms));
    };
    const results = await runInterleavedLoad({
      sides: { fast: side('fast', 5), slow: side('slow', 40), middle: side('middle', 15) },
      concurrency: 2,
      rounds: 3,
      requestsPerRound: 4,
      warmUp: 1,
    });

    // One warm-up each, then per round 4 requests of each side, the first side changing every round.
    expect(calls.slice(0, 3)).toEqual(['fast', 'slow', 'middle']);
    const turns = calls.slice(3).filter((name, index, all) => index === 0 || name !== all[index - 1]);
    expect(turns).toEqual(['fast', 'slow', 'middle', 'slow', 'middle', 'fast', 'middle', 'fast', 'slow']);
    for (const name of ['fast', 'slow', 'middle'] as const) {
      expect(results[name].requests).toBe(12);
      expect(results[name].latenciesMs).toHaveLength(12);
      expect(results[name].throughput).toBeCloseTo(12 / results[name].seconds, 6);
    }
    // Timers never fire early, so two 40 ms requests at a time allow at most 50 req/s: the slow side's
    // time was not diluted by the others' turns.
    expect(results.slow.throughput).toBeLessThanOrEqual(51);
    expect(results.slow.medianMs).toBeGreaterThanOrEqual(39);
  });
});
