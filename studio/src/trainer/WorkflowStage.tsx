import { useEffect, useMemo } from 'react';
import { ArchitectureCanvas } from '../canvas/ArchitectureCanvas';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { useViewport } from '../canvas/viewport';
import {
  clampStep,
  spawnsFrom,
  transitionAfter,
  transitionInto,
  type WalkStep,
} from '../core/trainer/workflow-walk';
import { pathFromWorkflow } from '../core/workflow-path';
import { StepCard } from './StepCard';
import type { TrainerWorkflow } from './types';
import { WalkToken } from './WalkToken';

/**
 * A workflow at one step: the canvas with the path highlighted, the current activity and its process
 * marked, the token on it and the view centred on it, next to the step card. Used by the trainer's
 * walkthrough and, read-only, by the trainees following a presentation.
 */
export function WorkflowStage({ workflow, step }: { workflow: TrainerWorkflow; step: number }) {
  const store = useEditorStore();
  const model = useEditor((state) => state.model);
  const layout = useEditor((state) => state.layout);
  const { centreOn } = useViewport();
  const steps: readonly WalkStep[] = workflow.steps;
  const at = clampStep(step, steps.length);
  const current = steps[at - 1] ?? null;
  const currentId = current?.activity.id ?? null;

  const handovers = useMemo(() => (model ? Object.values(model.handovers) : []), [model]);
  const processes = useMemo(() => (model ? model.processIds.map((id) => model.processes[id]!) : []), [model]);

  useEffect(() => {
    if (model) store.getState().showWorkflow(pathFromWorkflow(model, workflow));
  }, [store, model, workflow]);

  useEffect(() => {
    store.getState().showCurrentStep(currentId);
  }, [store, currentId]);

  // The view follows the token (after the canvas has laid out).
  useEffect(() => {
    if (!currentId || !layout) return;
    const timer = window.setTimeout(() => centreOn(currentId), 30);
    return () => window.clearTimeout(timer);
  }, [currentId, layout, centreOn]);

  useEffect(
    () => () => {
      store.getState().showCurrentStep(null);
      store.getState().showWorkflow(null);
    },
    [store],
  );

  return (
    <div className="trainer-stage">
      <div className="trainer-stage__canvas">
        <ArchitectureCanvas readOnly />
        <WalkToken activityId={currentId} depth={current?.depth ?? 0} />
      </div>
      {current ? (
        <StepCard
          step={current}
          total={steps.length}
          workflowLabel={`Workflow ${workflow.number}: ${workflow.name}`}
          into={transitionInto(steps, at, handovers)}
          after={transitionAfter(steps, at, handovers)}
          spawns={spawnsFrom(current.activity.id, handovers, processes)}
        />
      ) : (
        <section className="trainer-step" aria-label="Current step">
          <p>This workflow has no steps in the current model.</p>
        </section>
      )}
    </div>
  );
}
