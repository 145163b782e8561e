import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import { LocaleFormat } from '../util/localeFormat';
import { REVEAL_ARG } from '../search/searchCommands';
import type { LookupTable } from './lookupTable';
import { termAt } from './termAtPosition';

/** Only these commands may run from a hover link. */
const HOVER_COMMANDS = ['mlPrep.openEntry', 'mlPrep.startPractice'];

const commandLink = (command: string, ...args: unknown[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

/** The concept's one-liner on known ML terms and library symbols, with links to study it. */
export class TermHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly source: CatalogSource,
    private readonly table: () => LookupTable,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const match = termAt(this.table(), line, position.character);
    const concept = match && this.source.current.concept(match.conceptId);
    if (!match || !concept) {
      return undefined;
    }
    const questions = this.source.current.questionsUsing(concept.id).map((q) => q.id);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.appendMarkdown(`${withMarkdown(vscode.l10n.t({ message: '{0} (ML Interview Prep)', args: [slot(0)], comment: ['Hover title: {0} is the concept'] }), `**${escape(concept.title)}**`)}\n\n`);
    md.appendText(concept.oneLiner);
    md.appendMarkdown(`\n\n[$(book) ${escape(vscode.l10n.t('Open the explanation'))}](${commandLink('mlPrep.openEntry', concept.id, REVEAL_ARG)})`);
    if (questions.length > 0) {
      const count = new LocaleFormat(vscode.env.language).number(questions.length);
      const label = questions.length === 1 ? vscode.l10n.t('Practice 1 related question') : vscode.l10n.t('Practice {0} related questions', count);
      md.appendMarkdown(
        ` · [$(mortar-board) ${escape(label)}](${commandLink('mlPrep.startPractice', {
          kind: 'questions',
          ids: questions,
        })})`,
      );
    }
    return new vscode.Hover(md, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}

// Titles come from content files, user folders included: keep Markdown syntax out of them.
const escape = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** A placeholder argument that survives escape(): the translation is escaped, then the slot gets its Markdown. */
const slot = (i: number) => `\uE000${i}\uE000`;
const withMarkdown = (translated: string, ...markdown: string[]) =>
  escape(translated).replace(/\uE000(\d+)\uE000/g, (_, i: string) => markdown[Number(i)] ?? '');

/**
 * Registers the hover for the languages in mlPrep.hover.languages while mlPrep.hover.enabled is
 * on; other languages get no provider at all, so no work is done there.
 */
export class TermHovers implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly configListener: vscode.Disposable;

  constructor(private readonly provider: TermHoverProvider) {
    this.register();
    this.configListener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mlPrep.hover')) {
        this.register();
      }
    });
  }

  private register(): void {
    this.registration?.dispose();
    this.registration = undefined;
    const config = vscode.workspace.getConfiguration('mlPrep.hover');
    const languages = config.get<string[]>('languages', ['python', 'markdown']).filter((l) => typeof l === 'string' && l);
    const enabled = config.get<boolean>('enabled', true) && languages.length > 0;
    // Look Up Selection is in the context menu where hovers work, or when text is selected.
    void vscode.commands.executeCommand('setContext', 'mlPrep.hoverLanguages', enabled ? languages : []);
    if (enabled) {
      this.registration = vscode.languages.registerHoverProvider(
        languages.map((language) => ({ language })),
        this.provider,
      );
    }
  }

  dispose(): void {
    this.registration?.dispose();
    this.configListener.dispose();
  }
}
