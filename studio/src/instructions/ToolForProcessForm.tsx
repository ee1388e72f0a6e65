import { useId, useState, type FormEvent } from 'react';
import { useEditorStore } from '../canvas/editor-context';
import { AssignToolToProcess } from '../core/instructions/assign-tool';
import type { StepHow } from '../core/instructions/gaps';
import type { InstructionGateway } from '../core/instructions/gateway';
import type { ProcessKey } from '../core/usm';
import type { ToolOption } from './types';

/** "This tool for every step of a process" (creates the missing instructions of that process too). */
export function ToolForProcessForm({
  procedureId,
  steps,
  tools,
  gateway,
}: {
  procedureId: string;
  steps: readonly StepHow[];
  tools: readonly ToolOption[];
  gateway: InstructionGateway;
}) {
  const store = useEditorStore();
  const id = useId();
  const processes = [
    ...new Map(
      steps
        .filter(({ step }) => !step.obsolete)
        .map(({ step }) => [step.process.key, step.process.name] as const),
    ),
  ];
  const [processKey, setProcessKey] = useState<ProcessKey | ''>('');
  const [toolId, setToolId] = useState('');
  const [busy, setBusy] = useState(false);
  const chosenProcess = processes.find(([key]) => key === processKey) ?? processes[0];
  const chosenTool = tools.find((tool) => tool.id === toolId) ?? tools[0];
  if (processes.length === 0) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosenProcess || !chosenTool) return;
    setBusy(true);
    await store.getState().run(
      new AssignToolToProcess(gateway, {
        procedureId,
        processKey: chosenProcess[0],
        processName: chosenProcess[1],
        toolId: chosenTool.id,
        toolName: chosenTool.name,
      }),
    );
    setBusy(false);
  }

  return (
    <form
      className="wi-tool-for-process"
      onSubmit={(event) => void submit(event)}
      aria-label="Tool for a process"
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-tool`}>
          Tool
        </label>
        <select
          id={`${id}-tool`}
          className="input"
          value={chosenTool?.id ?? ''}
          onChange={(event) => setToolId(event.target.value)}
          disabled={tools.length === 0}
        >
          {tools.length === 0 && <option value="">No tools yet</option>}
          {tools.map((tool) => (
            <option key={tool.id} value={tool.id}>
              {tool.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-process`}>
          For every step of
        </label>
        <select
          id={`${id}-process`}
          className="input"
          value={chosenProcess?.[0] ?? ''}
          onChange={(event) => setProcessKey(event.target.value as ProcessKey)}
        >
          {processes.map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={busy || !chosenTool}>
        Use this tool
      </button>
    </form>
  );
}
