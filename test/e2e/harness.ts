/**
 * End-to-end harness: a real VS Code (code-server) with the extension installed, driven by
 * Debian's Chromium through playwright-core.
 *
 *   const s = await startSession({ vsix: defaultVsix() });
 *   await openContainer(s.page, 'ML Interview Prep');
 *   await step('the Topics tree shows "Classic Machine Learning"', () =>
 *     s.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Classic Machine Learning' }).first().waitFor());
 *   await s.screenshot('topics');
 *   await s.stop();
 *
 * Every process a session starts is gone after stop(), after stopAllSessions() (the root hook
 * calls it), and when the test process exits or is interrupted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import {
  ensureCodeServer,
  ensureDebianPackages,
  installVsix,
  startCodeServer,
  type CodeServerHandle,
} from './support/codeServer';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** Screenshots and kept logs go here (git-ignored). */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.MLPREP_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1400, height: 900 } as const;

/** The VSIX the e2e tests install: `$MLPREP_E2E_VSIX`, else ml-interview-prep.vsix at the repo root. */
export function defaultVsix(): string {
  const fromEnv = process.env.MLPREP_E2E_VSIX;
  return fromEnv && fromEnv.trim() !== '' ? path.resolve(fromEnv) : path.join(REPO_ROOT, 'ml-interview-prep.vsix');
}

/** Installs what the harness needs (Debian packages, code-server in the cache); idempotent. */
export async function prepareMachine(): Promise<string> {
  await ensureDebianPackages();
  return ensureCodeServer();
}

export interface SessionOptions {
  /** Path of the VSIX to install into a fresh extensions folder. */
  vsix: string;
  /** workbench.colorTheme, e.g. 'Default Light Modern' (default: 'Default Dark Modern'). */
  theme?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Folder copied to a temp folder and opened (default: the repo's sample-workspace/). */
  workspace?: string;
  /** Milliseconds to wait for the workbench (default 90 s). */
  readyTimeoutMs?: number;
  /** More VSIXes to install beside the one under test (e.g. the in-host test runner). */
  extraVsix?: readonly string[];
  /** Extra environment for code-server and so its extension host. */
  env?: Record<string, string>;
  /** Workspace trust on: the workspace opens untrusted (Restricted Mode). Off by default. */
  workspaceTrust?: boolean;
}

export interface Session {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  server: CodeServerHandle;
  /** The page URL: http://127.0.0.1:PORT/?folder=... */
  url: string;
  /** The temp copy of the workspace that VS Code has open. */
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** Timings in milliseconds: install (VSIX), server (HTTP ready), workbench (.monaco-workbench shown). */
  timings: { installVsixMs: number; serverReadyMs: number; workbenchReadyMs: number };
  /** Reloads the window and waits for the workbench again. */
  reload(): Promise<void>;
  /** Saves test-results/NAME.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser, stops code-server (all children), removes the temp folders. Idempotent. */
  stop(): Promise<void>;
}

const liveSessions = new Set<Session>();
let currentSession: Session | undefined;

/** Temp folders of sessions not yet stopped: removed on exit, also after Ctrl+C or a crash. */
const liveRoots = new Set<string>();
let exitCleanupInstalled = false;
function removeRootsOnExit(): void {
  if (exitCleanupInstalled) {
    return;
  }
  exitCleanupInstalled = true;
  // Registered after codeServer.ts's exit handler, which kills the processes first.
  process.on('exit', () => {
    if (process.env.MLPREP_E2E_KEEP) {
      return;
    }
    for (const root of liveRoots) {
      try {
        fs.rmSync(root, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'screenshot';
}

async function waitForWorkbench(page: Page, timeoutMs: number): Promise<void> {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: timeoutMs });
  // The activity bar is laid out once the workbench has restored its parts.
  await page.locator('.part.activitybar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Starts code-server with the VSIX installed and a fresh profile, and opens it in Chromium. */
export async function startSession(opts: SessionOptions): Promise<Session> {
  const bin = await prepareMachine();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlprep-e2e-'));
  const extensionsDir = path.join(root, 'extensions');
  const userDataDir = path.join(root, 'user-data');
  const workspace = path.join(root, 'workspace');
  const source = path.resolve(opts.workspace ?? path.join(REPO_ROOT, 'sample-workspace'));
  const readyTimeoutMs = opts.readyTimeoutMs ?? 90_000;

  let server: CodeServerHandle | undefined;
  let browser: Browser | undefined;
  liveRoots.add(root);
  const cleanupPartial = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
    liveRoots.delete(root);
  };

  try {
    fs.cpSync(source, workspace, { recursive: true });
    let t = Date.now();
    for (const vsix of [opts.vsix, ...(opts.extraVsix ?? [])]) {
      await installVsix(bin, vsix, extensionsDir);
    }
    const installVsixMs = Date.now() - t;

    t = Date.now();
    server = await startCodeServer({
      bin,
      extensionsDir,
      userDataDir,
      folder: workspace,
      settings: { ...(opts.theme ? { 'workbench.colorTheme': opts.theme } : {}), ...opts.settings },
      env: { ...opts.env, XDG_DATA_HOME: path.join(root, 'xdg-data') }, // code-server's own logs stay in the temp folder
      workspaceTrust: opts.workspaceTrust,
    });
    const serverReadyMs = Date.now() - t;
    removeRootsOnExit();

    const browserTmp = path.join(root, 'browser-tmp'); // Chromium's own temp files go with the session
    fs.mkdirSync(browserTmp);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      env: { ...process.env, TMPDIR: browserTmp },
    });
    const context = await browser.newContext({ viewport: { ...VIEWPORT } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);

    t = Date.now();
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: readyTimeoutMs });
    await waitForWorkbench(page, readyTimeoutMs);
    const workbenchReadyMs = Date.now() - t;

    const srv = server;
    const br = browser;
    let stopped = false;
    const session: Session = {
      page,
      browser: br,
      context,
      server: srv,
      url: srv.url,
      workspace,
      userDataDir,
      extensionsDir,
      timings: { installVsixMs, serverReadyMs, workbenchReadyMs },
      async reload() {
        // VS Code's own command, not page.reload(): it flushes the window's state (open editors,
        // webview panels) before reloading, as a user's reload does.
        const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: readyTimeoutMs });
        await runCommand(page, 'Developer: Reload Window');
        await reloaded;
        await waitForWorkbench(page, readyTimeoutMs);
      },
      async screenshot(name: string) {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `${slug(name)}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async stop() {
        if (stopped) {
          return;
        }
        stopped = true;
        liveSessions.delete(session);
        if (currentSession === session) {
          currentSession = undefined;
        }
        await br.close().catch(() => undefined);
        await srv.stop();
        if (process.env.MLPREP_E2E_KEEP) {
          process.stderr.write(`[e2e] kept ${root}\n`);
        } else {
          fs.rmSync(root, { recursive: true, force: true });
        }
        liveRoots.delete(root);
      },
    };
    liveSessions.add(session);
    currentSession = session;
    return session;
  } catch (e) {
    // Keep code-server's log for the post-mortem, then leave nothing running.
    if (server) {
      try {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        fs.copyFileSync(server.logFile, path.join(RESULTS_DIR, `code-server-${server.port}.log`));
      } catch {
        // no log
      }
    }
    await cleanupPartial();
    throw e;
  }
}

/**
 * Opens a second window on the same code-server and workspace: another page of the same browser,
 * so it shares the first window's origin and with it VS Code's global state, as two windows of one
 * VS Code profile do. It is closed with the session.
 */
export async function openWindow(s: Session, timeoutMs = 90_000): Promise<Page> {
  const page = await s.context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(s.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await waitForWorkbench(page, timeoutMs);
  return page;
}

/** Stops every session still running (the root hook calls this after all tests). */
export async function stopAllSessions(): Promise<void> {
  for (const s of [...liveSessions]) {
    await s.stop().catch(() => undefined);
  }
}

/** The session started last and not yet stopped. */
export function activeSession(): Session | undefined {
  return currentSession;
}

function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  // Playwright's messages carry a long call log: the first lines say what went wrong.
  return msg.split('\n').slice(0, 6).join('\n');
}

/**
 * Runs one step of a test: `fn` must finish within `timeoutMs`. On a timeout or failure it saves
 * a screenshot of the active session and throws an Error that says what was expected.
 * Waits are for conditions (locator.waitFor, waitFor(check)), never fixed sleeps. `fn` gets an
 * AbortSignal that fires on the timeout, for loops that should stop then.
 */
export async function step<T>(
  description: string,
  fn: (signal: AbortSignal) => Promise<T>,
  timeoutMs = 20_000,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const abort = new AbortController();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(abort.signal), timeout]);
  } catch (e) {
    let shot = '';
    const s = currentSession;
    if (s) {
      try {
        shot = await s.screenshot(`FAILED-${slug(description)}-${Date.now()}`);
      } catch {
        shot = '(screenshot failed)';
      }
    }
    const err = new Error(
      `Expected ${description}, but: ${describeError(e)}${shot ? `\nScreenshot: ${shot}` : ''}`,
    );
    if (e instanceof Error && e.stack) {
      err.stack = `${err.message}\n--- cause ---\n${e.stack}`;
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it returns a truthy value (or throws the last error after timeoutMs). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) {
        return v;
      }
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${describeError(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';

/** Opens the quick input with F1 (closing any that is open) and returns its text box. */
async function openQuickInput(page: Page): Promise<ReturnType<Page['locator']>> {
  const widget = page.locator(QUICK_INPUT);
  if (await widget.isVisible()) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  await page.locator('.monaco-workbench').first().focus().catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  return input;
}

/** Rows of the open quick input whose label is exactly `label` (case-insensitive). */
function quickInputRow(page: Page, label: string): ReturnType<Page['locator']> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return page
    .locator(`${QUICK_INPUT} .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** Opens the quick input and fills in `text`, reopening it until `row` shows; returns the input. */
async function typeUntilRow(page: Page, text: string, row: Locator, firstWaitMs: number, signal: AbortSignal): Promise<Locator> {
  let input = await openQuickInput(page);
  for (let attempt = 0; ; attempt++) {
    await input.fill(text);
    const found = await row.waitFor({ state: 'visible', timeout: firstWaitMs + attempt * 500 }).then(
      () => true,
      () => false,
    );
    if (found) {
      return input;
    }
    if (signal.aborted) {
      throw new Error('aborted');
    }
    input = await openQuickInput(page);
  }
}

/**
 * Runs a command from the command palette by its full title, e.g. 'ML Prep: Search Cheat Sheet':
 * F1, type the title, pick the row with exactly that title.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  await step(
    `the command "${title}" to be in the command palette and run`,
    async (signal) => {
      // The palette lists the commands known when it opens; right after start-up the
      // extension's contributions may not be there yet, so reopen it until they are.
      const row = quickInputRow(page, title);
      const input = await typeUntilRow(page, `>${title}`, row, 1_500, signal);
      await row.click();
      // The palette closes when the command runs (a command that opens its own quick input
      // replaces it: then the input no longer shows our text).
      await waitFor(async () => !(await page.locator(QUICK_INPUT).isVisible()) || (await input.inputValue()) !== `>${title}`);
    },
    timeoutMs,
  );
}

/** Opens a workspace file by name through Quick Open and waits for its editor tab. */
export async function openFile(page: Page, fileName: string, timeoutMs = 15_000): Promise<void> {
  await step(
    `the file "${fileName}" to open in an editor`,
    async (signal) => {
      const row = page
        .locator(`${QUICK_INPUT} .monaco-list-row`)
        .filter({ has: page.locator('.label-name', { hasText: path.basename(fileName) }) })
        .first();
      // Right after start-up the file index may be empty: reopen Quick Open until it finds the file.
      await typeUntilRow(page, fileName, row, 2_000, signal);
      await row.click();
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
      await page
        .locator(`.tabs-container .tab.active[aria-label^="${path.basename(fileName)}"]`)
        .first()
        .waitFor({ state: 'visible' });
    },
    timeoutMs,
  );
}

/**
 * Finds the frame (webviews are nested iframes) that contains `selector`, waiting for it to
 * appear. Returns the frame, so `frame.locator(selector)` works on the webview content.
 */
export async function findFrame(page: Page, selector: string, timeoutMs = 15_000): Promise<Frame> {
  return step(
    `a webview frame containing "${selector}"`,
    () =>
      waitFor(async () => {
        for (const frame of page.frames()) {
          if (frame.isDetached()) {
            continue;
          }
          try {
            if ((await frame.$(selector)) !== null) {
              return frame;
            }
          } catch {
            // frame navigated or detached meanwhile
          }
        }
        return undefined;
      }, timeoutMs),
    timeoutMs + 1_000,
  );
}

/** Opens an activity-bar view container by its title (leaves it open if it already is). */
export async function openContainer(page: Page, title: string, timeoutMs = 20_000): Promise<void> {
  await step(
    `the activity bar to show "${title}" and open its side bar`,
    async () => {
      const link = page.locator(`.part.activitybar a[aria-label^="${title}"]`).first();
      await link.waitFor({ state: 'visible' });
      const item = link.locator('xpath=ancestor::li[1]');
      const isOpen = async (): Promise<boolean> =>
        ((await item.getAttribute('aria-selected')) === 'true' ||
          /\bchecked\b/.test((await item.getAttribute('class')) ?? '')) &&
        (await page.locator('.part.sidebar').first().isVisible());
      // Right after a reload the workbench may still be restoring the side bar: a click then
      // toggles it closed again, so look again after each click.
      for (let tries = 0; tries < 4 && !(await isOpen()); tries++) {
        await link.click();
        await page.waitForTimeout(1_000);
      }
      await waitFor(isOpen);
      // Move the pointer off the icon so its hover tooltip does not cover screenshots.
      await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    },
    timeoutMs,
  );
}

/** A locator for the visible tree/list row in the side bar whose text contains `text`. */
export function sidebarRow(page: Page, text: string): ReturnType<Page['locator']> {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}
