// Signs in as a demo account the way the web app does: password, then the current TOTP code.
import { generate } from 'otplib';
import { setTimeout } from 'node:timers';

const { fetch } = globalThis;

function sessionCookie(response) {
  const set = response.headers.getSetCookie?.() ?? [];
  const cookie = set.find((c) => c.includes('meldpad-session='));
  return cookie ? cookie.split(';')[0] : null;
}

/** The TOTP time step each account last used: a code is accepted once, so the next must be of a later step. */
const usedStep = new Map();

/** Waits for a TOTP step the account has not used yet, then confirms the session with its code (elevation). */
export async function elevate(url, cookie, account) {
  const step = () => Math.floor(Date.now() / 30_000);
  while (step() <= (usedStep.get(account.email) ?? 0)) await new Promise((resolve) => setTimeout(resolve, 250));
  usedStep.set(account.email, step());
  const response = await fetch(`${url}/api/auth/elevate`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code: await generate({ secret: account.totpSecret }) }) });
  if (response.status !== 200) throw new Error(`elevation of ${account.email} failed: ${response.status} ${await response.text()}`);
}

export async function signIn(url, account) {
  const post = (path, body, cookie) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const login = await post('/api/auth/login', { email: account.email, password: account.password });
  if (login.status !== 200) throw new Error(`sign-in of ${account.email} failed: ${login.status} ${await login.text()}`);
  let cookie = sessionCookie(login);
  usedStep.set(account.email, Math.floor(Date.now() / 30_000));
  const totp = await post('/api/auth/totp', { code: await generate({ secret: account.totpSecret }) }, cookie);
  if (totp.status !== 200) throw new Error(`second factor of ${account.email} failed: ${totp.status} ${await totp.text()} (a code can be used once: wait 30 s between runs on the same data)`);
  cookie = sessionCookie(totp) ?? cookie;
  return cookie;
}

export async function getJson(url, path, cookie) {
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
