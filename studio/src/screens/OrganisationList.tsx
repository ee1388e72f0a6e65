import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { followLink, navigate, organisationPath } from '../app/router';
import { errorMessage } from '../data/errors';
import { CreateOrganisationMutation, OrganisationsQuery } from '../data/operations';
import type { OrganisationTemplate } from '../gql/graphql';
import { ImportModelPanel } from '../interchange/ImportModelPanel';
import { AppHeader } from '../ui/AppHeader';
import { ROLE_LABELS } from '../ui/labels';
import { ErrorState, LoadingState } from '../ui/states';

const PAGE_SIZE = 20;

export function OrganisationList() {
  const [after, setAfter] = useState<string | null>(null);
  // graphcache's relayPagination merges the pages: asking for the next one extends the same list.
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrganisationsQuery,
    variables: { first: PAGE_SIZE, after },
  });
  const connection = data?.organisations;

  return (
    <>
      <AppHeader />
      <main className="page">
        <div className="page__intro">
          <h1>Organisations</h1>
          <p className="muted">
            Each organisation has its own USM model: five processes, their hand-overs and workflows.
          </p>
        </div>
        <div className="page__columns">
          <section aria-labelledby="organisations-heading" className="panel">
            <h2 id="organisations-heading" className="panel__title">
              Yours{connection ? <span className="count">{connection.totalCount}</span> : null}
            </h2>
            {!connection && fetching && <LoadingState label="Loading organisations…" />}
            {!connection && error && (
              <ErrorState
                title="Your organisations could not be loaded"
                message={errorMessage(error)}
                onRetry={() => refetch({ requestPolicy: 'network-only' })}
              />
            )}
            {connection && connection.edges.length === 0 && (
              <p className="empty">
                You are not a member of any organisation yet. Create one to start modelling.
              </p>
            )}
            {connection && connection.edges.length > 0 && (
              <ul className="organisation-list">
                {connection.edges.map(({ node }) => (
                  <li key={node.id}>
                    <a
                      className="organisation-list__item"
                      href={organisationPath(node.id)}
                      onClick={followLink}
                    >
                      <span className="organisation-list__name">{node.name}</span>
                      <span className="organisation-list__meta">
                        {node.myRole && <span className="badge">{ROLE_LABELS[node.myRole]}</span>}
                        <span className="muted small">created {formatDate(node.createdAt)}</span>
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {connection?.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button"
                disabled={fetching}
                onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}
              >
                {fetching ? 'Loading…' : 'Show more'}
              </button>
            )}
          </section>
          <div className="stack">
            <CreateOrganisation />
            <ImportModelPanel />
          </div>
        </div>
      </main>
    </>
  );
}

function CreateOrganisation() {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<OrganisationTemplate>('USM_REFERENCE');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateOrganisationMutation);
  const headingId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = await create({ input: { name: name.trim(), template } });
    if (result.error) setProblem(errorMessage(result.error));
    else if (result.data) navigate(organisationPath(result.data.createOrganisation.id));
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        New organisation
      </h2>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Acme IT"
          />
        </label>
        <fieldset className="choice-group">
          <legend className="field__label">Start from</legend>
          <label className="choice">
            <input
              type="radio"
              name="template"
              value="USM_REFERENCE"
              checked={template === 'USM_REFERENCE'}
              onChange={() => setTemplate('USM_REFERENCE')}
            />
            <span>
              <strong>The USM reference model</strong>
              <span className="muted small block">
                The five processes with their steps, hand-overs, eight workflows and the USM profiles.
              </span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="template"
              value="EMPTY"
              checked={template === 'EMPTY'}
              onChange={() => setTemplate('EMPTY')}
            />
            <span>
              <strong>Empty</strong>
              <span className="muted small block">The five processes without activities.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="template"
              value="USM_DEMO"
              checked={template === 'USM_DEMO'}
              onChange={() => setTemplate('USM_DEMO')}
            />
            <span>
              <strong>Demo (reference model with sample roles, tools and procedures)</strong>
              <span className="muted small block">
                For training: sample content written by us, not USM content. It can be reset to its starting
                state at any time.
              </span>
            </span>
          </label>
        </fieldset>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={fetching || !name.trim()}>
          {fetching ? 'Creating…' : 'Create organisation'}
        </button>
      </form>
    </section>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
