// Screenshots a page in Debian's Chromium, the way a person would see it, and reports console errors and
// CSP violations. Usage: node scripts/screenshot.mjs URL OUT.png [width] [height] [--dark] [--hover]
import { chromium } from 'playwright-core';

const [url, out, width = '1280', height = '900'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dark = process.argv.includes('--dark');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, colorScheme: dark ? 'dark' : 'light' });
const problems = [];
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
await page.addInitScript(() =>
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
);
await page.goto(url);
// Every card, also those inside dashboards' shadow roots, has settled (lazy ones below the fold excepted).
await page
  .waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('code-insight'), ...[...document.querySelectorAll('insights-dashboard')].flatMap((d) => [...d.shadowRoot.querySelectorAll('code-insight')])];
      const visible = cards.filter((c) => c.getBoundingClientRect().top < innerHeight);
      return visible.length > 0 && visible.every((e) => ['ready', 'empty', 'error'].includes(e.getAttribute('state') ?? ''));
    },
    null,
    { timeout: 20000 },
  )
  .catch(() => problems.push('not every card settled'));
if (process.argv.includes('--hover')) {
  const svg = page.locator('code-insight svg.plot').first();
  const box = await svg.boundingBox();
  if (box) await page.mouse.move(box.x + box.width * 0.62, box.y + box.height / 2);
  await page.waitForTimeout(100);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(problems.length ? problems.join('\n') : 'no console errors, no CSP violations');
