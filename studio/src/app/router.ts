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

/** The query string ("?step=3"), for views that keep their place in it (walkthroughs). */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Replaces the query string without a new history entry (stepping through a walkthrough). */
export function replaceSearch(search: string): void {
  const next = search && !search.startsWith('?') ? `?${search}` : search;
  if (next === window.location.search) return;
  window.history.replaceState(null, '', `${window.location.pathname}${next}${window.location.hash}`);
  window.dispatchEvent(new Event(NAVIGATE));
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === `${window.location.pathname}${window.location.search}`) return;
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
  navigate(event.currentTarget.pathname + event.currentTarget.search);
}

/** The views of one organisation, each with its own address so a reload or a shared link opens it again. */
export type OrganisationView =
  | { name: 'architecture' }
  | { name: 'procedures' }
  | { name: 'procedure'; procedureId: string }
  | { name: 'work-instructions'; procedureId: string }
  | { name: 'roles-and-tools' }
  | { name: 'members' }
  | { name: 'walkthrough' }
  | { name: 'interchange' }
  | { name: 'coverage' }
  | { name: 'workflow-walkthrough'; number: number }
  | { name: 'derivation-walkthrough'; procedureId: string };

export type Route =
  | { name: 'organisations' }
  | { name: 'organisation'; id: string; view: OrganisationView }
  | { name: 'not-found' };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '/organisations' || path === '/organisations/')
    return { name: 'organisations' };
  const match = /^\/organisations\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return { name: 'not-found' };
  const view = matchOrganisationView((match[2] ?? '').replace(/\/$/, ''));
  return view ? { name: 'organisation', id: decodeURIComponent(match[1]!), view } : { name: 'not-found' };
}

function matchOrganisationView(rest: string): OrganisationView | null {
  if (rest === '') return { name: 'architecture' };
  if (rest === '/procedures') return { name: 'procedures' };
  if (rest === '/roles-and-tools') return { name: 'roles-and-tools' };
  if (rest === '/members') return { name: 'members' };
  if (rest === '/walkthrough') return { name: 'walkthrough' };
  if (rest === '/interchange') return { name: 'interchange' };
  if (rest === '/coverage') return { name: 'coverage' };
  const workflow = /^\/walkthrough\/workflow\/([1-8])$/.exec(rest);
  if (workflow) return { name: 'workflow-walkthrough', number: Number(workflow[1]) };
  const derivation = /^\/walkthrough\/derivation\/([^/]+)$/.exec(rest);
  if (derivation) return { name: 'derivation-walkthrough', procedureId: decodeURIComponent(derivation[1]!) };
  const procedure = /^\/procedures\/([^/]+)(\/instructions)?$/.exec(rest);
  if (!procedure) return null;
  const procedureId = decodeURIComponent(procedure[1]!);
  return procedure[2] ? { name: 'work-instructions', procedureId } : { name: 'procedure', procedureId };
}

export function organisationPath(id: string, view: OrganisationView = { name: 'architecture' }): string {
  const base = `/organisations/${encodeURIComponent(id)}`;
  switch (view.name) {
    case 'architecture':
      return base;
    case 'procedures':
    case 'roles-and-tools':
    case 'members':
    case 'interchange':
    case 'coverage':
      return `${base}/${view.name}`;
    case 'procedure':
      return `${base}/procedures/${encodeURIComponent(view.procedureId)}`;
    case 'work-instructions':
      return `${base}/procedures/${encodeURIComponent(view.procedureId)}/instructions`;
    case 'walkthrough':
      return `${base}/walkthrough`;
    case 'workflow-walkthrough':
      return `${base}/walkthrough/workflow/${view.number}`;
    case 'derivation-walkthrough':
      return `${base}/walkthrough/derivation/${encodeURIComponent(view.procedureId)}`;
  }
}
