// Messages between the answer panel's host (src/panel) and its webview (webview/).

/** What the webview keeps with vscode.setState, and what the serializer restores. */
export interface PanelState {
  readonly entryId: string;
  readonly pinned: boolean;
}

export type HostMessage =
  | { readonly type: 'show'; readonly state: PanelState; readonly title: string; readonly html: string }
  | { readonly type: 'practiced'; readonly entryId: string; readonly practiced: boolean }
  | { readonly type: 'pinned'; readonly pinned: boolean };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'openExternal'; readonly url: string }
  | { readonly type: 'togglePracticed'; readonly id: string }
  | { readonly type: 'pin' };

export const ANSWER_VIEW_TYPE = 'mlPrep.answer';

/** The drill panel: the host renders each step; the webview swaps it in and reports actions. */
export type DrillHostMessage = { readonly type: 'drillView'; readonly html: string; readonly timerSeconds?: number };

export type DrillWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'myAnswer' }
  | { readonly type: 'reveal' }
  | { readonly type: 'skip' }
  | { readonly type: 'grade'; readonly grade: 1 | 2 | 3 | 4; readonly covered: readonly number[] }
  | { readonly type: 'showProgress' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'openExternal'; readonly url: string };

export const DRILL_VIEW_TYPE = 'mlPrep.drill';
export const DASHBOARD_VIEW_TYPE = 'mlPrep.dashboard';
