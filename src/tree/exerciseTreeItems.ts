import * as vscode from 'vscode';
import { countExercises, type ExerciseTreeSource, type ExerciseTreeStatus } from './exerciseNodes';
import type { TreeNode } from './treeModel';

type ExerciseNode = Extract<TreeNode, { type: 'mlCoding' | 'exerciseTopic' | 'exercise' }>;

const STATUS: Record<ExerciseTreeStatus, { readonly label: string; readonly icon: vscode.ThemeIcon }> = {
  notTried: { label: 'not tried', icon: new vscode.ThemeIcon('circle-large-outline') },
  failing: { label: 'failing', icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')) },
  passing: { label: 'passing', icon: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) },
};

/** The TreeItems of the "ML Coding" node and below. */
export function exerciseTreeItem(node: ExerciseNode, source: ExerciseTreeSource, children: (node: TreeNode) => readonly TreeNode[]): vscode.TreeItem {
  switch (node.type) {
    case 'mlCoding': {
      // The model shows this node only once the exercises are read.
      const list = source.current ?? [];
      const item = new vscode.TreeItem('ML Coding', vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.iconPath = new vscode.ThemeIcon('beaker');
      item.contextValue = 'mlPrep.mlCoding';
      const count = countExercises(list, source);
      const due = count.due > 0 ? `, ${count.due} due for review` : '';
      item.description = `${count.practiced}/${count.total} practiced${count.due > 0 ? ` · ${count.due} due` : ''}`;
      item.tooltip = `Implement ML building blocks in your own Python, checked by hidden tests: ${count.passing} of ${count.total} passing, ${count.practiced} practiced${due}`;
      item.accessibilityInformation = { label: `ML Coding, ${count.total} coding exercises, ${count.practiced} of ${count.total} practiced${due}` };
      return item;
    }
    case 'exerciseTopic': {
      const count = countExercises(node.exercises, source);
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.iconPath = new vscode.ThemeIcon(count.total > 0 && count.passing === count.total ? 'pass-filled' : 'folder');
      item.description = `${count.passing}/${count.total} passing`;
      item.tooltip = `${node.title}: ${count.passing} of ${count.total} exercises passing`;
      item.contextValue = 'mlPrep.exerciseTopic';
      item.accessibilityInformation = { label: `${node.title}, coding exercises, ${count.passing} of ${count.total} passing (${children(node).length} exercises)` };
      return item;
    }
    case 'exercise': {
      const e = node.exercise;
      const status = STATUS[source.status(e.id)];
      const practiced = source.isPracticed(e.id);
      // Due: the review schedule brings it back today, so implementing it again is the review.
      const marks = `${practiced ? ', practiced' : ''}${source.isDue(e.id) ? ', due for review' : ''}`;
      const item = new vscode.TreeItem(e.shortTitle, vscode.TreeItemCollapsibleState.None);
      item.id = node.key;
      item.iconPath = status.icon;
      item.description = `${status.label}${marks.replace(/, /g, ' · ')} · ${e.difficulty}`;
      item.tooltip = new vscode.MarkdownString(`**${e.title}**\n\n${e.summary}\n\n*${e.difficulty}, ${status.label}${marks}*`);
      item.contextValue = `mlPrep.exercise.${source.status(e.id)}`;
      item.command = { command: 'mlPrep.exercise.open', title: 'Open Exercise', arguments: [e.id] };
      item.accessibilityInformation = { label: `${e.shortTitle}, coding exercise, ${e.difficulty}, ${status.label}${marks}` };
      return item;
    }
  }
}
