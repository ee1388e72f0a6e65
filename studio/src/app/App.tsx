import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { shareTokenFromPath } from '../core/trainer/presentation';
import { createGraphqlClient } from '../data/client';
import { errorMessage } from '../data/errors';
import { LogoutMutation, MeQuery } from '../data/operations';
import { NotFound } from '../screens/NotFound';
import { OrganisationList } from '../screens/OrganisationList';
import { SignIn } from '../screens/SignIn';
import { ErrorState, LoadingState } from '../ui/states';
import { matchRoute, usePath } from './router';
import { SessionContext, type Session } from './session';

// The editor (React Flow and the canvas) loads only when an organisation is opened.
const OrganisationPage = lazy(() =>
  import('../screens/OrganisationPage').then((module) => ({ default: module.OrganisationPage })),
);
// The trainees' page of a shared presentation: no sign-in, its own client with the share token.
const PresentPage = lazy(() =>
  import('../trainer/present/PresentPage').then((module) => ({ default: module.PresentPage })),
);

export function App() {
  // Signing out starts a new client: nothing cached for one user survives into the next session.
  const [client, setClient] = useState(() => createGraphqlClient());
  const resetClient = useCallback(() => setClient(createGraphqlClient()), []);
  const shareToken = shareTokenFromPath(usePath());
  if (shareToken !== null) {
    return (
      <Suspense fallback={<LoadingState label="Joining the presentation…" fullPage />}>
        <PresentPage token={shareToken} />
      </Suspense>
    );
  }
  return (
    <Provider value={client}>
      <SignedInGate onSignedOut={resetClient} />
    </Provider>
  );
}

function SignedInGate({ onSignedOut }: { onSignedOut: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeQuery });
  const [, logout] = useMutation(LogoutMutation);
  const user = data?.me ?? null;

  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        async signOut() {
          await logout({});
          onSignedOut();
        },
      },
    [user, logout, onSignedOut],
  );

  if (fetching && !data) return <LoadingState label="Opening USM Studio…" fullPage />;
  if (error && !data) {
    return (
      <ErrorState
        fullPage
        title="USM Studio cannot reach its server"
        message={errorMessage(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!session) return <SignIn />;
  return (
    <SessionContext.Provider value={session}>
      <Routes />
    </SessionContext.Provider>
  );
}

function Routes() {
  const route = matchRoute(usePath());
  switch (route.name) {
    case 'organisations':
      return <OrganisationList />;
    case 'organisation':
      return (
        <Suspense fallback={<LoadingState label="Opening the editor…" fullPage />}>
          <OrganisationPage key={route.id} organisationId={route.id} view={route.view} />
        </Suspense>
      );
    default:
      return <NotFound />;
  }
}
