import * as assert from 'node:assert/strict';
import { defaultVsix, openContainer, openFile, startSession, step, type Session } from './harness';
import { answerFrame, builtCatalog, questionWithMathAndCode, revealQuestionRow } from './scenarios';

// Screenshots for the README and a check that the panel takes its colours from the theme.
const THEMES = [
  { theme: 'Default Light Modern', name: 'light' },
  { theme: 'Default High Contrast', name: 'high-contrast' },
] as const;

for (const { theme, name } of THEMES) {
  describe(`the answer panel in the ${name} theme`, function () {
    let s: Session;

    before(async function () {
      s = await startSession({ vsix: defaultVsix(), theme });
    });

    after(async function () {
      await s?.stop();
    });

    it('is readable: theme colours for text and background, and a screenshot', async function () {
      const catalog = builtCatalog();
      const question = questionWithMathAndCode(catalog);
      await openFile(s.page, 'train.py');
      await openContainer(s.page, 'ML Interview Prep');
      await (await revealQuestionRow(s.page, catalog, question)).click();
      const frame = await answerFrame(s.page, question.title);
      const colours = await step('the panel to use the theme colours', () =>
        frame.evaluate(() => {
          const style = getComputedStyle(document.body);
          const root = getComputedStyle(document.documentElement);
          return {
            color: style.color,
            background: style.backgroundColor,
            themeForeground: root.getPropertyValue('--vscode-foreground').trim(),
            kind: document.body.className,
          };
        }),
      );
      assert.ok(colours.themeForeground, 'VS Code theme variables reach the panel');
      assert.notEqual(colours.color, colours.background, 'text and background differ');
      const expectedKind = name === 'light' ? 'vscode-light' : 'vscode-high-contrast';
      assert.ok(colours.kind.includes(expectedKind), `body class ${colours.kind} includes ${expectedKind}`);
      await s.screenshot(`answer-beside-code-${name}`);
    });
  });
}
