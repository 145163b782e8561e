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
