// The confirmation "Mark All Practiced…" asks on a topic or section. Pure.
import type { TreeNode } from './treeModel';

/** What the modal says for `ids` (the node's questions), with how many of them are already practiced. */
export function markAllPrompt(node: TreeNode, ids: readonly string[], isPracticed: (id: string) => boolean): string {
  const name = node.type === 'topic' ? node.topic.title : node.type === 'section' ? `${node.topic.title}: ${node.name}` : undefined;
  const questions = `${ids.length} question${ids.length === 1 ? '' : 's'}`;
  const already = ids.filter(isPracticed).length;
  const note = already === 0 ? '' : already === ids.length ? ' All are practiced already.' : ` ${already} already ${already === 1 ? 'is' : 'are'}.`;
  return `Mark all ${questions}${name ? ` of "${name}"` : ''} practiced?${note}`;
}
