// Finds and launches the system Chromium for the browser tests (Playwright's own browsers are not
// downloaded: this machine's network is closed, and Debian's chromium is what CI installs).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'The browser tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        `or set CHROMIUM_PATH to a Chromium/Chrome binary. Looked in: ${CANDIDATES.join(', ')}.`,
    );
  }
  return found;
}

/** Flags that keep Chromium from reaching for the network (it would hang here) and from sandboxing in containers. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** One browser; reuse it for a whole test file. Playwright gives it a fresh temporary profile. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: FLAGS, timeout: 30_000 });
  return { browser, close: () => browser.close() };
}
