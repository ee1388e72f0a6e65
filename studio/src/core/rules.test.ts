import { describe, expect, it } from 'vitest';
import { modelFromOrganisation } from './model';
import { ALLOWED_FORK_TARGETS, forkRule, mayConnect, mayEdit, mayHandOver, nameProblem } from './rules';
import { referenceLikeGateway } from './testing/fake-gateway';
import { PROCESS_KEYS, type ProcessKey } from './usm';

describe('USM fork rules', () => {
  // The reference's table (§5): who may fork to whom.
  const table: Record<ProcessKey, ProcessKey[]> = {
    AGREE: ['CHANGE'],
    CHANGE: ['OPERATE'],
    RECOVER: ['CHANGE', 'OPERATE'],
    OPERATE: [],
    IMPROVE: ['AGREE', 'CHANGE', 'OPERATE'],
  };

  for (const from of PROCESS_KEYS) {
    for (const target of PROCESS_KEYS) {
      const expected = table[from].includes(target);
      it(`${from} ${expected ? 'may' : 'may not'} fork to ${target}; a spawn is always allowed`, () => {
        expect(mayHandOver(from, target, 'FORK').allowed).toBe(expected);
        expect(mayHandOver(from, target, 'SPAWN').allowed).toBe(true);
      });
    }
  }

  it('exports the same table', () => {
    expect(ALLOWED_FORK_TARGETS).toEqual(table);
  });

  it('names the call type that enters the target', () => {
    expect(mayHandOver('CHANGE', 'OPERATE', 'FORK')).toEqual({ allowed: true, callType: 'SERVICE_REQUEST' });
    expect(mayHandOver('IMPROVE', 'AGREE', 'FORK')).toEqual({ allowed: true, callType: 'WISH' });
    expect(mayHandOver('OPERATE', 'RECOVER', 'SPAWN')).toEqual({ allowed: true, callType: 'INCIDENT' });
  });

  it('says why a fork is refused, in a sentence', () => {
    expect(mayHandOver('OPERATE', 'CHANGE', 'FORK')).toEqual({
      allowed: false,
      reason: 'Operate forks to nothing: it carries out the work itself and calls no other process.',
    });
    expect(mayHandOver('CHANGE', 'AGREE', 'FORK')).toEqual({
      allowed: false,
      reason: 'Change may fork only to Operate (by a service request), not to Agree.',
    });
    expect(mayHandOver('RECOVER', 'RECOVER', 'FORK')).toEqual({
      allowed: false,
      reason:
        'Recover may fork only to Change (by an RFC) or Operate (by a service request), not to Recover itself.',
    });
    expect(mayHandOver('IMPROVE', 'RECOVER', 'FORK')).toMatchObject({
      reason:
        'Improve may fork only to Agree (by a wish), Change (by an RFC) or Operate (by a service request), not to Recover.',
    });
  });
});

describe('forkRule', () => {
  it('states each process’s fork rule in one sentence', () => {
    expect(PROCESS_KEYS.map(forkRule)).toEqual([
      'Agree may fork only to Change (by an RFC).',
      'Change may fork only to Operate (by a service request).',
      'Recover may fork only to Change (by an RFC) or Operate (by a service request).',
      'Operate forks to nothing: it carries out the work itself and calls no other process.',
      'Improve may fork only to Agree (by a wish), Change (by an RFC) or Operate (by a service request).',
    ]);
  });
});

describe('mayConnect (rules in the current model)', () => {
  it('refuses a second identical hand-over from one activity', async () => {
    const gateway = referenceLikeGateway();
    const model = modelFromOrganisation((await gateway.loadOrganisation(gateway.organisationId))!);
    const realize = gateway.activityNamed('Realize').id;
    expect(mayConnect(model, realize, gateway.processId('CHANGE'), 'FORK')).toEqual({
      allowed: false,
      reason: '“Realize” already forks to Change.',
    });
    expect(mayConnect(model, realize, gateway.processId('CHANGE'), 'SPAWN')).toEqual({
      allowed: true,
      callType: 'RFC',
    });
    expect(mayConnect(model, realize, gateway.processId('OPERATE'), 'FORK')).toMatchObject({
      allowed: false,
    });
    expect(mayConnect(model, 'nothing', gateway.processId('OPERATE'), 'FORK')).toMatchObject({
      allowed: false,
    });
  });
});

describe('editing rules', () => {
  it('lets owners and architects edit, not trainers or viewers', () => {
    expect([
      mayEdit('OWNER'),
      mayEdit('ARCHITECT'),
      mayEdit('TRAINER'),
      mayEdit('VIEWER'),
      mayEdit(null),
    ]).toEqual([true, true, false, false, false]);
  });

  it('asks for a name of 1 to 200 characters', () => {
    expect(nameProblem('  ')).toBe('An activity needs a name.');
    expect(nameProblem('x'.repeat(201))).toBe('A name has at most 200 characters.');
    expect(nameProblem(' Triage ')).toBeNull();
  });
});
