/** WHO and HOW completeness (docs/derivation.md): passed checks over 2 × live steps. */
export function CompletenessFigures({
  completeness,
  label,
}: {
  completeness: { liveSteps: number; whoGaps: number; howGaps: number; percentComplete: number };
  label: string;
}) {
  const { liveSteps, whoGaps, howGaps, percentComplete } = completeness;
  return (
    <dl className="proc-figures" aria-label={label} data-testid="proc-completeness">
      <div className="proc-figures__item proc-figures__item--main">
        <dt>Complete</dt>
        <dd>{percentComplete.toLocaleString(undefined, { maximumFractionDigits: 1 })} %</dd>
      </div>
      <div className="proc-figures__item">
        <dt>Live steps</dt>
        <dd>{liveSteps}</dd>
      </div>
      <div className={whoGaps > 0 ? 'proc-figures__item is-gap' : 'proc-figures__item'}>
        <dt>WHO gaps</dt>
        <dd>{whoGaps}</dd>
      </div>
      <div className={howGaps > 0 ? 'proc-figures__item is-gap' : 'proc-figures__item'}>
        <dt>HOW gaps</dt>
        <dd>{howGaps}</dd>
      </div>
    </dl>
  );
}
