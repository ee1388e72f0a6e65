import { describe, expect, it } from 'vitest';
import {
  clampStage,
  derivationLayout,
  DERIVATION_SIZES,
  howIn,
  instructionSnippet,
  lettersOn,
  processGroups,
  stageFromSearch,
  stageInfo,
  type DerivationStep,
} from './derivation-walk';
import {
  newerPlace,
  nextFollowStatus,
  sameTarget,
  shareLink,
  shareTokenFromPath,
  transportFromSearch,
  type PresentedPlace,
} from './presentation';

const manager = { roleId: 'R1', roleName: 'Incident manager' };
const specialist = { roleId: 'R2', roleName: 'Specialist' };

function step(position: number, processKey: 'RECOVER' | 'CHANGE', extra: Partial<DerivationStep> = {}) {
  return {
    id: `S${position}`,
    position,
    depth: 0,
    name: `Step ${position}`,
    description: '',
    processKey,
    processName: processKey === 'RECOVER' ? 'Recover' : 'Change',
    responsibilities: [],
    instructions: [],
    ...extra,
  } satisfies DerivationStep;
}

const steps: DerivationStep[] = [
  step(1, 'RECOVER', { responsibilities: [{ ...manager, raci: ['R', 'A'] }] }),
  step(2, 'RECOVER', {
    responsibilities: [
      { ...manager, raci: ['R'] },
      { ...specialist, raci: ['R', 'A'] },
    ],
    instructions: [
      {
        id: 'W1',
        text: '## Diagnose\n\nOpen the **incident form** and [check](https://example.org) the CI.',
        obsolete: false,
        role: { id: 'R2', name: 'Specialist' },
        tools: [{ id: 'T1', name: 'Service desk suite' }],
      },
    ],
  }),
  step(3, 'CHANGE'),
  step(4, 'RECOVER', { responsibilities: [{ ...specialist, raci: ['C'] }] }),
];

describe('the derivation walkthrough', () => {
  it('reads and bounds the stage', () => {
    expect(stageFromSearch('?stage=2')).toBe(2);
    expect(stageFromSearch('?stage=9')).toBe(3);
    expect(stageFromSearch('')).toBe(1);
    expect(clampStage(Number.NaN)).toBe(1);
    expect(stageInfo(3).key).toBe('HOW');
  });

  it('groups the steps by process as they follow one another', () => {
    expect(
      processGroups(steps).map((group) => [group.processName, group.firstColumn, group.lastColumn]),
    ).toEqual([
      ['Recover', 1, 2],
      ['Change', 3, 3],
      ['Recover', 4, 4],
    ]);
  });

  it('shows only the steps in one row at WHAT', () => {
    const layout = derivationLayout(steps, 1);
    expect(layout.lanes).toEqual([]);
    expect(layout.cards.map((card) => card.key)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(new Set(layout.cards.map((card) => card.y)).size).toBe(1);
    expect(layout.cards.map((card) => card.x)).toEqual(
      [0, 1, 2, 3].map((index) => DERIVATION_SIZES.laneTitle + index * DERIVATION_SIZES.column),
    );
  });

  it('moves the same cards into lanes per Responsible role at WHO, with copies for a second R', () => {
    const what = derivationLayout(steps, 1);
    const who = derivationLayout(steps, 2);
    expect(who.lanes.map((lane) => lane.title)).toEqual([
      'Incident manager',
      'Specialist',
      'No one responsible yet',
    ]);
    const byKey = new Map(who.cards.map((card) => [card.key, card]));
    // Every WHAT card is still there, at the same column, now in a lane.
    for (const card of what.cards) expect(byKey.get(card.key)?.x).toBe(card.x);
    expect(byKey.get('S1')!.y).toBe(byKey.get('S2')!.y);
    expect(byKey.get('S2@R2')).toMatchObject({ copy: true, laneRoleId: 'R2' });
    expect(byKey.get('S3')!.laneRoleId).toBeNull();
    expect(byKey.get('S3')!.y).toBeGreaterThan(byKey.get('S2@R2')!.y);
  });

  it('leaves out the unassigned lane when every step has a Responsible role', () => {
    const assigned = steps.map((entry) => ({
      ...entry,
      responsibilities: [{ ...manager, raci: ['R' as const] }],
    }));
    expect(derivationLayout(assigned, 2).lanes.map((lane) => lane.title)).toEqual(['Incident manager']);
  });

  it('makes the cards taller at HOW for tools and instructions', () => {
    const how = derivationLayout(steps, 3);
    expect(how.cards[0]!.height).toBe(DERIVATION_SIZES.cardHeight[3]);
    expect(how.height).toBeGreaterThan(derivationLayout(steps, 2).height);
  });

  it('lists every role’s letters on a step', () => {
    expect(lettersOn(steps[1]!)).toEqual([
      { roleId: 'R1', roleName: 'Incident manager', code: 'R' },
      { roleId: 'R2', roleName: 'Specialist', code: 'RA' },
    ]);
  });

  it('gives each lane its role’s instruction and the step’s HOW check', () => {
    const specialistHow = howIn(steps[1]!, 'R2');
    expect(specialistHow.instruction?.id).toBe('W1');
    expect(specialistHow.snippet).toBe('Diagnose Open the incident form and check the CI.');
    expect(specialistHow.how.missingRoles.map((role) => role.name)).toEqual(['Incident manager']);
    expect(howIn(steps[1]!, 'R1').instruction).toBeNull();
    expect(howIn(steps[2]!, null).how.whoFirst).toBe(true);
  });

  it('cuts long instructions at a word', () => {
    const long = 'word '.repeat(60);
    const snippet = instructionSnippet(long, 40);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(41);
    expect(instructionSnippet('- one\n- two')).toBe('one two');
  });
});

const place = (version: number, extra: Partial<PresentedPlace> = {}): PresentedPlace => ({
  id: 'P1',
  version,
  mode: 'WORKFLOW',
  workflowNumber: 3,
  procedureId: null,
  step: version,
  live: true,
  ...extra,
});

describe('presentations', () => {
  it('builds the share link and reads the token back', () => {
    expect(shareLink('https://studio.example/', '/present/abc')).toBe('https://studio.example/present/abc');
    expect(shareTokenFromPath('/present/abc%2B1')).toBe('abc+1');
    expect(shareTokenFromPath('/present/')).toBeNull();
    expect(shareTokenFromPath('/organisations/x')).toBeNull();
  });

  it('polls only when asked to', () => {
    expect(transportFromSearch('?transport=poll')).toBe('poll');
    expect(transportFromSearch('')).toBe('live');
  });

  it('compares where the trainer is with where the presentation stands', () => {
    expect(sameTarget(place(2), { mode: 'WORKFLOW', workflowNumber: 3, step: 2 })).toBe(true);
    expect(sameTarget(place(2), { mode: 'WORKFLOW', workflowNumber: 4, step: 2 })).toBe(false);
    expect(
      sameTarget(place(2, { mode: 'DERIVATION', procedureId: 'X' }), {
        mode: 'DERIVATION',
        procedureId: 'X',
        step: 2,
      }),
    ).toBe(true);
  });

  it('keeps the newer answer when a poll and a live event cross, and stays ended', () => {
    expect(newerPlace(null, place(1))).toEqual(place(1));
    expect(newerPlace(place(3), place(2))).toEqual(place(3));
    expect(newerPlace(place(3), place(4))).toEqual(place(4));
    expect(newerPlace(place(3), null)).toEqual(place(3));
    const ended = place(5, { live: false });
    expect(newerPlace(ended, place(6))).toBe(ended);
  });

  it('follows live until the socket is lost, then polls; an end is final', () => {
    expect(nextFollowStatus('connecting', { type: 'connected' })).toBe('live');
    expect(nextFollowStatus('live', { type: 'socket-lost' })).toBe('polling');
    expect(nextFollowStatus('polling', { type: 'connected' })).toBe('polling');
    expect(nextFollowStatus('live', { type: 'moved', place: place(2) })).toBe('live');
    expect(nextFollowStatus('live', { type: 'moved', place: null })).toBe('ended');
    expect(nextFollowStatus('polling', { type: 'moved', place: place(2, { live: false }) })).toBe('ended');
    expect(nextFollowStatus('ended', { type: 'connected' })).toBe('ended');
  });
});
