import { describe, expect, it } from 'vitest';
import { referenceLikeGateway } from './testing/fake-gateway';
import { activityIdIn, serverModel } from './testing/editor';
import { highlightPath, pathFromWorkflow } from './workflow-path';

async function agreeWorkflow() {
  const gateway = referenceLikeGateway();
  const model = await serverModel(gateway);
  const step = (position: number, depth: number, name: string, processKey: 'AGREE' | 'CHANGE') => {
    const processId = model.processIdByKey[processKey];
    const activityId = model.processes[processId]!.activityIds.find(
      (id) => model.activities[id]!.name === name,
    )!;
    return { position, depth, activity: { id: activityId }, process: { id: processId } };
  };
  // The shape Workflow.steps has: Agree forks at Realize into Change, which returns to Evaluate & close.
  const workflow = {
    id: 'W1',
    number: 1,
    name: 'Wish to realisation',
    steps: [
      step(1, 0, 'Accept wishes', 'AGREE'),
      step(2, 0, 'Classify', 'AGREE'),
      step(3, 0, 'Realize', 'AGREE'),
      step(4, 1, 'Accept RFC', 'CHANGE'),
      step(5, 1, 'Classify', 'CHANGE'),
      step(6, 0, 'Evaluate & close', 'AGREE'),
    ],
  };
  return { model, workflow };
}

describe('a workflow path on the canvas', () => {
  it('marks the activities and processes it visits and the fork it follows', async () => {
    const { model, workflow } = await agreeWorkflow();
    const highlight = highlightPath(model, pathFromWorkflow(model, workflow));
    expect(highlight.activityIds.size).toBe(6);
    expect([...highlight.processIds]).toEqual([model.processIdByKey.AGREE, model.processIdByKey.CHANGE]);
    const realize = activityIdIn(model, 'Realize');
    const fork = Object.values(model.handovers).find((handover) => handover.fromActivityId === realize)!;
    expect([...highlight.handoverIds]).toEqual([fork.id]);
    expect(highlight.stepNumbers.get(realize)).toEqual([3]);
  });

  it('follows no hand-over when the path does not go deeper', async () => {
    const { model, workflow } = await agreeWorkflow();
    const flat = { ...workflow, steps: workflow.steps.map((step) => ({ ...step, depth: 0 })) };
    expect(highlightPath(model, pathFromWorkflow(model, flat)).handoverIds.size).toBe(0);
  });

  it('drops steps whose activity the canvas no longer has', async () => {
    const { model, workflow } = await agreeWorkflow();
    const withGone = {
      ...workflow,
      steps: [...workflow.steps, { ...workflow.steps[0]!, position: 7, activity: { id: 'gone' } }],
    };
    expect(pathFromWorkflow(model, withGone).steps).toHaveLength(6);
  });
});
