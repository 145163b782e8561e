// Messages between each panel's host (src/panel, src/drill, src/dashboard) and its webview script
// (webview/main.ts, drill.ts, dashboard.ts): one union per direction per panel, and a guard for
// what each webview sends.

/** What the webview keeps with vscode.setState, and what the serializer restores. */
export interface PanelState {
  readonly entryId: string;
  readonly pinned: boolean;
  /** The answer section to show first (a search hit in the body); absent: the top. */
  readonly anchor?: string;
  /** The panel's back/forward history (the host's; kept here so it survives a reload). */
  readonly history?: HistorySnapshot;
  /** Scroll offsets by entry id, kept by the webview as the user scrolls. */
  readonly scroll?: Readonly<Record<string, number>>;
  /** Whether this drawing goes back to the entry's saved scroll offset (back, forward, reload) or starts at the top. */
  readonly restoreScroll?: boolean;
  /** Which document the state belongs to: a reloaded document (after a tab switch) finds its own state by it. */
  readonly doc?: string;
  /** Reading size in pixels (mlPrep.panel.fontSize, resolved). */
  readonly fontSize?: number;
}

/** The entries behind and ahead of the one an answer panel shows. */
export interface HistorySnapshot {
  /** Oldest first; the last one is where Back goes. */
  readonly back: readonly string[];
  /** Nearest first; the first one is where Forward goes. */
  readonly forward: readonly string[];
}

export type HostMessage =
  | { readonly type: 'show'; readonly state: PanelState; readonly title: string; readonly html: string }
  | { readonly type: 'practiced'; readonly entryId: string; readonly practiced: boolean }
  | { readonly type: 'pinned'; readonly pinned: boolean }
  | { readonly type: 'fontSize'; readonly px: number };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'openExternal'; readonly url: string }
  | { readonly type: 'togglePracticed'; readonly id: string }
  | { readonly type: 'pin' }
  | { readonly type: 'back' }
  | { readonly type: 'forward' }
  | { readonly type: 'exercise'; readonly action: ExerciseAction; readonly id: string };

/** The buttons of an exercise's statement page in the answer panel. */
export type ExerciseAction = 'start' | 'run' | 'reveal';
const EXERCISE_ACTIONS: readonly unknown[] = ['start', 'run', 'reveal'] satisfies ExerciseAction[];

export const ANSWER_VIEW_TYPE = 'mlPrep.answer';

/** The practiced button's title, set by the host's HTML and by the webview when it changes: what un-ticking does. */
export const PRACTICED_TITLE = 'Practiced. Click to clear the mark and take the question out of review (its review history is kept).';
export const NOT_PRACTICED_TITLE = 'Mark as practiced';

/** The drill panel: the host renders each step; the webview swaps it in and reports actions. */
export type DrillHostMessage = {
  readonly type: 'drillView';
  readonly html: string;
  readonly timerSeconds?: number;
  /** Said by the page's live region, e.g. "Question 2 of 10: …", so a screen reader hears the new question. */
  readonly announce?: string;
};

/**
 * Actions on one question of a drill name the question and the drill step they were shown at
 * (the view's data-question-id and data-step), so a repeated or late message is ignored instead of
 * grading or skipping the next question.
 */
export interface DrillStepRef {
  readonly questionId: string;
  readonly step: number;
}

export type DrillWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'myAnswer' }
  | ({ readonly type: 'reveal' } & DrillStepRef)
  | ({ readonly type: 'skip' } & DrillStepRef)
  | ({ readonly type: 'grade'; readonly grade: 1 | 2 | 3 | 4; readonly covered: readonly number[] } & DrillStepRef)
  /** Take back the last grade; `step` is the view's, so a repeat or a late one is ignored. */
  | { readonly type: 'undo'; readonly step: number }
  /** From the summary: a new drill of the questions graded Again or Hard. */
  | { readonly type: 'drillWeak' }
  | { readonly type: 'showProgress' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'openExternal'; readonly url: string };

/**
 * The dashboard: the host sends each redraw's content once per change; the webview swaps it in,
 * keeping its scroll position and open sections.
 */
export type DashboardHostMessage = { readonly type: 'dashboardView'; readonly html: string };

export type DashboardWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly id: string }
  /** "Review N due": a drill of what is due. */
  | { readonly type: 'startReview' }
  /** "Drill weakest topic": a drill of that topic. */
  | { readonly type: 'drillTopic'; readonly id: string }
  | { readonly type: 'openExternal'; readonly url: string };

/** What the dashboard page keeps with vscode.setState: it comes back as it was left after being hidden. */
export interface DashboardState {
  /** The summaries of the open <details>, e.g. "Topics as a table". */
  readonly open: readonly string[];
  readonly scrollY: number;
}

export const DRILL_VIEW_TYPE = 'mlPrep.drill';
export const DASHBOARD_VIEW_TYPE = 'mlPrep.dashboard';

// Type guards for what a webview sends. A webview is a web page: whatever arrives is checked
// here before any handler sees it.

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null && !Array.isArray(m);
const MAX_ID = 240;
const MAX_URL = 2048;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_URL;
/** Key-point indexes: distinct whole numbers, at most as many as a question can have. */
const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isStepRef = (m: Record<string, unknown>): boolean => isId(m.questionId) && isStep(m.step);
const isCovered = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length <= 64 && v.every((i) => Number.isInteger(i) && i >= 0 && i < 64) && new Set(v).size === v.length;

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (!isObject(m)) {
    return false;
  }
  switch (m.type) {
    case 'ready':
    case 'pin':
    case 'back':
    case 'forward':
      return true;
    case 'open':
    case 'togglePracticed':
      return isId(m.id);
    case 'openExternal':
      return isUrl(m.url);
    case 'exercise':
      return EXERCISE_ACTIONS.includes(m.action) && isId(m.id);
    default:
      return false;
  }
}

export function isDrillWebviewMessage(m: unknown): m is DrillWebviewMessage {
  if (!isObject(m)) {
    return false;
  }
  switch (m.type) {
    case 'ready':
    case 'myAnswer':
    case 'showProgress':
    case 'drillWeak':
      return true;
    case 'undo':
      return isStep(m.step);
    case 'reveal':
    case 'skip':
      return isStepRef(m);
    case 'grade':
      return (m.grade === 1 || m.grade === 2 || m.grade === 3 || m.grade === 4) && isCovered(m.covered) && isStepRef(m);
    case 'open':
      return isId(m.id);
    case 'openExternal':
      return isUrl(m.url);
    default:
      return false;
  }
}

export function isDashboardWebviewMessage(m: unknown): m is DashboardWebviewMessage {
  if (!isObject(m)) {
    return false;
  }
  switch (m.type) {
    case 'ready':
    case 'startReview':
      return true;
    case 'open':
    case 'drillTopic':
      return isId(m.id);
    case 'openExternal':
      return isUrl(m.url);
    default:
      return false;
  }
}

/** A short, safe description of a rejected message for the log. */
export function describeMessage(m: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(m) ?? String(m);
  } catch {
    text = Object.prototype.toString.call(m);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
