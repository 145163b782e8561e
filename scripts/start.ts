/**
 * `npm start` (after `npm run package`): runs the packaged extension in a real VS Code
 * (code-server) on 127.0.0.1 and prints the address to open in a browser.
 *
 *   npm start                 # a remembered port (first run: 8787, or a free one)
 *   npm start -- --port 9000  # this port
 *   npm start -- --vsix other.vsix
 *
 * Everything lives in the cache ($MLPREP_CACHE or ~/.cache/ml-interview-prep): code-server,
 * the extensions folder, a persistent profile, and a copy of sample-workspace/ to play in (the
 * repo's files are never edited). Ctrl+C stops code-server and all its children.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  cacheRoot,
  ensureCodeServer,
  ensureDebianPackages,
  freePort,
  installVsix,
  setSignalHandler,
  startCodeServer,
  type CodeServerHandle,
} from '../test/e2e/support/codeServer';

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORT = 8787;

interface Args {
  port?: number;
  vsix: string;
}

function usage(): string {
  return [
    'Usage: npm start [-- --port N] [-- --vsix PATH]',
    '  --port N     listen on 127.0.0.1:N (default: the port used last time, first 8787)',
    '  --vsix PATH  the VSIX to install (default: ml-interview-prep.vsix at the repo root)',
    `Cache: ${cacheRoot()} (set MLPREP_CACHE to move it; delete its workspace/ for a fresh copy of sample-workspace/)`,
  ].join('\n');
}

function parseArgs(argv: string[]): Args {
  const args: Args = { vsix: path.join(REPO_ROOT, 'ml-interview-prep.vsix') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new Error(`${flag} needs a value\n${usage()}`);
      }
      return v;
    };
    if (flag === '--port' || flag === '-p') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        throw new Error(`--port wants a port number (1-65535)\n${usage()}`);
      }
      args.port = n;
    } else if (flag === '--vsix') {
      args.vsix = path.resolve(value());
    } else if (flag === '--help' || flag === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      throw new Error(`Unknown argument: ${a}\n${usage()}`);
    }
  }
  return args;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * VS Code in the browser keeps extension state (practice progress: globalState) in the
 * browser's IndexedDB, which belongs to the page's origin, 127.0.0.1:PORT. So reuse the same
 * port on every start, or progress seems lost.
 */
async function choosePort(requested: number | undefined, portFile: string): Promise<number> {
  if (requested !== undefined) {
    if (!(await portIsFree(requested))) {
      throw new Error(`Port ${requested} on 127.0.0.1 is in use: choose another with --port N`);
    }
    return requested;
  }
  let remembered = DEFAULT_PORT;
  try {
    const n = Number(fs.readFileSync(portFile, 'utf8').trim());
    if (Number.isInteger(n) && n > 0 && n < 65536) {
      remembered = n;
    }
  } catch {
    // first run
  }
  if (await portIsFree(remembered)) {
    return remembered;
  }
  const port = await freePort();
  console.warn(
    `Port ${remembered} is in use, so this run uses ${port}. Progress is kept per address in the browser:\n` +
      `  free port ${remembered} (or pass --port ${remembered}) to see earlier progress again.`,
  );
  return port;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.vsix)) {
    throw new Error(`VSIX not found: ${args.vsix}. Run "npm run package" first (npm start does).`);
  }

  const t0 = Date.now();
  await ensureDebianPackages(['ripgrep', 'libkrb5-dev']); // no Chromium needed: you bring the browser
  const bin = await ensureCodeServer();

  const root = cacheRoot();
  const extensionsDir = path.join(root, 'extensions');
  const userDataDir = path.join(root, 'user-data');
  const workspace = path.join(root, 'workspace');
  const portFile = path.join(root, 'start-port');

  await installVsix(bin, args.vsix, extensionsDir);

  if (!fs.existsSync(workspace)) {
    const source = path.join(REPO_ROOT, 'sample-workspace');
    const staging = `${workspace}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(source, staging, { recursive: true });
    fs.renameSync(staging, workspace);
    console.log(`Copied sample-workspace/ to ${workspace} (your edits there are kept between runs).`);
  }

  const port = await choosePort(args.port, portFile);
  const state: { server?: CodeServerHandle; stopping: boolean } = { stopping: false };
  const shutdown = async (): Promise<void> => {
    if (state.stopping) {
      return;
    }
    state.stopping = true;
    process.stdout.write('\nStopping code-server...\n');
    await state.server?.stop();
  };
  // Ctrl+C: stop code-server gracefully (VS Code flushes its state), then exit 0. codeServer.ts
  // still SIGKILLs anything left, and a second Ctrl+C exits at once.
  setSignalHandler(async () => {
    await shutdown();
    return 0;
  });

  const server = await startCodeServer({
    bin,
    port,
    extensionsDir,
    userDataDir,
    folder: workspace,
    logFile: path.join(root, 'code-server.log'),
  });
  state.server = server;
  fs.writeFileSync(portFile, `${port}\n`);

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    [
      '',
      `ML Interview Prep is running in VS Code (code-server) — ready in ${seconds} s.`,
      '',
      `  Open:  ${server.url}`,
      '',
      `  Workspace: ${workspace}`,
      `  Profile:   ${userDataDir}`,
      `  Log:       ${server.logFile}`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const handle = server;
  // If code-server dies on its own, say so and exit.
  const watch = setInterval(() => {
    try {
      process.kill(handle.pid, 0);
    } catch {
      clearInterval(watch);
      if (!state.stopping) {
        console.error(`code-server exited unexpectedly; see ${handle.logFile}`);
        void shutdown().then(() => process.exit(1));
      }
    }
  }, 1000);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
