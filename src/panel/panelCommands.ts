import * as vscode from 'vscode';
import { ANSWER_VIEW_TYPE } from '../shared/protocol';
import type { AnswerPanel, AnswerPanels } from './answerPanels';

/** What a "webview/context" menu passes: the data-vscode-context of what was right-clicked. */
interface PanelContext {
  readonly mlPrepId?: unknown;
}

/**
 * The answer panel's commands (keep open, next and previous question, Open to the Side, Copy
 * Link) and the serializer that brings answer panels back after a reload.
 */
export function registerPanelCommands(panels: AnswerPanels, extensionId: string): vscode.Disposable {
  /** The right-clicked link's entry, else the focused panel's. */
  const targetOf = (context?: PanelContext): string | undefined =>
    typeof context?.mlPrepId === 'string' && context.mlPrepId !== '' ? context.mlPrepId : panels.active?.entryId || undefined;

  const step = async (direction: 'next' | 'previous') => {
    const panel: AnswerPanel | undefined = panels.active;
    if (!panel || panels.activeQuestionId() === undefined) {
      void vscode.window.showInformationMessage(`ML Prep: open a question first; the ${direction} one of its topic then opens in its place.`);
      return;
    }
    if ((await panels.step(panel, direction)) === undefined) {
      vscode.window.setStatusBarMessage(`ML Prep: this is the ${direction === 'next' ? 'last' : 'first'} question of its topic.`, 4000);
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.pinPanel', () => panels.pin()),
    vscode.commands.registerCommand('mlPrep.nextQuestion', () => step('next')),
    vscode.commands.registerCommand('mlPrep.previousQuestion', () => step('previous')),
    vscode.commands.registerCommand('mlPrep.openToSide', (context?: PanelContext) => {
      const id = targetOf(context);
      return id ? panels.openToSide(id) : undefined;
    }),
    vscode.commands.registerCommand('mlPrep.copyLink', async (context?: PanelContext) => {
      const id = targetOf(context);
      if (!id) {
        return;
      }
      // Our URI handler (anki/ankiCommands.ts) opens catalog entries; a feature page has only its id.
      const link = panels.isEntry(id) ? `${vscode.env.uriScheme}://${extensionId}/open?id=${encodeURIComponent(id)}` : `mlprep:${id}`;
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage(`ML Prep: copied ${link}`, 4000);
    }),
    vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels),
  );
}
