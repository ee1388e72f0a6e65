import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { findActivities } from '../core/model';
import { useEditor, useEditorStore } from './editor-context';
import { focusNode } from './focus';
import { useViewport } from './viewport';

/** Finds an activity by name; choosing one selects it, brings it into view and gives it keyboard focus. */
export function SearchBox() {
  const store = useEditorStore();
  const model = useEditor((state) => state.model);
  const { centreOn } = useViewport();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => (model ? findActivities(model, text) : []), [model, text]);

  function choose(index: number) {
    const match = matches[index];
    if (!match) return;
    const id = match.activity.id;
    store.getState().select([id]);
    centreOn(id);
    setOpen(false);
    setText('');
    focusNode(id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const expanded = open && text.trim().length > 0;
  return (
    <div className="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Find an activity
      </label>
      <input
        id={`${listId}-input`}
        className="input search__input"
        type="search"
        placeholder="Find an activity…"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && matches[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      {expanded && (
        <ul className="search__results" id={listId} role="listbox" aria-label="Matching activities">
          {matches.length === 0 && <li className="search__none">No activity matches “{text.trim()}”.</li>}
          {matches.map((match, index) => (
            <li
              key={match.activity.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'search__result is-active' : 'search__result'}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>{match.activity.name}</span>
              <span className="muted small">
                {match.processName} · {match.activity.position}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
