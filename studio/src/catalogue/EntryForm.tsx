import { useId, useState, type FormEvent } from 'react';
import { DESCRIPTION_MAX_LENGTH } from '../core/catalogue/catalogue';
import type { CatalogueKind } from '../core/catalogue/gateway';
import { NAME_MAX_LENGTH } from '../core/rules';

/**
 * The name-and-description form, for a new role or tool and for editing one. `onSubmit` answers null when
 * saved, else the reason (the form stays open with what was typed).
 */
export function EntryForm({
  kind,
  mode,
  initial = { name: '', description: '' },
  onSubmit,
  onCancel,
}: {
  kind: CatalogueKind;
  mode: 'create' | 'edit';
  initial?: { name: string; description: string };
  onSubmit: (values: { name: string; description: string }) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const prefix = mode === 'create' ? `New ${kind}` : `${kind === 'role' ? 'Role' : 'Tool'}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const failure = await onSubmit({ name, description });
    setBusy(false);
    if (failure) setProblem(failure);
  }

  return (
    <form
      className="catalogue-form stack stack--tight"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`} className="field__label">
          {prefix} name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          required
          maxLength={NAME_MAX_LENGTH}
          value={name}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`} className="field__label">
          {prefix} description
        </label>
        <textarea
          id={`${id}-description`}
          className="input catalogue-form__description"
          rows={2}
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
          {busy ? 'Saving…' : mode === 'create' ? `Create ${kind}` : 'Save'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
