import type { DocumentProblem } from '../core/interchange/export-choices';

/** Every problem (or left-out item) of an imported document, each with its JSON path. */
export function ProblemList({
  problems,
  title = 'Problems',
}: {
  problems: readonly DocumentProblem[];
  title?: string;
}) {
  return (
    <div className="interchange-problems">
      <p className="interchange-problems__title">
        {title} ({problems.length})
      </p>
      <ul aria-label={title}>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
