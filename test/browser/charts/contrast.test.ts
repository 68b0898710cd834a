import { expect, fixture, html } from '@open-wc/testing';
import { SERIES_PALETTE } from '../../../src/model/palette.js';
import { parseColor } from '../../../src/model/color.js';
import type { CodeInsightElement } from '../../../src/index.js';
import '../../../src/index.js';

/** WCAG 2 relative luminance and contrast ratio of two `rgb(…)` or `#rrggbb` colours. */
function luminance(color: string): number {
  const probe = document.createElement('div');
  probe.style.color = color;
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
  probe.remove();
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const HUES = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

describe('contrast (WCAG 2.1)', () => {
  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      const TOKENS = ['--_fg', '--_muted', '--_danger', '--_warning', '--_success', '--_accent'];
      const tokens = new Map<string, string>();
      let background = '';
      // Read once, while the element is on the page (fixtures are removed after each test).
      before(async () => {
        const element = await fixture<CodeInsightElement>(html`<code-insight theme=${theme}></code-insight>`);
        await element.updateComplete;
        const style = getComputedStyle(element);
        for (const token of TOKENS) tokens.set(token, style.getPropertyValue(token).trim());
        background = getComputedStyle(element.shadowRoot!.querySelector('[part="card"]')!).backgroundColor;
      });

      it('reads real colours (the check itself can fail)', () => {
        expect(background).to.match(/^rgb/);
        for (const token of TOKENS) expect(tokens.get(token), token).to.match(/^#[0-9a-f]{6}$/);
      });

      for (const token of TOKENS) {
        it(`text ${token} is at least 4.5:1 on the card`, () => {
          expect(contrast(tokens.get(token)!, background)).to.be.at.least(4.5);
        });
      }

      it('every default series colour is at least 3:1 on the card (graphics)', () => {
        for (const color of SERIES_PALETTE) expect(contrast(color, background), color).to.be.at.least(3);
      });

      it('every Sourcegraph var(--oc-*) colour maps to one at least 3:1 on the card', () => {
        for (const hue of HUES) {
          const color = parseColor(`var(--oc-${hue}-7)`)!;
          expect(contrast(color, background), hue).to.be.at.least(3);
        }
      });
    });
  }
});
