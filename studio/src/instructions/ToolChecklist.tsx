import type { ToolOption } from './types';

/** The organisation's tools as a labelled checkbox list: the tools a work instruction uses. */
export function ToolChecklist({
  tools,
  selected,
  disabled,
  onChange,
}: {
  tools: readonly ToolOption[];
  selected: readonly string[];
  disabled: boolean;
  onChange(toolIds: string[]): void;
}) {
  function toggle(toolId: string, on: boolean) {
    onChange(on ? [...selected, toolId] : selected.filter((id) => id !== toolId));
  }
  return (
    <fieldset className="wi-tools" disabled={disabled}>
      <legend className="field__label">Tools</legend>
      {tools.length === 0 ? (
        <p className="muted small">The organisation has no tools yet: add them under “Roles and tools”.</p>
      ) : (
        <div className="wi-tools__list">
          {tools.map((tool) => (
            <label key={tool.id} className="checkbox wi-tools__option" title={tool.description || undefined}>
              <input
                type="checkbox"
                checked={selected.includes(tool.id)}
                onChange={(event) => toggle(tool.id, event.target.checked)}
              />
              {tool.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
