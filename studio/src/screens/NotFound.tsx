import { followLink } from '../app/router';
import { AppHeader } from '../ui/AppHeader';

export function NotFound() {
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Nothing here</h1>
        <p>
          This address leads nowhere in USM Studio.{' '}
          <a href="/" onClick={followLink}>
            Back to your organisations
          </a>
          .
        </p>
      </main>
    </>
  );
}
