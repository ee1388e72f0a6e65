import { procedureHandbookRequest } from '../core/interchange/export-choices';
import { useDownload } from './hooks';

/** "Download handbook" on the procedure page: this procedure's handbook as printable HTML. */
export function DownloadHandbookButton({
  organisationId,
  procedureId,
}: {
  organisationId: string;
  procedureId: string;
}) {
  const { download, busy, problem } = useDownload();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        title="This procedure’s steps, RACI matrix and work instructions as a printable HTML document"
        onClick={() => void download(procedureHandbookRequest(organisationId, procedureId))}
      >
        {busy ? 'Preparing…' : 'Download handbook'}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
