/**
 * Hash routing: `#/` cases, `#/case/<pack>/<case>`, `#/encoder`, `#/settings`. The hash keeps
 * the route across reloads and works from any static host.
 */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; packId: string; caseId: string }
  | { name: 'encoder' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'cases' };
  if (parts[0] === 'case' && parts.length === 3)
    return { name: 'case', packId: parts[1] as string, caseId: parts[2] as string };
  if (parts[0] === 'encoder' && parts.length === 1) return { name: 'encoder' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  return { name: 'not-found', path };
}

export const caseHref = (packId: string, caseId: string) =>
  `#/case/${encodeURIComponent(packId)}/${encodeURIComponent(caseId)}`;

export class Router {
  #route = $state<Route>({ name: 'cases' });

  constructor(win: Window = window) {
    this.#route = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => (this.#route = parseRoute(win.location.hash)));
  }

  get route(): Route {
    return this.#route;
  }
}
