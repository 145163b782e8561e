import * as ts from 'typescript';

/**
 * Finds user-visible English in TypeScript source that does not go through l10n.
 *
 * A string counts as user-visible when it reads like words: two words in a row, or one
 * capitalized word ("Again", "Open"). In HTML, only text between tags and the values of
 * attributes a person reads (aria-label, title, placeholder, alt) count, so markup, CSS
 * classes and ids pass. Allowed places: the message and arguments of `l10n.t`, logger and
 * console calls, `new Error` (a programmer's error; anything shown to a user must be
 * wrapped), imports, literal types, property names, comparisons and `case` labels, and a
 * line marked `// l10n-ignore: why` (on the line itself or the one above).
 */
export interface LiteralFinding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const WORDS = /\p{L}{2,}[ \t]+\p{L}{2,}|^\s*(\$\([\w-]+\)\s*)?\p{Lu}\p{Ll}{2,}/u;
const READ_ATTRIBUTES = /\b(?:aria-label|title|placeholder|alt|aria-description|aria-roledescription)\s*=\s*"([^"]*)"/gi;
const LOG_CALLEE = /(?:^|\.)(?:logger|log|console)\.\w+$|\.appendLine$/;
const L10N_CALLEE = /(?:^|\.)l10n\.t$/;
const IGNORE = /\/\/\s*l10n-ignore\b/;

/** The words in a literal that a person would read. */
export function readableParts(text: string): string[] {
  if (!/<\/?[a-z][^>]*>/i.test(text)) {return [text];}
  const withoutBlocks = text.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ');
  const parts: string[] = [];
  for (const m of withoutBlocks.matchAll(READ_ATTRIBUTES)) {parts.push(m[1]);}
  parts.push(...withoutBlocks.replace(/<[^>]*>/g, '\n').split('\n'));
  return parts;
}

export function looksLikeWords(text: string): boolean {
  return readableParts(text).some((part) => WORDS.test(part.replace(/&\w+;/g, ' ')));
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {return node.text;}
  // Placeholders become line breaks so that "${a} ${b}" is not read as two words.
  if (ts.isTemplateExpression(node)) {return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\n');}
  return undefined;
}

function calleeText(node: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): string {
  return node.expression.getText(sf).replace(/\s+/g, '');
}

/** Whether some ancestor makes the literal allowed. */
function allowed(node: ts.Node, sf: ts.SourceFile): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isExternalModuleReference(p)) {return true;}
    if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isEnumMember(p)) && p.name === child) {return true;}
    if (ts.isElementAccessExpression(p) && p.argumentExpression === child) {return true;}
    if (ts.isCaseClause(p) && p.expression === child) {return true;}
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(p.operatorToken.kind)) {return true;}
    if (ts.isCallExpression(p)) {
      const callee = calleeText(p, sf);
      if (L10N_CALLEE.test(callee) || LOG_CALLEE.test(callee) || callee === 'require' || p.expression.kind === ts.SyntaxKind.ImportKeyword) {return true;}
    }
    if (ts.isNewExpression(p) && calleeText(p, sf) === 'Error') {return true;}
  }
  return false;
}

export function findLiteralStrings(file: string, source: string): LiteralFinding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const lines = source.split('\n');
  const findings: LiteralFinding[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      if (looksLikeWords(text) && !allowed(node, sf)) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        if (!IGNORE.test(lines[line]) && !IGNORE.test(lines[line - 1] ?? '')) {
          findings.push({ file, line: line + 1, text: text.replace(/\s+/g, ' ').trim().slice(0, 100) });
        }
      }
      if (!ts.isTemplateExpression(node)) {return;}
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
