// Packages the built extension with another catalog, to run hostile or synthetic content
// through the real panel. Uses the same compiler as the build, so the catalog is a real one.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileCatalog, ContentFile, formatProblem } from '../../src/catalog/compile/compileCatalog';
import { REPO_ROOT } from './harness';

export function packageWithContent(files: readonly ContentFile[], name: string): string {
  const { catalog, problems } = compileCatalog(files);
  if (!catalog) {
    throw new Error(`fixture content does not compile:\n${problems.map(formatProblem).join('\n')}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mlprep-${name}-`));
  try {
    for (const f of ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'dist/extension.js', 'dist/webview.js']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, f), path.join(dir, f));
    }
    for (const f of fs.readdirSync(REPO_ROOT).filter((n) => /^package\.nls\.[^.]+\.json$/.test(n))) {
      fs.copyFileSync(path.join(REPO_ROOT, f), path.join(dir, f));
    }
    if (fs.existsSync(path.join(REPO_ROOT, 'l10n'))) {
      fs.cpSync(path.join(REPO_ROOT, 'l10n'), path.join(dir, 'l10n'), { recursive: true });
    }
    fs.cpSync(path.join(REPO_ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'catalog.json'), JSON.stringify(catalog));
    const out = path.join(os.tmpdir(), `mlprep-${name}-${process.pid}.vsix`);
    const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
    execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'README.md', '--no-rewrite-relative-links', '-o', out], { cwd: dir, stdio: 'pipe' });
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fm = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');

export const HOSTILE_TITLE = 'Hostile <script>alert(1)</script> answer';
export const HUGE_TITLE = 'A huge answer';
export const EMPTY_TITLE = 'An empty answer';

/** Content that tries everything a malicious or careless content file could. */
export function hostileContent(): ContentFile[] {
  const hostileBody = [
    '## Short answer',
    '<script>window.pwned = "script"</script> Plain text after a script tag.',
    '',
    '<img src=x onerror="window.pwned = \'img\'"> and <svg onload="window.pwned = \'svg\'"></svg>',
    '',
    '## Deep dive',
    '[javascript link](javascript:window.pwned=%22link%22) [data link](data:text/html,<script>alert(1)</script>) [next](mlprep:huge-answer)',
    '',
    '<iframe src="https://example.com"></iframe> <style>body { display: none }</style> <a href="javascript:void(0)" onclick="window.pwned=1">raw anchor</a>',
    '',
    '![remote image](https://example.com/pixel.png)',
    '',
    'Unicode: 注意力机制 Ωμέγα ∑ 🚀 \u202Ereversed\u202C العربية',
    '',
    '$\\href{javascript:alert(1)}{math link}$ and $$\\unknownmacro{x}$$',
    '',
    '## Trade-offs and pitfalls',
    '`<b>code</b>` stays code.',
    '',
    '## Follow-ups',
    '### What next?',
    'Nothing.',
  ].join('\n');
  const huge = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i}: attention $O(n^2 d)$ with \`code_${i}\` and **bold** text.`).join('\n\n');
  const question = (id: string, title: string, body: string, status = 'published') => ({
    path: `questions/hostile/${id}.md`,
    text: `---\n${fm({ id, title, shortTitle: '<i>Hostile</i> answer', topic: 'hostile', format: 'explain', difficulty: 'advanced', status, summary: `<img src=x onerror=alert(1)> ${title}` })}\n${
      status === 'published'
        ? 'concepts:\n  - "hostile-concept"\nrelated:\n  - "huge-answer"\n  - "empty-answer"\nkeyPoints:\n  - "<script>x</script>"\n  - "b"\n  - "c"\n  - "d"\nsources:\n  - "[click](javascript:alert(1))"\n'
        : ''
    }---\n${body}\n`,
  });
  return [
    {
      path: 'topics/hostile.md',
      text: `---\n${fm({ id: 'hostile', title: 'Hostile <b>topic</b>', order: 1, difficulty: 'advanced' })}\nteaches:\n  - "<script>"\n---\nA topic.\n`,
    },
    question('hostile-answer', HOSTILE_TITLE, hostileBody),
    question('huge-answer', HUGE_TITLE, `${huge}\n\nTHE END OF THE HUGE ANSWER`, 'draft'),
    question('empty-answer', EMPTY_TITLE, '', 'draft'),
    {
      path: 'concepts/hostile-concept.md',
      text: `---\n${fm({ id: 'hostile-concept', title: 'Hostile concept', topic: 'hostile', status: 'draft', oneLiner: '<script>alert(1)</script>' })}\naliases:\n  - "<img src=x onerror=alert(1)>"\n---\n<script>window.pwned = "concept"</script>\n`,
    },
  ];
}
