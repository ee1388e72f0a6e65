import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (never a downloaded browser) for the end-to-end suites, headless, with the flags this
 * closed network needs (no background connections, no QUIC). The suites drive the built studio.
 */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the suites keep their screenshots (test artefacts, not committed). */
export const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(fileURLToPath(new URL('../../studio/dist/index.html', import.meta.url)))) {
    throw new Error('Build the studio first: pnpm build');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}
