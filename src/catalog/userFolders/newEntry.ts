import * as vscode from 'vscode';
import type { CatalogSource } from '../catalogSource';
import type { UserContentFolders } from './userContentFolders';

export type NewEntryKind = 'question' | 'concept';

/** "ML Prep: New Question" / "New Concept": a file with filled-in front matter, opened for editing. */
export async function createEntry(kind: NewEntryKind, folders: UserContentFolders, source: CatalogSource, initialTitle = ''): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(folders);
  if (!folder) {
    return undefined;
  }
  const title = await vscode.window.showInputBox({
    title: kind === 'question' ? 'New question' : 'New concept',
    prompt: kind === 'question' ? 'The question, as an interviewer would ask it' : 'The term, as it should appear in the cheat sheet',
    value: initialTitle,
    validateInput: (v) => (v.trim() ? undefined : 'Enter a title'),
  });
  if (!title) {
    return undefined;
  }
  const id = uniqueId(slug(title), (candidate) => source.current.entry(candidate) !== undefined || source.current.topic(candidate) !== undefined);
  const { MY_NOTES_TOPIC_ID } = await import('./userContent');
  const topics = source.current.topics;
  const picked = await vscode.window.showQuickPick(
    [{ label: 'My notes', id: MY_NOTES_TOPIC_ID }, ...topics.filter((t) => t.id !== MY_NOTES_TOPIC_ID).map((t) => ({ label: t.title, id: t.id }))],
    { placeHolder: `Which topic does the ${kind} belong to?` },
  );
  if (!picked) {
    return undefined;
  }
  const topic = picked.id;
  const relative = kind === 'question' ? `questions/${topic}/${id}.md` : `concepts/${id}.md`;
  const uri = vscode.Uri.joinPath(folder, ...relative.split('/'));
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template(kind, id, title.trim(), topic)));
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function pickFolder(folders: UserContentFolders): Promise<vscode.Uri | undefined> {
  const configured = folders.folders();
  const choose = 'Choose a folder...';
  const items = [...configured.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { label: choose, uri: undefined }];
  const picked = configured.length === 0 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: 'Which content folder?' });
  if (picked?.uri) {
    return picked.uri;
  }
  if (!picked) {
    return undefined;
  }
  const [folder] =
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Use as ML Prep content folder' })) ?? [];
  if (folder) {
    // Remember it in the workspace settings if there is a workspace, else the user's.
    const config = vscode.workspace.getConfiguration('mlPrep.content');
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const current = config.get<string[]>('folders', []);
    await config.update('folders', [...current, folder.fsPath], target);
  }
  return folder;
}

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-') || 'untitled'
  );
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) {
    id = `${base}-${n}`;
  }
  return id;
}

function template(kind: NewEntryKind, id: string, title: string, topic: string): string {
  const q = JSON.stringify;
  if (kind === 'concept') {
    return `---\nid: ${id}\ntitle: ${q(title)}\ntopic: ${topic}\nstatus: draft\noneLiner: ${q('One precise sentence (at most 25 words).')}\naliases:\n  - ${q(title.toLowerCase())}\n---\nExplain the concept here: the idea, the formula, when it matters.\n`;
  }
  return `---\nid: ${id}\ntitle: ${q(title)}\ntopic: ${topic}\nformat: explain\ndifficulty: intermediate\nstatus: draft\nsummary: ${q('The gist of a good answer, in a sentence or two.')}\n---\n## Short answer\n\n## Deep dive\n\n## Trade-offs and pitfalls\n\n## Follow-ups\n`;
}
