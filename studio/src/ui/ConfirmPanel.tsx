import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * An inline confirmation for an action that cannot be undone (re-derive, remove an obsolete step, delete a
 * procedure, reset a demo): says what will happen, focuses the confirm button, Escape cancels. `problem` is the
 * refusal when the confirmed action failed.
 */
export function ConfirmPanel({
  title,
  message,
  confirmLabel,
  busyLabel = 'Working…',
  busy = false,
  problem = null,
  className,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  problem?: string | null;
  /** Extra class, e.g. to position it as a popover. */
  className?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const messageId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div
      className={className ? `confirm-panel ${className}` : 'confirm-panel'}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={titleId} className="confirm-panel__title">
        {title}
      </h3>
      <p id={messageId}>{message}</p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button
          ref={confirmRef}
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
