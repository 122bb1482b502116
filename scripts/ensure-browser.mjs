// Makes sure the browser tests have a Chromium; prints one clear line if it cannot.
import { ensureChromium } from './browser.mjs';

const path = await ensureChromium();
if (!path) {
  console.error(
    'No Chromium found for the browser tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
console.error(`Browser tests use ${path}`);
