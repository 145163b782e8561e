import * as vscode from 'vscode';
import { findFunctions } from './attemptFiles';
import type { Exercise } from './exerciseTypes';

/** "Run hidden tests" and "Reveal solution" above each function the user implements in an attempt file. */
export class ExerciseCodeLens implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly exerciseOf: (uri: vscode.Uri) => Promise<Exercise | undefined>) {}

  /** Attempts become known once the exercises are read, or when the folder setting changes. */
  refresh(): void {
    this.emitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const exercise = await this.exerciseOf(document.uri);
    if (!exercise) {
      return [];
    }
    return findFunctions(document.getText(), exercise.functions).flatMap((def) => {
      const range = new vscode.Range(def.line, 0, def.line, 0);
      return [
        new vscode.CodeLens(range, { title: vscode.l10n.t('$(play) Run hidden tests'), command: 'mlPrep.exercise.run', arguments: [exercise.id], tooltip: vscode.l10n.t('Run the hidden tests of {0}', exercise.title) }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Reveal solution'), command: 'mlPrep.exercise.revealSolution', arguments: [exercise.id], tooltip: vscode.l10n.t('Open the reference solution beside your attempt') }),
      ];
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
