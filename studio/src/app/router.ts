/**
 * A very small router over the History API: the studio has three places (organisations, one
 * organisation, sign-in when signed out). The server answers every studio path with index.html.
 */
import { useSyncExternalStore, type MouseEvent } from 'react';

const NAVIGATE = 'usm:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** For <a href> links: navigate inside the app unless the user asked for a new tab or window. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

export type Route = { name: 'organisations' } | { name: 'organisation'; id: string } | { name: 'not-found' };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '/organisations' || path === '/organisations/')
    return { name: 'organisations' };
  const match = /^\/organisations\/([^/]+)\/?$/.exec(path);
  if (match) return { name: 'organisation', id: decodeURIComponent(match[1]!) };
  return { name: 'not-found' };
}

export function organisationPath(id: string): string {
  return `/organisations/${encodeURIComponent(id)}`;
}
