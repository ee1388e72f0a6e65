import { useQuery } from 'urql';
import { useEditor } from '../canvas/editor-context';
import { errorMessage } from '../data/errors';
import { InterchangeChoicesQuery } from '../data/interchange-operations';
import { useRereadOnRevision } from '../trainer/use-reread';
import { ErrorState, LoadingState } from '../ui/states';
import { ExportPanel } from './ExportPanel';
import { ImportWifPanel } from './ImportWifPanel';
import './interchange.css';

/** "Export & import": download the handbook, BPMN, USM-WIF or the whole model; import a USM-WIF file. */
export function InterchangeView({ organisationId }: { organisationId: string }) {
  const editable = useEditor((state) => state.editable);
  const [{ data, fetching, error }, reread] = useQuery({
    query: InterchangeChoicesQuery,
    variables: { id: organisationId },
  });
  useRereadOnRevision(reread);
  const choices = data?.organisation;

  return (
    <div className="interchange">
      <header className="interchange__intro">
        <h1>Export &amp; import</h1>
        <p className="muted">
          Take the model out of the studio: a handbook to read or print, BPMN 2.0 for modelling tools, the USM
          Workflow Interchange Format for USM tooling, or the whole model to move it to another organisation
          or installation (import it from the organisations list). Images of the architecture are on the
          Architecture toolbar.
        </p>
      </header>
      {!choices && fetching && <LoadingState label="Loading what can be exported…" />}
      {!choices && error && (
        <ErrorState
          title="The export choices could not be loaded"
          message={errorMessage(error)}
          onRetry={() => reread({ requestPolicy: 'network-only' })}
        />
      )}
      <div className="interchange__columns">
        {choices && <ExportPanel organisationId={organisationId} choices={choices} />}
        {editable ? (
          <ImportWifPanel organisationId={organisationId} />
        ) : (
          <section className="panel interchange-panel" aria-label="Import">
            <h2 className="panel__title">Import</h2>
            <p className="muted">Architects and owners can import USM-WIF files as procedures.</p>
          </section>
        )}
      </div>
    </div>
  );
}
