/**
 * `npm run install-vsix` (after `npm run package`): installs ml-interview-prep.vsix into your
 * own VS Code with `code --install-extension ml-interview-prep.vsix --force`.
 * Pass another VS Code CLI with `--code PATH` (e.g. code-insiders, codium), or a VSIX path.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

function byHand(vsix: string): string {
  return [
    'To install it by hand in VS Code:',
    '  1. Open the Extensions view (Ctrl+Shift+X, or Cmd+Shift+X on macOS).',
    '  2. Click the "..." (Views and More Actions) menu at the top of the view.',
    '  3. Choose "Install from VSIX..." and pick:',
    `       ${vsix}`,
    'Or put the `code` command on your PATH (VS Code: Command Palette → "Shell Command: Install',
    "'code' command in PATH\") and run `npm run install-vsix` again.",
  ].join('\n');
}

function main(): number {
  const argv = process.argv.slice(2);
  let code = process.env.VSCODE_CLI ?? 'code';
  let vsix = path.join(REPO_ROOT, 'ml-interview-prep.vsix');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--code' && argv[i + 1]) {
      code = argv[++i];
    }
    else if (argv[i].endsWith('.vsix')) {vsix = path.resolve(argv[i]);}
    else {
      console.error(`Unknown argument: ${argv[i]}\nUsage: npm run install-vsix [-- --code PATH] [-- PATH.vsix]`);
      return 2;
    }
  }
  if (!fs.existsSync(vsix)) {
    console.error(`VSIX not found: ${vsix}. Run "npm run package" first (npm run install-vsix does).`);
    return 1;
  }

  // On Windows `code` is a .cmd file, which needs a shell.
  const r = spawnSync(code, ['--install-extension', vsix, '--force'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`The VS Code command line "${code}" is not on your PATH.\n\n${byHand(vsix)}`);
    return 1;
  }
  if (r.error || r.status !== 0) {
    console.error(
      `"${code} --install-extension ${vsix} --force" failed` +
        `${r.error ? `: ${r.error.message}` : ` (exit ${String(r.status ?? r.signal)})`}.\n\n${byHand(vsix)}`,
    );
    return 1;
  }
  console.log(`Installed ${path.basename(vsix)}. Reload VS Code windows that are open (Developer: Reload Window).`);
  return 0;
}

process.exit(main());
