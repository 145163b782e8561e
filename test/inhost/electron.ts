// npm run test:electron: the in-host suite in a desktop VS Code that @vscode/test-electron
// downloads. For contributors whose machines can reach VS Code's downloads; CI uses code-server.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleInHost } from './build';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  const out = path.join(repo, 'out', 'inhost');
  bundleInHost(out);
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(out, 'index.js'),
    extensionTestsEnv: { MLPREP_REPO: repo },
    launchArgs: [path.join(repo, 'sample-workspace'), '--disable-extensions'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
