import { CHROMIUM, hasChromium } from './chromium';

/**
 * `describe` when Chromium is installed; otherwise one loud line saying how to install it, and the
 * block is skipped (jest lists its tests as skipped, never as passed). CI (.ci/run) sets
 * LINLI_REQUIRE_BROWSER_TESTS: there a missing Chromium fails instead.
 */
export const describeInBrowser: jest.Describe = (() => {
  if (hasChromium) return describe;
  if (process.env.LINLI_REQUIRE_BROWSER_TESTS) {
    throw new Error(`LINLI_REQUIRE_BROWSER_TESTS is set but there is no Chromium at ${CHROMIUM}`);
  }
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it with ` +
      '`sudo apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH) ***\n',
  );
  return describe.skip;
})();
