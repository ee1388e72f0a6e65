import { useEffect, useRef } from 'react';
import { NAME_MAX_LENGTH } from '../core/rules';

/**
 * A name field inside a node: focused and selected on open; Enter or leaving the field saves, Escape
 * cancels. Keys stay inside the field (no canvas shortcut fires while typing).
 */
export function InlineName({
  initial,
  label,
  placeholder,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  placeholder?: string;
  onCommit: (name: string) => void;
  onCancel: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function finish(save: boolean) {
    if (finished.current) return;
    finished.current = true;
    const name = input.current?.value.trim() ?? '';
    if (save && name) onCommit(name);
    else onCancel();
  }

  return (
    <input
      ref={input}
      className="inline-name nodrag nopan"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={initial}
      maxLength={NAME_MAX_LENGTH}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(true);
        else if (event.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
