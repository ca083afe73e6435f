/**
 * The route table: which screen each route shows, each loaded when first opened (a dynamic
 * import, so a screen's code and what only it uses stay out of the first load). The case list
 * is the landing page and loads with the app. A new screen (`#/practice`, `#/refresher`,
 * `#/quiz`, `#/progress`, `#/studio`) gets its route name in state/router.svelte.ts (PAGES)
 * and a loader here, e.g. `practice: lazy(() => import('./practice/PracticePage.svelte'))`.
 * See: issue 9 "A lean first load".
 */
import type { Component } from 'svelte';
import type { AppState } from '../state/app.svelte';
import type { Route } from '../state/router.svelte';

type Props<R extends Route['name']> = R extends 'case' | 'preview'
  ? {
      app: AppState;
      packId: string;
      caseId: string;
      /** Exam mode (the exam screen embeds its cases). */
      exam?: { examId: string; sittingId: string };
      /** Opened from the studio: nothing is saved. */
      preview?: boolean;
    }
  : { app: AppState };
type Loader<R extends Route['name']> = () => Promise<Component<Props<R>>>;

/** Loads a screen once; a failed load (e.g. a network error) is tried again next time. */
function lazy<R extends Route['name']>(
  load: () => Promise<{ default: Component<Props<R>> }>,
): Loader<R> {
  let p: Promise<Component<Props<R>>> | null = null;
  return () =>
    (p ??= load().then(
      (m) => m.default,
      (e: unknown) => {
        p = null;
        throw e;
      },
    ));
}

export const SCREENS: { [R in Exclude<Route['name'], 'cases' | 'not-found'>]: Loader<R> } = {
  case: lazy(() => import('./case/CaseView.svelte')),
  encoder: lazy(() => import('./pages/EncoderPage.svelte')),
  settings: lazy(() => import('./pages/SettingsPage.svelte')),
  refresher: lazy(() => import('./refresher/RefresherPage.svelte')),
  quiz: lazy(() => import('./quiz/QuizPage.svelte')),
  progress: lazy(() => import('./progress/ProgressPage.svelte')),
  exam: lazy(() => import('./exam/ExamPage.svelte')),
  studio: lazy(() => import('./studio/StudioPage.svelte')),
  preview: lazy(() => import('./case/CaseView.svelte')),
  practice: lazy(() => import('./practice/PracticePage.svelte')),
};
