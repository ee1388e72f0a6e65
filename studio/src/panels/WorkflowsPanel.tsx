import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useQuery } from 'urql';
import { PROCESS_COLOURS } from '../canvas/colours';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { focusNode } from '../canvas/focus';
import { useViewport } from '../canvas/viewport';
import { CALL_TYPE_LABELS } from '../core/usm';
import { pathFromWorkflow } from '../core/workflow-path';
import { errorMessage } from '../data/errors';
import { OrganisationWorkflowsQuery } from '../data/workflow-operations';
import { ErrorState, LoadingState } from '../ui/states';

/**
 * The eight workflows. Choosing one highlights its expanded path on the canvas and lists its steps, indented
 * by fork depth; choosing a step brings its activity into view. The path is read again after every edit.
 */
export function WorkflowsPanel() {
  const store = useEditorStore();
  const organisationId = useEditor((state) => state.organisationId);
  const model = useEditor((state) => state.model);
  const revision = useEditor((state) => state.revision);
  const chosen = useEditor((state) => state.workflowPath?.workflowId ?? null);
  const [open, setOpen] = useState(true);
  const [result, reexecute] = useQuery({
    query: OrganisationWorkflowsQuery,
    variables: { id: organisationId ?? '' },
    pause: !organisationId,
  });
  const workflows = useMemo(() => result.data?.organisation?.workflows ?? [], [result.data]);
  const { centreOn } = useViewport();

  useEffect(() => {
    if (revision > 0) reexecute({ requestPolicy: 'network-only' });
  }, [revision, reexecute]);

  // Keep the highlighted path in step with the latest expansion (an edit can lengthen or shorten it).
  useEffect(() => {
    const workflow = workflows.find((candidate) => candidate.id === chosen);
    if (!model || !chosen) return;
    store.getState().showWorkflow(workflow ? pathFromWorkflow(model, workflow) : null);
  }, [workflows, chosen, model, store]);

  const selected = workflows.find((workflow) => workflow.id === chosen) ?? null;

  function choose(workflowId: string) {
    const workflow = workflows.find((candidate) => candidate.id === workflowId);
    if (!model || !workflow || workflowId === chosen) {
      store.getState().showWorkflow(null);
      return;
    }
    store.getState().showWorkflow(pathFromWorkflow(model, workflow));
  }

  if (!open) {
    return (
      <aside className="workflows workflows--closed" aria-label="Workflows">
        <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
          Workflows ›
        </button>
      </aside>
    );
  }

  return (
    <aside className="workflows" aria-label="Workflows">
      <div className="workflows__header">
        <h2>Workflows</h2>
        <button
          type="button"
          className="button button--quiet"
          aria-label="Hide the workflows panel"
          onClick={() => setOpen(false)}
        >
          ‹
        </button>
      </div>
      {result.fetching && !result.data && <LoadingState label="Loading the workflows…" />}
      {result.error && !result.data && (
        <ErrorState
          title="The workflows could not be loaded"
          message={errorMessage(result.error)}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
      <ul className="workflows__list">
        {workflows.map((workflow) => (
          <li key={workflow.id}>
            <button
              type="button"
              className={workflow.id === chosen ? 'workflows__item is-chosen' : 'workflows__item'}
              aria-pressed={workflow.id === chosen}
              onClick={() => choose(workflow.id)}
            >
              <span className="workflows__number">{workflow.number}</span>
              <span>
                {workflow.name}
                <span className="block small muted">
                  {CALL_TYPE_LABELS[workflow.trigger]} to {workflow.startProcess.name} ·{' '}
                  {workflow.steps.length} steps
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <section className="workflows__steps" aria-label={`Steps of workflow ${selected.number}`}>
          <h3>
            Workflow {selected.number}: <span data-testid="workflow-step-count">{selected.steps.length}</span>{' '}
            steps
          </h3>
          <ol>
            {selected.steps.map((step) => (
              <li
                key={step.position}
                style={
                  {
                    '--depth': step.depth,
                    '--strong': PROCESS_COLOURS[step.process.key].strong,
                  } as CSSProperties
                }
              >
                <button
                  type="button"
                  className="workflows__step"
                  title={`${step.process.name}, fork depth ${step.depth}`}
                  onClick={() => {
                    store.getState().select([step.activity.id]);
                    centreOn(step.activity.id);
                    focusNode(step.activity.id);
                  }}
                >
                  <span className="workflows__step-number">{step.position}</span>
                  <span className="workflows__step-name">{step.activity.name}</span>
                  <span className="visually-hidden">
                    {' '}
                    in {step.process.name}, depth {step.depth}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
