import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors';
import type { PresentationGateway } from './gateway';
import type { PresentedPlace, WalkthroughTarget } from './presentation';
import { PresentationSession } from './presentation-session';

/** An in-memory API: one presentation, versions that go up with every move. */
function fakeGateway() {
  let stored: PresentedPlace | null = null;
  const moves: number[] = [];
  let release: (() => void) | null = null;
  const placeOf = (target: WalkthroughTarget, base: PresentedPlace): PresentedPlace => ({
    ...base,
    mode: target.mode,
    step: target.step,
    workflowNumber: target.mode === 'WORKFLOW' ? target.workflowNumber : null,
    procedureId: target.mode === 'DERIVATION' ? target.procedureId : null,
  });
  const gateway: PresentationGateway = {
    async start(_organisationId, target) {
      stored = placeOf(target, {
        id: 'P1',
        version: 1,
        mode: 'WORKFLOW',
        workflowNumber: null,
        procedureId: null,
        step: 1,
        live: true,
      });
      return { place: stored, shareToken: 'tok', sharePath: '/present/tok' };
    },
    async move(id, version, target) {
      if (!stored || stored.id !== id) throw new GatewayError('NOT_FOUND', 'No such presentation.');
      if (version !== stored.version)
        throw new GatewayError('CONFLICT', 'Stale.', { currentVersion: stored.version });
      if (release === null && gate.hold) await new Promise<void>((resolve) => (release = resolve));
      moves.push(target.step);
      stored = { ...placeOf(target, stored), version: stored.version + 1 };
      return stored;
    },
    async end(_id, version) {
      if (!stored || stored.version !== version) throw new GatewayError('CONFLICT', 'Stale.');
      stored = { ...stored, live: false };
    },
    async read() {
      return stored;
    },
  };
  const gate = { hold: false };
  return {
    gateway,
    moves,
    gate,
    release: () => release?.(),
    bump: () => {
      stored = stored && { ...stored, version: stored.version + 1 };
    },
    stored: () => stored,
  };
}

const workflowStep = (step: number): WalkthroughTarget => ({ mode: 'WORKFLOW', workflowNumber: 3, step });

describe('a shared presentation, from the trainer’s side', () => {
  it('starts, follows every change and ends', async () => {
    const api = fakeGateway();
    const session = new PresentationSession(api.gateway);
    const seen: (string | null)[] = [];
    session.subscribe((state) => seen.push(state.sharePath));
    await session.moveTo(workflowStep(2)); // nothing shared yet: nothing sent
    expect(api.moves).toEqual([]);
    await session.start('O1', workflowStep(2));
    expect(session.current.sharePath).toBe('/present/tok');
    await session.moveTo(workflowStep(3));
    await session.moveTo(workflowStep(3)); // already there
    expect(api.moves).toEqual([3]);
    expect(session.current.place).toMatchObject({ step: 3, version: 2 });
    await session.end();
    expect(api.stored()?.live).toBe(false);
    expect(session.current.place).toBeNull();
    expect(seen).toContain('/present/tok');
  });

  it('sends only the latest place when the trainer clicks faster than the API answers', async () => {
    const api = fakeGateway();
    const session = new PresentationSession(api.gateway);
    await session.start('O1', workflowStep(1));
    api.gate.hold = true;
    const first = session.moveTo(workflowStep(2));
    void session.moveTo(workflowStep(3));
    void session.moveTo(workflowStep(4));
    await Promise.resolve();
    api.release();
    await first;
    expect(api.moves).toEqual([2, 4]);
    expect(session.current.place?.step).toBe(4);
  });

  it('re-reads a stale version and sends the move again', async () => {
    const api = fakeGateway();
    const session = new PresentationSession(api.gateway);
    await session.start('O1', workflowStep(1));
    api.bump(); // moved from another tab
    await session.moveTo(workflowStep(5));
    expect(api.moves).toEqual([5]);
    expect(session.current.error).toBeNull();
  });

  it('says so when a move fails', async () => {
    const api = fakeGateway();
    const session = new PresentationSession({
      ...api.gateway,
      move: async () => {
        throw new GatewayError('FORBIDDEN', 'Your role does not allow presenting.');
      },
    });
    await session.start('O1', workflowStep(1));
    await session.moveTo(workflowStep(2));
    expect(session.current.error).toBe(
      'The class could not follow this step: Your role does not allow presenting.',
    );
  });
});
