import { describeLetters, parseRaciCode, RACI_CHOICES, raciCode } from '../core/procedures/raci';

/** One cell of the matrix: the letters of one role on one step, one of the sixteen combinations. */
export function RaciCellSelect({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  /** The letters as a code, e.g. 'RA' ('' for none). */
  value: string;
  disabled?: boolean;
  onChange: (code: string) => void;
}) {
  return (
    <select
      className={value ? 'proc-cell proc-cell--set' : 'proc-cell'}
      aria-label={label}
      title={`${label}: ${describeLetters(parseRaciCode(value))}`}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      {RACI_CHOICES.map((letters) => {
        const code = raciCode(letters);
        return (
          <option key={code} value={code}>
            {code || '—'}
          </option>
        );
      })}
    </select>
  );
}
