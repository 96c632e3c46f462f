import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from './environment.js';

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Asserts that axe finds no accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility of ${what}`).toEqual([]);
}

/**
 * Collects script errors, console errors and server errors (5xx), so tests can assert there were none.
 * 4xx answers are the app's normal way of learning "not signed in" or "wrong code"; the browser logs
 * each as a failed resource, so those lines are left out.
 */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`server: ${response.status()} ${new URL(response.url()).pathname}`);
  });
  return errors;
}

/**
 * What a browser sent and was told on the side: every URL, every API error body, every value typed
 * into a field. Watch each context with `watch`; `settle` waits for the error bodies still being read.
 */
export class BrowserTraffic {
  /** Every request, and every address a page showed (history changes too) as 'navigated'. */
  readonly urls: { method: string; url: string }[] = [];
  /** The JSON bodies of 4xx and 5xx answers. */
  readonly errorBodies: { method: string; url: string; status: number; body: string }[] = [];
  /** Each field's value as typed, one entry per edit (a field typed over keeps both values). */
  readonly typed: string[] = [];
  private readonly pending: Promise<unknown>[] = [];

  async watch(context: BrowserContext): Promise<void> {
    // Per field: the index of its last edit; a value that extends it replaces it, another starts a new entry.
    const fields = new Map<string, number>();
    await context.exposeBinding(TYPED_BINDING, (_source, key: string, value: string) => {
      const at = fields.get(key);
      const last = at === undefined ? undefined : this.typed[at];
      if (at !== undefined && last !== undefined && (value.startsWith(last) || last.startsWith(value))) {
        // Typing on, or deleting back: the longer stays, so a sentence is never lost to a backspace.
        if (value.length >= last.length) this.typed[at] = value;
        else if (value === '') fields.delete(key);
        return;
      }
      fields.set(key, this.typed.push(value) - 1);
    });
    await context.addInitScript({ content: TYPED_SCRIPT });
    context.on('request', (request) => this.urls.push({ method: request.method(), url: request.url() }));
    context.on('response', (response) => {
      if (response.status() < 400 || !/json/.test(response.headers()['content-type'] ?? '')) return;
      const method = response.request().method();
      this.pending.push(
        response
          .text()
          .then((body) => this.errorBodies.push({ method, url: response.url(), status: response.status(), body }))
          .catch(() => undefined),
      );
    });
    const watchPage = (page: Page) =>
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) this.urls.push({ method: 'navigated', url: frame.url() });
      });
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
  }

  async settle(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }
}

const TYPED_BINDING = '__meldpadTestTyped';

/**
 * Runs in every document: after each input event on a text field, its value goes to the test. Trusted
 * and Playwright's synthetic input events both count (fill, type, pressSequentially, a paste), while
 * values the app sets itself fire no input event and are not recorded.
 */
const TYPED_SCRIPT = `(() => {
  const ids = new WeakMap();
  const doc = Math.random().toString(36).slice(2);
  let next = 0;
  const skip = new Set(['checkbox', 'radio', 'file', 'range', 'color', 'hidden', 'submit', 'button']);
  document.addEventListener('input', (event) => {
    const el = event.target;
    let value = null;
    if (el instanceof HTMLTextAreaElement) value = el.value;
    else if (el instanceof HTMLInputElement && !skip.has(el.type)) value = el.value;
    else if (el instanceof HTMLElement && el.isContentEditable) value = el.innerText;
    if (value === null || typeof window.${TYPED_BINDING} !== 'function') return;
    if (!ids.has(el)) ids.set(el, doc + ':' + next++);
    window.${TYPED_BINDING}(ids.get(el), value).catch(() => undefined);
  }, true);
})();`;
