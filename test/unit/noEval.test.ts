// The lint rules that keep content from ever being evaluated must themselves work.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

describe('lint rules against evaluating content', () => {
  it('reject eval, new Function, vm and front-matter engines', async function () {
    this.timeout(30000);
    const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });
    const source = [
      "import matter from 'gray-matter';",
      "import * as vm from 'node:vm';",
      'export const a = eval("1");',
      'export const b = new Function("return 1");',
      'export const c = [matter, vm];',
    ].join('\n');
    const [result] = await eslint.lintText(source, { filePath: join(__dirname, '..', '..', 'src', 'probe.ts') });
    const rules = new Set(result.messages.map((m) => m.ruleId));
    for (const rule of ['no-eval', 'no-new-func', 'no-restricted-globals', 'no-restricted-imports']) {
      assert.ok(rules.has(rule), `${rule} fires: ${[...rules].join(', ')}`);
    }
    assert.equal(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length, 2);
  });
});
