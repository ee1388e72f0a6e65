/**
 * A large, deterministic process architecture for benchmarks: n activities spread over the five processes
 * (Operate and Change hold the most, as in real service organisations), and about one hand-over in ten
 * activities, each one the USM rules allow (forks only to the processes a process may fork to, spawns
 * anywhere). Same seed and size, same names, ids and hand-overs. It fills the in-memory FakeGateway, so
 * the real store and canvas can be measured without the API.
 */
import { mayHandOver } from '../rules';
import { CALL_TYPE_ENTERING, PROCESS_KEYS, PROCESS_NAMES, type HandoverKind, type ProcessKey } from '../usm';
import { FakeGateway } from './fake-gateway';

/** Share of the activities each process holds. */
const SHARES: Readonly<Record<ProcessKey, number>> = {
  IMPROVE: 0.1,
  AGREE: 0.15,
  RECOVER: 0.2,
  CHANGE: 0.25,
  OPERATE: 0.3,
};

const HANDOVER_SHARE = 0.1;
const SPAWN_SHARE = 0.3;

const VERBS = [
  'Register',
  'Classify',
  'Assess',
  'Plan',
  'Approve',
  'Build',
  'Test',
  'Deploy',
  'Verify',
  'Close',
];
const OBJECTS = ['the request', 'the change', 'the incident', 'the service', 'the measure', 'the report'];
const DETAILS = [
  '',
  ' with the customer',
  ' against the agreement',
  ' for the next release',
  ' and record it',
];

export interface SyntheticArchitecture {
  gateway: FakeGateway;
  activities: number;
  handovers: number;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of n activities each process gets (the shares, rounded; Operate takes the remainder). */
export function activityCounts(n: number): Record<ProcessKey, number> {
  const counts = {} as Record<ProcessKey, number>;
  let given = 0;
  for (const key of PROCESS_KEYS) {
    if (key === 'OPERATE') continue;
    counts[key] = Math.round(n * SHARES[key]);
    given += counts[key];
  }
  counts.OPERATE = Math.max(0, n - given);
  return counts;
}

export function syntheticArchitecture(n: number, seed = 42): SyntheticArchitecture {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const counts = activityCounts(n);
  const names: Partial<Record<ProcessKey, string[]>> = {};
  for (const key of PROCESS_KEYS) {
    names[key] = Array.from(
      { length: counts[key] },
      (_, index) => `${pick(VERBS)} ${pick(OBJECTS)}${pick(DETAILS)} (${PROCESS_NAMES[key]} ${index + 1})`,
    );
  }
  const gateway = new FakeGateway(names);
  const keyOf = new Map([...gateway.processes.values()].map((process) => [process.id, process.key]));
  let handovers = 0;
  for (const activity of gateway.activities.values()) {
    if (random() >= HANDOVER_SHARE) continue;
    const from = keyOf.get(activity.processId)!;
    const kind: HandoverKind = random() < SPAWN_SHARE ? 'SPAWN' : 'FORK';
    const targets = PROCESS_KEYS.filter((target) => mayHandOver(from, target, kind).allowed);
    if (targets.length === 0) continue;
    gateway.seedHandover(activity.id, CALL_TYPE_ENTERING[pick(targets)], kind);
    handovers += 1;
  }
  return { gateway, activities: n, handovers };
}
