import { useId, useState, type FormEvent } from 'react';
import { useEditorStore } from '../canvas/editor-context';
import { sameContent, type InstructionContent } from '../core/instructions/content';
import type { InstructionData, InstructionGap } from '../core/instructions/gaps';
import type { InstructionGateway } from '../core/instructions/gateway';
import { UpdateWorkInstruction } from '../core/instructions/update-instruction';
import { GapBadges } from './GapBadges';
import { MarkdownPreview } from './MarkdownPreview';
import { ToolChecklist } from './ToolChecklist';
import type { ToolOption } from './types';

/** One work instruction: its role, the tools it uses and its Markdown text, with a live preview and Save. */
export function InstructionEditor({
  instruction,
  gaps,
  stepName,
  tools,
  gateway,
  editable,
}: {
  instruction: InstructionData;
  gaps: readonly InstructionGap[];
  stepName: string;
  tools: readonly ToolOption[];
  gateway: InstructionGateway;
  editable: boolean;
}) {
  const store = useEditorStore();
  const textId = useId();
  const saved: InstructionContent = {
    text: instruction.text,
    toolIds: instruction.tools.map((tool) => tool.id),
  };
  /** What the user typed or ticked and has not saved yet (null: shows what is saved). */
  const [draft, setDraft] = useState<InstructionContent | null>(null);
  const [busy, setBusy] = useState(false);
  const current = draft ?? saved;
  const dirty = draft !== null && !sameContent(draft, saved);
  const roleName = instruction.role.name;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    setBusy(true);
    const command = new UpdateWorkInstruction(gateway, {
      instructionId: instruction.id,
      version: instruction.version,
      roleName,
      stepName,
      previous: saved,
      next: current,
    });
    if (await store.getState().run(command)) setDraft(null);
    setBusy(false);
  }

  return (
    <li className={`wi-instruction${instruction.obsolete ? ' wi-instruction--obsolete' : ''}`}>
      <article aria-label={`Work instruction: ${roleName} on ${stepName}`}>
        <div className="wi-instruction__header">
          <h3 className="wi-instruction__role">{roleName}</h3>
          {instruction.obsolete && (
            <span
              className="badge wi-badge wi-badge--obsolete"
              title="Its role is no longer Responsible here, or the step is obsolete. It is kept until removed."
            >
              Obsolete
            </span>
          )}
          <GapBadges gaps={gaps} />
        </div>
        {editable ? (
          <form className="stack stack--tight" onSubmit={(event) => void save(event)}>
            <ToolChecklist
              tools={tools}
              selected={current.toolIds}
              disabled={busy}
              onChange={(toolIds) => setDraft({ ...current, toolIds })}
            />
            <div className="wi-editor">
              <div className="field">
                <label className="field__label" htmlFor={textId}>
                  Instruction text (Markdown)
                </label>
                <textarea
                  id={textId}
                  className="input wi-editor__text"
                  rows={6}
                  maxLength={20_000}
                  value={current.text}
                  placeholder={`How ${roleName} carries out this step: steps, checks, links…`}
                  onChange={(event) => setDraft({ ...current, text: event.target.value })}
                />
              </div>
              <div className="field">
                <span className="field__label" aria-hidden="true">
                  Preview
                </span>
                <MarkdownPreview text={current.text} label={`Preview: ${roleName} on ${stepName}`} />
              </div>
            </div>
            <div className="button-row wi-instruction__actions">
              <button type="submit" className="button button--primary" disabled={!dirty || busy}>
                {busy ? 'Saving…' : 'Save'}
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={!dirty || busy}
                onClick={() => setDraft(null)}
              >
                Discard changes
              </button>
              {dirty && <span className="muted small">Unsaved changes</span>}
            </div>
          </form>
        ) : (
          <div className="stack stack--tight">
            <p className="small wi-instruction__tools">
              <strong>Tools:</strong>{' '}
              {instruction.tools.length ? instruction.tools.map((tool) => tool.name).join(', ') : 'none'}
            </p>
            <MarkdownPreview text={instruction.text} label={`Instruction: ${roleName} on ${stepName}`} />
          </div>
        )}
      </article>
    </li>
  );
}
