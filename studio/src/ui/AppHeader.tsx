import type { ReactNode } from 'react';
import { followLink } from '../app/router';
import { useSession } from '../app/session';

/** The bar on top of every signed-in page: product, where you are, who you are, sign out. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { user, signOut } = useSession();
  return (
    <header className="app-header">
      <a className="app-header__brand" href="/" onClick={followLink}>
        <span className="brand-mark" aria-hidden="true" />
        USM Studio
      </a>
      <div className="app-header__context">{children}</div>
      <div className="app-header__user">
        <span className="app-header__name" title={user.email}>
          {user.name || user.email}
        </span>
        <button type="button" className="button button--quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
