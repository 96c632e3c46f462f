import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { DemoAccount } from '../../src/cli/demo/demo-board.js';
import type { AppContext } from '../../src/server/app-context.js';
import { startMeldpad, type RunningMeldpad } from '../../src/server/start.js';
import { BrowserTraffic, launchChromium, watchForPageErrors } from './browser.js';
import { REGENBOOG } from './demo-app.js';
import { demoAccount, seedDemo } from './e2e-demo.js';
import { describeLeaks, scanForLeaks } from './leak-scan.js';
import { logHaystacks, mailHaystacks, readDatabaseLeakSources, trafficHaystacks, type DatabaseLeakSources } from './leak-sources.js';
import { startMailServer, type ReceivedMail } from './mail-server.js';
import { TestClock } from './test-app.js';

export interface Viewport {
  width: number;
  height: number;
}

export interface PageOptions {
  viewport?: Viewport;
  /** The browser's language (Accept-Language, date inputs); null leaves Chromium's own. */
  locale?: string | null;
}

export interface MeldpadInBrowserOptions extends PageOptions {
  /** The start of the temporary data folder's name, e.g. 'meldpad-e2e-pupils-'. */
  prefix: string;
  /** The fictional demo board in the data folder before the server starts (default); false: an empty Meldpad. */
  demo?: boolean;
  /** Adds what the suite needs to the demo, with the same context and the suite's clock. */
  seed?: (ctx: AppContext, clock: TestClock) => Promise<void>;
  /** More environment for the server (LOG_LEVEL, JOBS_POLL_MS, …), over the defaults. */
  env?: Record<string, string>;
  /**
   * No longer needed: the server's log lines are always kept in `logs` (and scanned for leaks at the
   * end); the warnings and errors of a failed test are printed with it.
   */
  captureLogs?: boolean;
  /**
   * Mail goes to an SMTP server on loopback (default), kept in `mails` and scanned for leaks; false:
   * Meldpad runs without mail, as a school without a mail server does (links shown to pass on).
   */
  mail?: boolean;
}

export interface MeldpadInBrowser {
  readonly meldpad: RunningMeldpad;
  readonly browser: Browser;
  readonly dataDir: string;
  /** Where people reach Meldpad: its public URL (a suite may change it once the server listens). */
  readonly url: string;
  readonly accounts: readonly DemoAccount[];
  readonly clock: TestClock;
  /** The script, console and server errors of every page `newPage` made, one list a page. */
  readonly pageErrors: readonly string[][];
  /** What the server logged (at LOG_LEVEL, info unless the suite says otherwise), as written. */
  readonly logs: readonly string[];
  /** Every mail Meldpad sent (empty with `mail: false`). */
  readonly mails: readonly ReceivedMail[];
  /** Every URL, API error body and typed value of every page, for the leak scan at the end. */
  readonly traffic: BrowserTraffic;
  account(role: DemoAccount['role'], school?: string): DemoAccount;
  nextCode(secret: string): Promise<string>;
  newPage(options?: PageOptions): Promise<Page>;
  errorsOf(page: Page): string[];
  signIn(page: Page, who: Pick<DemoAccount, 'email' | 'password' | 'totpSecret'>): Promise<void>;
  heading(page: Page): Promise<string | null>;
}

/**
 * One Meldpad and one Chromium for a browser suite: registers the beforeAll that makes a data folder,
 * seeds the demo (as `meldpad demo` does: the fictional board in the same data folder, then the server
 * on it), starts the server on the suite's clock and launches the browser, and the afterAll that closes
 * and removes it all. Call it at the top of a describe; what it starts is there from the first test on.
 *
 * Nothing about a child may leak sideways: the server's log, every mail (to a loopback SMTP server),
 * every URL the browser asked for or showed, every API error body and the notification, job and audit
 * rows are kept, and the afterAll scans them — in this same run — for every pupil's name and every
 * sentence typed into a page (test/support/leak-scan.ts). A hit fails the suite, naming where it was.
 */
export function useMeldpadInBrowser(options: MeldpadInBrowserOptions): MeldpadInBrowser {
  const clock = new TestClock();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  const errorsByPage = new Map<Page, string[]>();
  const logs: string[] = [];
  const traffic = new BrowserTraffic();
  let mailServer: Awaited<ReturnType<typeof startMailServer>> | undefined;
  const defaults: Required<PageOptions> = { viewport: options.viewport ?? { width: 1280, height: 800 }, locale: options.locale === undefined ? 'nl-NL' : options.locale };
  let meldpad: RunningMeldpad | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let accounts: DemoAccount[] = [];

  function started<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`${what} is there only once the suite's beforeAll has run`);
    return value;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
    if (options.demo !== false) accounts = await seedDemo(dataDir, clock, options.seed && ((ctx) => options.seed!(ctx, clock)));
    if (options.mail !== false && !options.env?.['SMTP_URL']) mailServer = await startMailServer();
    const mailEnv: Record<string, string> = mailServer ? { SMTP_URL: mailServer.url, MAIL_FROM: 'Meldpad <meldpad@e2e.example>' } : {};
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...mailEnv, ...options.env };
    // Every line is kept: the leak scan reads them all, and a failed test prints its warnings and errors.
    const logDestination = new PassThrough();
    logDestination.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    meldpad = await startMeldpad(env, { now: clock.now, logDestination });
    browser = await launchChromium();
  });

  beforeEach(({ onTestFailed }) => {
    const from = logs.length;
    onTestFailed(() => {
      const lines = serverProblems(logs.slice(from));
      if (lines.length > 0) process.stderr.write(`Meldpad's warnings and errors during this test:\n${lines.join('\n')}\n`);
    });
  });

  afterAll(async () => {
    let fromDatabase: DatabaseLeakSources | undefined;
    let leakScanError: unknown;
    try {
      await traffic.settle();
      if (meldpad) fromDatabase = await readDatabaseLeakSources(meldpad.ctx.db.kysely);
    } catch (error) {
      leakScanError = error;
    }
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await meldpad?.close();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (leakScanError) throw leakScanError;
    if (fromDatabase) {
      // Same run, no second pass: everything this suite made the server and the browser say on the side.
      const haystacks = [...logHaystacks(logs), ...(mailServer ? mailHaystacks(mailServer.received) : []), ...trafficHaystacks(traffic), ...fromDatabase.rows];
      const leaks = scanForLeaks({ pupils: fromDatabase.pupils, typed: traffic.typed, allowed: fromDatabase.allowed }, haystacks);
      if (leaks.length > 0) throw new Error(describeLeaks(leaks));
      const counted = `${logs.join('').split('\n').filter(Boolean).length} log lines, ${mailServer?.received.length ?? 'no'} mails, ${traffic.urls.length} URLs, ${traffic.errorBodies.length} error bodies, ${traffic.typed.length} typed values, ${fromDatabase.rows.length} notification/job/audit rows`;
      process.stdout.write(`leak scan (${fromDatabase.pupils.length} pupils): nothing found in ${counted}\n`);
    }
  });

  const harness: MeldpadInBrowser = {
    get meldpad() {
      return started(meldpad, 'meldpad');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get dataDir() {
      return started(dataDir, 'dataDir');
    },
    get url() {
      return started(meldpad, 'url').ctx.config.publicUrl.origin;
    },
    get accounts() {
      return accounts;
    },
    clock,
    pageErrors,
    logs,
    get mails() {
      return mailServer?.received ?? [];
    },
    traffic,

    account(role, school = REGENBOOG) {
      return demoAccount(accounts, role, school);
    },

    /** The TOTP code on the server's clock, one time step after the last one used (a code works once per step). */
    nextCode(secret) {
      clock.advance(30_000);
      return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    },

    /** A fresh browser (own cookies), as a different person on a different computer. */
    async newPage(pageOptions = {}) {
      const locale = pageOptions.locale === undefined ? defaults.locale : pageOptions.locale;
      const context = await harness.browser.newContext({ viewport: pageOptions.viewport ?? defaults.viewport, ...(locale !== null ? { locale } : {}) });
      contexts.push(context);
      await traffic.watch(context);
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      pageErrors.push(errors);
      errorsByPage.set(page, errors);
      return page;
    },

    errorsOf(page) {
      const errors = errorsByPage.get(page);
      if (!errors) throw new Error('this page was not made by newPage');
      return errors;
    },

    /** Password, then a fresh code from the app, then the home page. */
    async signIn(page, who) {
      const url = harness.url;
      await page.goto(`${url}/login`);
      await page.getByLabel('E-mailadres').fill(who.email);
      await page.getByLabel('Wachtwoord').fill(who.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL('**/login/code');
      await page.getByLabel('Code uit de app').fill(await harness.nextCode(who.totpSecret));
      await page.getByTestId('code-submit').click();
      await page.waitForURL(`${url}/`);
      await expect.poll(() => page.getByTestId('home-heading').count()).toBe(1);
    },

    heading(page) {
      return page.getByRole('heading', { level: 1 }).textContent();
    },
  };
  return harness;
}

/** The warning and error lines among these log chunks, short: level, message, error. */
function serverProblems(chunks: readonly string[]): string[] {
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string; stack?: string }; req?: { method?: string; path?: string } };
        if ((entry.level ?? 0) < 40) return [];
        const where = entry.req ? ` (${entry.req.method} ${entry.req.path})` : '';
        return [`  [${entry.level! >= 50 ? 'error' : 'warn'}] ${entry.msg ?? ''}${where}${entry.err ? `\n    ${entry.err.stack ?? entry.err.message}` : ''}`];
      } catch {
        return [`  ${line}`];
      }
    });
}

/** Where to save screenshots of each state, when asked (SCREENSHOT_DIR=…); otherwise none are taken. */
const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR']?.trim() || null;

/** Takes `${prefix}${name}.png` in SCREENSHOT_DIR when it is set, and nothing otherwise. */
export function screenshots(prefix = ''): (page: Page, name: string, fullPage?: boolean) => Promise<void> {
  return async (page, name, fullPage = true) => {
    if (!SCREENSHOT_DIR) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${prefix}${name}.png`), fullPage });
  };
}
