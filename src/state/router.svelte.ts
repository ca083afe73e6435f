/**
 * Hash routing: `#/` cases, `#/case/<pack>/<case>` (`<pack>` is a pack id, its newest version,
 * or `<id>@<version>`: scenarios/versions.ts), and one page per name in PAGES
 * (`#/encoder`, `#/settings`). The hash keeps the route across reloads and works from any static
 * host. Each route's screen is loaded when first opened (ui/screens.ts).
 */
/** Pages without parameters; a new screen (practice, refresher, quiz, progress, studio) is added here. */
export const PAGES = [
  'encoder',
  'settings',
  'refresher',
  'quiz',
  'progress',
  'exam',
  'studio',
  'practice',
] as const;
export type PageName = (typeof PAGES)[number];

export type Route =
  | { name: 'cases' }
  | { name: 'case'; packId: string; caseId: string }
  /** A case as a trainee sees it, opened from the studio: nothing is saved. */
  | { name: 'preview'; packId: string; caseId: string }
  /** `params` from a query after the page name: `#/encoder?code=E11.65`. */
  | { name: PageName; params?: Record<string, string> }
  | { name: 'not-found'; path: string };

const isPage = (s: string | undefined): s is PageName => (PAGES as readonly string[]).includes(s!);

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const q = full.indexOf('?');
  const path = q >= 0 ? full.slice(0, q) || '/' : full;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'cases' };
  if (parts[0] === 'case' && parts.length === 3)
    return { name: 'case', packId: parts[1] as string, caseId: parts[2] as string };
  if (parts[0] === 'preview' && parts.length === 3)
    return { name: 'preview', packId: parts[1] as string, caseId: parts[2] as string };
  if (parts.length === 1 && isPage(parts[0])) {
    if (q < 0) return { name: parts[0] };
    // A one-off read of the query into a plain object, not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const params = Object.fromEntries(new URLSearchParams(full.slice(q + 1)));
    return { name: parts[0], params };
  }
  // The studio keeps what is open in the rest of the path (`#/studio/<slot>/cases/2`).
  if (parts[0] === 'studio') return { name: 'studio' };
  return { name: 'not-found', path: full };
}

export const caseHref = (packId: string, caseId: string) =>
  `#/case/${encodeURIComponent(packId)}/${encodeURIComponent(caseId)}`;

/** The encoder opened on a code (a score row's link). */
export const encoderHref = (code: string) => `#/encoder?code=${encodeURIComponent(code)}`;

export const previewHref = (packId: string, caseId: string) =>
  `#/preview/${encodeURIComponent(packId)}/${encodeURIComponent(caseId)}`;

export class Router {
  #route = $state<Route>({ name: 'cases' });

  constructor(win: Window = window) {
    this.#route = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => {
      const next = parseRoute(win.location.hash);
      // The same route stays the same object, so its screen is not mounted again (the studio
      // keeps what is open in the rest of the hash).
      if (JSON.stringify(next) !== JSON.stringify(this.#route)) this.#route = next;
    });
  }

  get route(): Route {
    return this.#route;
  }
}
