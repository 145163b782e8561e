// Bundles the in-host suite: index.js (runner entry) and tests.js, optionally as a VSIX.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

const repo = path.resolve(__dirname, '..', '..');

export function bundleInHost(outDir: string): void {
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning' };
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'index.ts')], outfile: path.join(outDir, 'index.js') });
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'runner', 'runner.ts')], outfile: path.join(outDir, 'runner.js') });
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'extension.test.ts')], outfile: path.join(outDir, 'tests.js') });
}

/** The runner extension as a VSIX, for code-server. */
export function packageInHostRunner(workDir: string): string {
  bundleInHost(workDir);
  fs.copyFileSync(path.join(__dirname, 'runner', 'package.json'), path.join(workDir, 'package.json'));
  fs.writeFileSync(path.join(workDir, 'README.md'), 'Test-only extension.\n');
  fs.writeFileSync(path.join(workDir, '.vscodeignore'), '**\n!package.json\n!README.md\n!runner.js\n!tests.js\n!index.js\n');
  const out = path.join(workDir, 'inhost-tests.vsix');
  execFileSync(path.join(repo, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', out], {
    cwd: workDir,
    stdio: 'pipe',
  });
  return out;
}
