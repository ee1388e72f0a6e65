/** Loading and error states, the same everywhere. */
export function LoadingState({ label, fullPage = false }: { label: string; fullPage?: boolean }) {
  return (
    <div className={fullPage ? 'state state--page' : 'state'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
  fullPage = false,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  fullPage?: boolean;
}) {
  return (
    <div className={fullPage ? 'state state--page state--error' : 'state state--error'} role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
