/**
 * Hash routing: `#/` cases, `#/case/<pack>/<case>` (`<pack>` is a pack id, its newest version,
 * or `<id>@<version>`: scenarios/versions.ts), and one page per name in PAGES
 * (`#/encoder`, `#/settings`). The hash keeps the route across reloads and works from any static
 * host. Each route's screen is loaded when first opened (ui/screens.ts).
 */
/** Pages without parameters; a new screen (practice, refresher, quiz, progress, studio) is added here. */
export const PAGES = ['encoder', 'settings', 'refresher', 'practice'] as const;
export type PageName = (typeof PAGES)[number];

export type Route =
  | { name: 'cases' }
  | { name: 'case'; packId: string; caseId: string }
  | { name: PageName }
  | { name: 'not-found'; path: string };

const isPage = (s: string | undefined): s is PageName => (PAGES as readonly string[]).includes(s!);

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'cases' };
  if (parts[0] === 'case' && parts.length === 3)
    return { name: 'case', packId: parts[1] as string, caseId: parts[2] as string };
  if (parts.length === 1 && isPage(parts[0])) return { name: parts[0] };
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
