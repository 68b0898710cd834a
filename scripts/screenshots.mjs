#!/usr/bin/env node
// Photographs the visual review page (stories/review.stories.ts) the way readers see it: every section (each kind
// and state, in light and in dark) at 1280 and at 360 px, and the theme="auto" dashboard on a light page under a
// light and a dark OS setting. Writes screenshots/<section>-<width>[-os-dark].png, to be looked at.
//
//   npm run screenshots            (builds the static Storybook when it is missing)
//   SHOTS=<folder> npm run screenshots
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, serveStorybook, settle, storyURL } from './storybook-pages.mjs';

const ROOT = resolve('storybook-static');
const OUT = resolve(process.env.SHOTS ?? 'screenshots');
const REVIEW = 'review-every-kind-and-state--every-kind-and-state';
const STANDALONE = 'review-every-kind-and-state--standalone-under-h-1';
// The review page's cards load eagerly; the one whose instance never answers stays a skeleton.
const SETTLE_TIMEOUT = 10_000;

if (!existsSync(join(ROOT, 'index.json'))) execSync('npm run build-storybook', { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const { origin, close } = await serveStorybook(ROOT);
const browser = await launchChromium();
const written = [];

for (const width of [1280, 360]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(storyURL(origin, REVIEW), { waitUntil: 'load' });
    // Scroll through once, so that everything a reader scrolls past has been drawn at its size.
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 800) await page.evaluate((top) => scrollTo(0, top), y);
    await settle(page, false, SETTLE_TIMEOUT);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(300);
    const sections = await page.$$('section[data-review]');
    for (const section of sections) {
      const name = await section.getAttribute('data-review');
      // The OS setting matters only where the page leaves the theme to it.
      if (scheme === 'dark' && name !== 'auto-theme') continue;
      const file = join(OUT, `${name}-${width}${scheme === 'dark' ? '-os-dark' : ''}.png`);
      await section.screenshot({ path: file });
      written.push(file);
    }
    if (scheme === 'light') {
      await page.goto(storyURL(origin, STANDALONE), { waitUntil: 'load' });
      await settle(page, false, SETTLE_TIMEOUT);
      const file = join(OUT, `standalone-under-h1-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
    await context.close();
  }
}

await browser.close();
close();
console.log(`wrote ${written.length} screenshots to ${OUT}:\n${written.map((f) => `  ${f}`).join('\n')}`);
