/**
 * A real VS Code for `npm start` and the end-to-end tests: code-server (VS Code's web build
 * plus its Node server), installed from the npm registry into a cache folder outside the repo.
 *
 * Library only: importing this module has no side effects. See
 * shared/notes/real-vscode-e2e.md for why code-server and these versions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** Debian packages the real-VS-Code harness needs (chromium drives the tests; the rest build code-server). */
export const REQUIRED_DEBIAN_PACKAGES: readonly string[] = ['chromium', 'ripgrep', 'libkrb5-dev'];

/** @vscode/ripgrep version pinned by code-server 4.100.3's VS Code, and the ripgrep build it fetches. */
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_BUILD = 'v13.0.0-10';

/** How long the first install of code-server may take before we give up. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

function log(message: string): void {
  process.stderr.write(`[code-server] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Cache folders

/** Root of everything cached outside the repo: `$MLPREP_CACHE` or `~/.cache/ml-interview-prep`. */
export function cacheRoot(): string {
  const fromEnv = process.env.MLPREP_CACHE;
  if (fromEnv && fromEnv.trim() !== '') {
    return path.resolve(fromEnv);
  }
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'ml-interview-prep');
}

/** Folder that holds the installed code-server (`<cacheRoot>/code-server-4.100.3`). */
export function codeServerDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerBinIn(dir: string): string {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

/** code-server writes a default config (with a password) to ~/.config unless given one: give it ours. */
function codeServerConfigFile(): string {
  return path.join(codeServerDir(), 'config.yaml');
}

// ---------------------------------------------------------------------------------------------
// Debian packages

function isDebianPackageInstalled(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) {
    // No dpkg-query: fall back to `dpkg -s`.
    const s = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return s.status === 0 && /Status: install ok installed/.test(s.stdout ?? '');
  }
  return r.status === 0 && /install ok installed/.test(r.stdout ?? '');
}

function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure the given Debian packages are installed. Installs the missing ones with apt-get
 * when running as root; otherwise throws an Error whose message is the command to run.
 */
export async function ensureDebianPackages(names: readonly string[] = REQUIRED_DEBIAN_PACKAGES): Promise<void> {
  if (!commandExists('dpkg') && !commandExists('dpkg-query')) {
    throw new Error(
      `Cannot check for the Debian packages ${names.join(', ')}: dpkg is not available. ` +
        'This harness expects a Debian or Ubuntu machine.',
    );
  }
  const missing = names.filter((n) => !isDebianPackageInstalled(n));
  if (missing.length === 0) {
    return;
  }

  const list = missing.join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${list}`,
    );
  }
  log(`installing Debian packages: ${list}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) {
      throw new Error(
        `"apt-get ${args.join(' ')}" failed (exit ${String(r.status ?? r.signal)}). Run by hand:\n` +
          `  apt-get update && apt-get install -y --no-install-recommends ${list}`,
      );
    }
  }
  const still = missing.filter((n) => !isDebianPackageInstalled(n));
  if (still.length > 0) {
    throw new Error(`apt-get did not install: ${still.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// code-server install

function runsOk(bin: string): boolean {
  if (!fs.existsSync(bin)) {
    return false;
  }
  const r = spawnSync(bin, ['--config', codeServerConfigFile(), '--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: cleanEnv(),
  });
  return r.status === 0 && (r.stdout ?? '').includes(CODE_SERVER_VERSION);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<dir>.partial-<pid>` folders left by installs that were cut off. */
function removeStalePartials(dir: string): void {
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}.partial-`;
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.startsWith(prefix)) {
      continue;
    }
    const pid = Number(e.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) {
      continue;
    }
    fs.rmSync(path.join(parent, e), { recursive: true, force: true });
  }
}

/**
 * @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which these machines cannot
 * reach. It first looks in `$TMPDIR/vscode-ripgrep-cache-<version>/`, so we put Debian's `rg`
 * there as the archive it expects (a gzip tar holding the single file `rg`).
 */
function seedRipgrepCache(tmpDir: string): void {
  const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) {
    throw new Error('ripgrep is not installed (Debian package "ripgrep"): run ensureDebianPackages() first');
  }
  const triple =
    process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : process.arch === 'x64' ? 'x86_64-unknown-linux-musl' : null;
  if (!triple) {
    throw new Error(`Unsupported CPU architecture for the ripgrep cache: ${process.arch}`);
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_BUILD}-${triple}.tar.gz`);
  const r = spawnSync('tar', ['czf', archive, '-C', stage, 'rg'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`Could not build the ripgrep cache archive: ${r.stderr}`);
  }
  fs.rmSync(stage, { recursive: true, force: true });
}

function tailOfFile(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

let ensureCodeServerPromise: Promise<string> | undefined;

/**
 * Installs code-server 4.100.3 into the cache on first use and returns the path of its binary.
 * Idempotent and fast (one `--version` run) once installed. Installs into a temporary sibling
 * folder and renames it into place, so a cut-off install never leaves a half-filled cache.
 */
export function ensureCodeServer(): Promise<string> {
  ensureCodeServerPromise ??= installCodeServer().catch((e: unknown) => {
    ensureCodeServerPromise = undefined;
    throw e;
  });
  return ensureCodeServerPromise;
}

async function installCodeServer(): Promise<string> {
  const dir = codeServerDir();
  const bin = codeServerBinIn(dir);
  if (runsOk(bin)) {
    return bin;
  }

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  removeStalePartials(dir);
  if (fs.existsSync(dir)) {
    log(`${dir} exists but its code-server does not run: reinstalling`);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const partial = `${dir}.partial-${process.pid}-${Date.now()}`;
  const tmpDir = path.join(partial, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const logFile = path.join(path.dirname(dir), `code-server-${CODE_SERVER_VERSION}-install.log`);
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (once; about a minute; log: ${logFile})`);

  try {
    seedRipgrepCache(tmpDir);
    fs.writeFileSync(
      path.join(partial, 'package.json'),
      JSON.stringify({ name: 'mlprep-code-server-cache', private: true, description: 'cache, not a project' }, null, 2),
    );
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      TMPDIR: tmpDir, // where @vscode/ripgrep's postinstall finds the seeded archive
      // node-pty's postinstall runs `npx node-gyp`: answer its prompt.
      npm_config_yes: 'true',
      // code-server's postinstall refuses to run as root unless this reads "true" (npm 11 no
      // longer knows the setting and warns about it, but passes it on to the scripts).
      npm_config_unsafe_perm: 'true',
      // npm 11 blocks dependency install scripts unless allowed; code-server's postinstall runs
      // nested `npm install`s whose native modules (node-pty, kerberos, argon2, ripgrep) must
      // build, so allow them all for this isolated, version-pinned install. The env form
      // reaches the nested installs too.
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_foreground_scripts: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_loglevel: 'warn',
    };
    const out = fs.openSync(logFile, 'w');
    try {
      const child = spawn('npm', ['install', '--no-save', '--unsafe-perm', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: partial,
        env,
        stdio: ['ignore', out, out],
        detached: true,
      });
      trackProcessGroup(child);
      const code = await waitForExit(child, INSTALL_TIMEOUT_MS);
      untrackProcessGroup(child);
      if (code !== 0) {
        throw new Error(
          `npm install code-server@${CODE_SERVER_VERSION} failed (${code === null ? 'timed out' : `exit ${code}`}). ` +
            `Last lines of ${logFile}:\n${tailOfFile(logFile)}`,
        );
      }
    } finally {
      fs.closeSync(out);
    }

    const rgBin = path.join(partial, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
    if (!fs.existsSync(rgBin)) {
      throw new Error(`code-server installed without ${rgBin}: the ripgrep postinstall did not run. See ${logFile}`);
    }
    const pty = path.join(partial, 'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node');
    if (!fs.existsSync(pty)) {
      throw new Error(`code-server installed without node-pty's native module (install scripts skipped?). See ${logFile}`);
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
    try {
      fs.renameSync(partial, dir);
    } catch (e) {
      // Another process finished first: keep theirs if it works.
      fs.rmSync(partial, { recursive: true, force: true });
      if (!runsOk(bin)) {
        throw e;
      }
    }
    if (!runsOk(bin)) {
      throw new Error(`code-server was installed into ${dir} but "${bin} --version" fails`);
    }
    log(`installed code-server in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return bin;
  } catch (e) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Processes: every child runs in its own process group, and every group is killed on exit.

const liveGroups = new Set<number>();
let handlersInstalled = false;

/** Every process in `/proc` whose ancestry leads to `root` (Linux; empty elsewhere). */
function descendantsOf(root: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // process ended while we read
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (const c of children.get(p) ?? []) {
      found.push(c);
      queue.push(c);
    }
  }
  return found;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Kills a process group and every descendant of its leader (some, like terminals, start new sessions). */
function killGroupNow(pgid: number, signal: NodeJS.Signals): void {
  const desc = descendantsOf(pgid);
  killQuietly(-pgid, signal);
  for (const p of desc) {
    killQuietly(p, signal);
  }
}

/** Synchronously kills every process group this module started. Safe to call more than once. */
export function killAllChildren(): void {
  for (const pgid of liveGroups) {
    killGroupNow(pgid, 'SIGKILL');
  }
  liveGroups.clear();
}

let signalHandler: ((signal: NodeJS.Signals) => Promise<number | void>) | undefined;
let handlingSignal = false;

/**
 * Sets what runs on SIGINT/SIGTERM/SIGHUP before every child is killed and the process exits
 * (e.g. a graceful stop that lets VS Code flush its state). It may return the exit code; it gets
 * 10 s. A second signal exits at once. Without a handler: kill the children, exit 128+signal.
 */
export function setSignalHandler(fn: ((signal: NodeJS.Signals) => Promise<number | void>) | undefined): void {
  signalHandler = fn;
  installExitHandlers();
}

function installExitHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  process.on('exit', killAllChildren);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      const exit = (exitCode: number): void => {
        killAllChildren();
        process.exit(exitCode);
      };
      if (handlingSignal || !signalHandler) {
        exit(code);
        return;
      }
      handlingSignal = true;
      const timer = setTimeout(() => exit(code), 10_000);
      signalHandler(signal).then(
        (c) => {
          clearTimeout(timer);
          exit(typeof c === 'number' ? c : code);
        },
        () => {
          clearTimeout(timer);
          exit(code);
        },
      );
    });
  }
}

/** Registers a detached child's process group for cleanup on exit, Ctrl+C or SIGTERM. */
export function trackProcessGroup(child: ChildProcess): void {
  installExitHandlers();
  if (child.pid !== undefined) {
    liveGroups.add(child.pid);
  }
}

function untrackProcessGroup(child: ChildProcess): void {
  if (child.pid !== undefined) {
    liveGroups.delete(child.pid);
  }
}

/** Resolves with the exit code (or null on timeout, after killing the group). */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode);
      return;
    }
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        killGroupNow(child.pid, 'SIGKILL');
      }
      resolve(null);
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.once('error', () => {
      clearTimeout(timer);
      resolve(-1);
    });
  });
}

/**
 * The environment for code-server: without the variables a surrounding VS Code or code-server
 * sets. With VSCODE_IPC_HOOK_CLI set (a VS Code terminal), code-server would hand the folder to
 * that editor instead of starting.
 */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|CODE_SERVER_|ELECTRON_)/.test(k)) {
      continue;
    }
    if (k === 'PASSWORD' || k === 'HASHED_PASSWORD' || k === 'GITHUB_TOKEN') {
      continue;
    }
    env[k] = v;
  }
  return { ...env, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Using code-server

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Installs (or reinstalls, `--force`) a VSIX into an extensions folder, offline. */
export async function installVsix(bin: string, vsixPath: string, extensionsDir: string): Promise<void> {
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) {
    throw new Error(`VSIX not found: ${vsix} (run "npm run package")`);
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  const child = spawn(
    bin,
    ['--config', codeServerConfigFile(), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  trackProcessGroup(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const code = await waitForExit(child, 120_000);
  untrackProcessGroup(child);
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${vsix} into ${extensionsDir} failed (exit ${String(code)}):\n${output.trim()}`);
  }
}

/** Settings every harness-started VS Code gets unless the caller or the user says otherwise. */
export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Writes userDataDir/User/settings.json: DEFAULT_SETTINGS, then what the file already holds
 * (so a persistent profile keeps the user's choices), then `settings` (which always win).
 * A settings file that is not plain JSON (comments) is left as it is.
 */
export function writeSettings(userDataDir: string, settings: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        existing = parsed as Record<string, unknown>;
      }
    } catch {
      if (Object.keys(settings).length > 0) {
        log(`${file} is not plain JSON: leaving it as it is`);
      }
      return;
    }
  }
  const merged = { ...DEFAULT_SETTINGS, ...existing, ...settings };
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}

export interface StartOptions {
  /** code-server binary (from ensureCodeServer()). */
  bin: string;
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  extensionsDir: string;
  userDataDir: string;
  /** Folder to open. */
  folder: string;
  /** Extra user settings (override defaults and what the profile holds). */
  settings?: Record<string, unknown>;
  /** Milliseconds to wait for the server to answer (default 60 s). */
  readyTimeoutMs?: number;
  /** Where code-server's output goes (default: userDataDir/code-server.log). */
  logFile?: string;
  /** Extra environment variables for code-server. */
  env?: NodeJS.ProcessEnv;
  /** Keep workspace trust on (off by default): the folder opens in Restricted Mode, without a prompt. */
  workspaceTrust?: boolean;
}

export interface CodeServerHandle {
  /** The page to open: http://127.0.0.1:PORT/?folder=FOLDER */
  url: string;
  /** http://127.0.0.1:PORT/ */
  baseUrl: string;
  port: number;
  pid: number;
  logFile: string;
  /** Kills code-server and all its children, and resolves once they are gone. */
  stop(): Promise<void>;
}

function httpStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs "$0" "$@" (code-server) in the background, and a watcher that waits for EOF on stdin
 * (our pipe) and then kills the whole process group: TERM, then KILL 3 s later.
 */
const WATCHDOG_SCRIPT = [
  'exec 3<&0 </dev/null',
  // Until EOF a TERM (our stop()) ends the watcher at once; after EOF it outlives its own TERM.
  '( trap "exit 0" TERM INT HUP; cat <&3 >/dev/null; trap "" TERM INT HUP;' +
    ' kill -TERM 0 2>/dev/null; sleep 3; kill -KILL 0 2>/dev/null ) &',
  '"$0" "$@" 3<&- &',
  'cs=$!',
  'exec 3<&-',
  'wait "$cs"',
  'rc=$?',
  'kill -KILL 0 2>/dev/null',
  'exit $rc',
].join('\n');

/** Starts code-server detached in its own process group and resolves once it answers HTTP. */
export async function startCodeServer(opts: StartOptions): Promise<CodeServerHandle> {
  const port = opts.port ?? (await freePort());
  const folder = path.resolve(opts.folder);
  const userDataDir = path.resolve(opts.userDataDir);
  const extensionsDir = path.resolve(opts.extensionsDir);
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const trust = opts.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeSettings(userDataDir, { ...opts.settings, ...trust });

  // A unix socket path may not exceed 107 bytes.
  let sessionSocket = path.join(userDataDir, 'code-server-ipc.sock');
  if (sessionSocket.length > 100) {
    sessionSocket = path.join(os.tmpdir(), `mlprep-cs-${process.pid}-${port}.sock`);
  }

  const logFile = opts.logFile ?? path.join(userDataDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    '--config', codeServerConfigFile(),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    '--session-socket', sessionSocket,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    folder,
  ];
  // code-server runs under a small sh watchdog that leads the process group and holds a pipe
  // from us on stdin: if this process dies without cleaning up (even SIGKILL), the pipe closes
  // and the watchdog kills the group, so code-server never outlives us.
  const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, opts.bin, ...args], {
    env: cleanEnv(opts.env),
    stdio: ['pipe', out, out],
    detached: true,
  });
  fs.closeSync(out);
  trackProcessGroup(child);
  const pid = child.pid;
  let exited = false;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (e) => {
      spawnError = e;
      exited = true;
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (pid === undefined) {
      return;
    }
    killGroupNow(pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (!exited || groupAlive(pid))) {
      await Promise.race([exitPromise, sleep(100)]);
    }
    killGroupNow(pid, 'SIGKILL');
    const killDeadline = Date.now() + 5_000;
    while (Date.now() < killDeadline && (!exited || groupAlive(pid))) {
      await sleep(50);
    }
    untrackProcessGroup(child);
    if (fs.existsSync(sessionSocket) && !sessionSocket.startsWith(userDataDir)) {
      fs.rmSync(sessionSocket, { force: true });
    }
  };

  if (pid === undefined) {
    await exitPromise;
    throw new Error(`Could not start code-server (${opts.bin}): ${spawnError?.message ?? 'no pid'}`);
  }

  const baseUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(
        `code-server exited before it was ready${spawnError ? ` (${spawnError.message})` : ''}. ` +
          `Last lines of ${logFile}:\n${tailOfFile(logFile)}`,
      );
    }
    if ((await httpStatus(`${baseUrl}healthz`, 2_000)) === 200) {
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `code-server did not answer on ${baseUrl} within ${opts.readyTimeoutMs ?? 60_000} ms. ` +
          `Last lines of ${logFile}:\n${tailOfFile(logFile)}`,
      );
    }
    await sleep(150);
  }

  return {
    url: `${baseUrl}?folder=${folder.split('/').map(encodeURIComponent).join('/')}`,
    baseUrl,
    port,
    pid,
    logFile,
    stop,
  };
}
