import * as vscode from 'vscode';
import type { ExerciseLibrary } from './exerciseLibrary';

export const SOLUTION_SCHEME = 'mlprep-solution';

/** The read-only reference solution of an exercise: `mlprep-solution:/<id>.solution.py`. */
export function solutionUri(exerciseId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${exerciseId}.solution.py` });
}

export function exerciseIdOfSolution(uri: vscode.Uri): string | undefined {
  const m = uri.scheme === SOLUTION_SCHEME ? /^\/([^/]+)\.solution\.py$/.exec(uri.path) : null;
  return m?.[1];
}

/** Serves reference solutions from the compiled exercises; documents of a content provider are read-only. */
export class SolutionDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly library: ExerciseLibrary) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await this.library.load();
    const id = exerciseIdOfSolution(uri);
    const exercise = id ? this.library.get(id) : undefined;
    return exercise ? exercise.solution : `# ${vscode.l10n.t('No exercise has the id "{0}".', id ?? uri.path)}\n`;
  }
}
