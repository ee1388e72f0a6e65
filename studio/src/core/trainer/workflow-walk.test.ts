import { describe, expect, it } from 'vitest';
import type { ProcessKey } from '../usm';
import {
  clampStep,
  describeTransition,
  forkLabel,
  nextStep,
  previousStep,
  returnLabel,
  spawnsFrom,
  stepFromSearch,
  transitionAfter,
  transitionInto,
  type WalkHandover,
  type WalkProcess,
  type WalkStep,
} from './workflow-walk';

const process = (key: ProcessKey, name: string): WalkProcess => ({
  id: `P-${key}`,
  key,
  name,
  purpose: `${name} is for …`,
});
const AGREE = process('AGREE', 'Agree');
const CHANGE = process('CHANGE', 'Change');
const OPERATE = process('OPERATE', 'Operate');
const IMPROVE = process('IMPROVE', 'Improve');

function walk(...entries: [WalkProcess, number, string][]): WalkStep[] {
  return entries.map(([owner, depth, name], index) => ({
    position: index + 1,
    depth,
    activity: { id: `${owner.key}:${name}`, name, description: `About ${name}` },
    process: owner,
  }));
}

const fork = (from: string, target: WalkProcess, callType: WalkHandover['callType']): WalkHandover => ({
  id: `H-${from}-${target.key}`,
  fromActivityId: from,
  targetProcessId: target.id,
  kind: 'FORK',
  callType,
});

// Agree forks at Realize into Change, Change forks at Implement into Operate; both return.
const steps = walk(
  [AGREE, 0, 'Accept wishes'],
  [AGREE, 0, 'Realize'],
  [CHANGE, 1, 'Accept RFC'],
  [CHANGE, 1, 'Implement'],
  [OPERATE, 2, 'Execute'],
  [AGREE, 0, 'Evaluate & close'],
);
const handovers: WalkHandover[] = [
  fork('AGREE:Realize', CHANGE, 'RFC'),
  fork('CHANGE:Implement', OPERATE, 'SERVICE_REQUEST'),
  {
    id: 'S1',
    fromActivityId: 'AGREE:Evaluate & close',
    targetProcessId: IMPROVE.id,
    kind: 'SPAWN',
    callType: 'RISK',
  },
];

describe('the walk through a workflow', () => {
  it('keeps the step within the path', () => {
    expect(clampStep(0, 6)).toBe(1);
    expect(clampStep(9, 6)).toBe(6);
    expect(clampStep(Number.NaN, 6)).toBe(1);
    expect(clampStep(3, 0)).toBe(1);
    expect(nextStep(6, 6)).toBe(6);
    expect(nextStep(2, 6)).toBe(3);
    expect(previousStep(1, 6)).toBe(1);
    expect(stepFromSearch('?step=4', 6)).toBe(4);
    expect(stepFromSearch('?step=x', 6)).toBe(1);
    expect(stepFromSearch('', 6)).toBe(1);
    expect(stepFromSearch('?step=40', 6)).toBe(6);
  });

  it('goes on in the same process without a transition to tell', () => {
    const transition = transitionAfter(steps, 1, handovers)!;
    expect(transition).toEqual({ completed: [], returnTo: null, fork: null });
    expect(describeTransition(transition)).toBeNull();
    expect(transitionInto(steps, 1, handovers)).toBeNull();
  });

  it('shows the call going out at a fork, with the call type of the hand-over followed', () => {
    const transition = transitionAfter(steps, 2, handovers)!;
    expect(transition.fork).toMatchObject({
      callType: 'RFC',
      handoverId: 'H-AGREE:Realize-CHANGE',
      depth: 1,
    });
    expect(forkLabel(transition.fork!)).toBe('RFC to Change');
    expect(describeTransition(transition)).toBe('Agree calls out: RFC to Change (and waits)');
    expect(transitionInto(steps, 3, handovers)).toEqual(transition);
  });

  it('returns to the caller’s next step when the called processes complete, however deep', () => {
    const transition = transitionAfter(steps, 5, handovers)!;
    expect(transition.completed.map((entry) => entry.name)).toEqual(['Operate', 'Change']);
    expect(transition.returnTo).toEqual({ process: AGREE, activityName: 'Evaluate & close', depth: 0 });
    expect(returnLabel(transition.returnTo!)).toBe('back to Agree: Evaluate & close');
    expect(describeTransition(transition)).toBe(
      'Operate, then Change completes — back to Agree: Evaluate & close',
    );
  });

  it('falls back to the call type entering the process when the hand-over is gone', () => {
    expect(transitionAfter(steps, 4, [])!.fork).toMatchObject({
      callType: 'SERVICE_REQUEST',
      handoverId: null,
    });
  });

  it('tells a step forking twice: the first call completes and the second goes out from the same caller', () => {
    const twice = walk(
      [AGREE, 0, 'Realize'],
      [CHANGE, 1, 'Accept RFC'],
      [OPERATE, 1, 'Execute'],
      [AGREE, 0, 'Evaluate & close'],
    );
    const transition = transitionAfter(twice, 2, [fork('AGREE:Realize', OPERATE, 'SERVICE_REQUEST')])!;
    expect(transition.completed).toEqual([CHANGE]);
    expect(transition.returnTo).toBeNull();
    expect(transition.fork).toMatchObject({
      from: AGREE,
      fromActivityName: 'Realize',
      to: OPERATE,
      depth: 1,
    });
  });

  it('has no transition beyond the path', () => {
    expect(transitionAfter(steps, 6, handovers)).toBeNull();
    expect(transitionAfter(steps, 0, handovers)).toBeNull();
  });

  it('notes the spawns of the current activity without interrupting', () => {
    const notes = spawnsFrom('AGREE:Evaluate & close', handovers, [AGREE, CHANGE, OPERATE, IMPROVE]);
    expect(notes).toEqual([
      {
        handoverId: 'S1',
        callType: 'RISK',
        target: IMPROVE,
        text: 'Spawns a risk for Improve; the flow does not wait for it.',
      },
    ]);
    expect(spawnsFrom('AGREE:Realize', handovers, [])).toEqual([]);
  });
});
