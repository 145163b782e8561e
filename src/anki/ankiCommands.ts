import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { MarkdownRenderer } from '../panel/markdownRenderer';
import type { StudyStore } from '../study/studyStore';
import { LocaleFormat } from '../util/localeFormat';
import type { Logger } from '../util/logger';
import type { AnkiScope } from './ankiExport';

export interface AnkiDeps {
  readonly source: CatalogSource;
  readonly study: StudyStore;
  readonly markdown: () => Promise<MarkdownRenderer>;
  readonly open: (id: string) => Promise<void>;
  readonly extensionId: string;
  readonly logger: Logger;
}

/** "ML Prep: Export to Anki…" and the vscode:// link that brings a card back to its answer. */
export function registerAnki(deps: AnkiDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.exportToAnki', () => exportToAnki(deps)),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        const id = new URLSearchParams(uri.query).get('id');
        if (uri.path === '/open' && id && deps.source.current.entry(id)) {
          deps.logger.run('anki: open link', () => deps.open(id));
        }
      },
    }),
  );
}

/** Questions whose latest grade was Again or Hard. */
function weakIds(study: StudyStore): string[] {
  const latest = new Map<string, number>();
  for (const entry of study.history().log) {
    latest.set(entry.questionId, entry.grade);
  }
  return [...latest].filter(([, grade]) => grade <= 2).map(([id]) => id);
}

async function exportToAnki(deps: AnkiDeps): Promise<void> {
  const catalog = deps.source.current;
  type Item = vscode.QuickPickItem & { scope: AnkiScope };
  const weak = weakIds(deps.study);
  const format = new LocaleFormat(vscode.env.language);
  const items: Item[] = [
    {
      label: vscode.l10n.t({ message: 'Everything', comment: ['Anki export scope: every question and concept'] }),
      description: vscode.l10n.t('{0} questions and {1} concepts', format.number(catalog.questions.length), format.number(catalog.concepts.length)),
      scope: { kind: 'all' },
    },
    ...(weak.length > 0
      ? [
          {
            label: vscode.l10n.t({ message: 'Weak ones', comment: ['Anki export scope: questions last graded Again or Hard'] }),
            description: vscode.l10n.t({ message: '{0} questions last graded Again or Hard', args: [format.number(weak.length)], comment: ['Again and Hard are the grade buttons'] }),
            scope: { kind: 'ids', ids: weak, label: 'weak' },
          } as Item,
        ]
      : []),
    ...catalog.topics.map((t): Item => ({ label: vscode.l10n.t('Topic: {0}', t.title), scope: { kind: 'topic', id: t.id } })),
    ...catalog.paths.map((p): Item => ({ label: vscode.l10n.t({ message: 'Path: {0}', args: [p.title], comment: ['A study path (a sequence of questions)'] }), scope: { kind: 'path', id: p.id } })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which cards to export to Anki?') });
  if (!picked) {
    return;
  }
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export to Anki'),
    defaultUri: vscode.Uri.file(`ml-interview-prep-anki.txt`),
    filters: { [vscode.l10n.t('Anki text file')]: ['txt'] },
  });
  if (!target) {
    return;
  }
  const [{ ankiExport }, md] = await Promise.all([import('./ankiExport'), deps.markdown()]);
  const text = ankiExport(catalog, picked.scope, {
    render: (m) => md.render(m),
    renderInline: (m) => md.renderInline(m),
    linkFor: (id) => `${vscode.env.uriScheme}://${deps.extensionId}/open?id=${encodeURIComponent(id)}`,
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const count = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'ML Prep: wrote {0} cards to {1}. In Anki: File > Import, choose the file; the deck, note type and tags are set by the file. Exporting again updates the same notes.',
      format.number(count),
      target.fsPath,
    ),
  );
}
