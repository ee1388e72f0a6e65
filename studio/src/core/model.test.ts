import { describe, expect, it } from 'vitest';
import { findActivities, withProcess } from './model';
import { serverModel } from './testing/editor';
import { referenceLikeGateway } from './testing/fake-gateway';

describe('the architecture model', () => {
  it('finds activities by part of their name, names that start with it first, ignoring case and accents', async () => {
    const model = await serverModel(referenceLikeGateway());
    expect(
      findActivities(model, 'deploy').map((match) => `${match.processName}: ${match.activity.name}`),
    ).toEqual(['Change: Deploy', 'Improve: Deploy measure']);
    expect(findActivities(model, 'CLASS').map((match) => match.processName)).toEqual(['Agree', 'Change']);
    expect(findActivities(model, 'rfc')[0]!.activity.name).toBe('Accept RFC');
    expect(findActivities(model, '   ')).toEqual([]);
    expect(findActivities(model, 'ÉVALUATE', 2).map((match) => match.processName)).toEqual([
      'Agree',
      'Change',
    ]);
  });

  it('replaces a process with what the API answered, dropping activities and hand-overs it no longer lists', async () => {
    const gateway = referenceLikeGateway();
    const model = await serverModel(gateway);
    const improve = model.processIdByKey.IMPROVE;
    const next = withProcess(model, {
      id: improve,
      key: 'IMPROVE',
      name: 'Improve',
      purpose: '',
      version: 9,
      activities: [
        { id: 'new-1', name: 'Only step', description: '', position: 1, version: 1, handovers: [] },
      ],
    });
    expect(next.processes[improve]).toMatchObject({ version: 9, activityIds: ['new-1'] });
    expect(
      Object.values(next.handovers).filter((h) => next.activities[h.fromActivityId] === undefined),
    ).toEqual([]);
    expect(Object.keys(next.handovers)).toHaveLength(3);
    expect(model.processes[improve]!.version).toBe(1); // the old model is untouched
  });
});
