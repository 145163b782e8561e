import * as vscode from 'vscode';
import { ANSWER_VIEW_TYPE } from '../shared/protocol';
import type { AnswerPanels } from './answerPanels';

/** Keep Answer Panel Open, and the serializer that brings answer panels back after a reload. */
export function registerPanelCommands(panels: AnswerPanels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.pinPanel', () => panels.pin()),
    vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels),
  );
}
