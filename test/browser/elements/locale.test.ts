import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { configure, type CodeInsightElement, type InsightData, type InsightsDashboardElement } from '../../../src/index.js';
import de from '../../../src/locales/de.js';
import ja from '../../../src/locales/ja.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { graphqlRequests, instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

const points = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'].map((date, i) => ({ date, value: 10 * (i + 1) }));
const line: InsightData = { kind: 'line', title: 'TODOs', series: [{ id: 'todo', label: 'TODO', points }] };
const pie: InsightData = { kind: 'pie', title: 'Languages', items: [{ label: 'Go', value: 3 }, { label: 'TypeScript', value: 1 }] };
const empty: InsightData = { kind: 'line', title: 'New', series: [{ id: 'todo', label: 'TODO', points: [] }] };

async function drawn(data: InsightData, attributes: { locale?: string; theme?: 'light' | 'dark' } = {}): Promise<CodeInsightElement> {
  const element = await fixture<CodeInsightElement>(
    html`<code-insight locale=${attributes.locale ?? nothing} theme=${attributes.theme ?? nothing}></code-insight>`,
  );
  element.data = data;
  await untilState(element, data === empty ? 'empty' : 'ready');
  return element;
}

const summary = (element: Element) => shadow(element).querySelector('svg[role="img"]')!.getAttribute('aria-label')!;
const menuLabel = (element: Element) => shadow(element).querySelector('.menu-button')!.getAttribute('aria-label');
const background = (element: Element) => getComputedStyle(shadow(element).querySelector('[part="card"]')!).backgroundColor;
const DARK = 'rgb(21, 27, 35)';
const LIGHT = 'rgb(255, 255, 255)';

describe('languages and page-wide settings', () => {
  before(async () => {
    await setViewport({ width: 800, height: 600 });
    await resetEndpoint();
  });
  afterEach(() => {
    fixtureCleanup();
    configure({ locale: undefined, theme: undefined });
    document.documentElement.lang = 'en';
  });

  describe('without a translation configured', () => {
    it('says English words, with the dates of its locale, and no errors', async () => {
      const element = await drawn(line, { locale: 'fr' });
      expect(summary(element)).to.match(/^TODOs\. Line chart, 1 series, 1 janv\. 2026 to 1 oct\. 2026\. Latest: TODO 40\.$/);
      expect(menuLabel(element)).to.equal('Insight actions');
    });
  });

  describe('with German configured', () => {
    before(() => configure({ translations: { de } }));

    it('takes a tag as Java and PHP servers write it (de_DE), and a tag Intl refuses, without breaking', async () => {
      const underscored = await drawn(line, { locale: 'de_DE' });
      expect(summary(underscored)).to.equal('TODOs. Liniendiagramm, 1 Datenreihe, 1. Jan. 2026 bis 1. Okt. 2026. Zuletzt: TODO 40.');
      const refused = await drawn(line, { locale: 'not a language!' });
      expect(summary(refused)).to.match(/^TODOs\. Line chart, 1 series/);
    });

    it('a card with locale="de" says German: menu, summary, legend and dates agree', async () => {
      const element = await drawn(line, { locale: 'de' });
      expect(summary(element)).to.equal('TODOs. Liniendiagramm, 1 Datenreihe, 1. Jan. 2026 bis 1. Okt. 2026. Zuletzt: TODO 40.');
      expect(menuLabel(element)).to.equal('Aktionen für das Insight');
      const menuButton = shadow(element).querySelector<HTMLButtonElement>('.menu-button')!;
      menuButton.click();
      await element.updateComplete;
      const entries = [...shadow(element).querySelectorAll('[role="menu"] [role^="menuitem"]')].map((e) => e.textContent!.trim());
      expect(entries).to.include('Daten herunterladen (CSV)');
      expect(entries).to.include('Y-Achse bei 0 beginnen');
    });

    it('says its summary, legend and state messages in German (de-CH falls back to de)', async () => {
      const chart = await drawn(pie, { locale: 'de-CH' });
      expect(summary(chart)).to.equal('Languages. Kreisdiagramm mit 2 Teilen. Größte: Go 75%, TypeScript 25%.');
      expect(shadow(chart).querySelector('[part="legend"]')!.getAttribute('aria-label')).to.equal('Legende');
      const none = await drawn(empty, { locale: 'de' });
      expect([...shadow(none).querySelectorAll('.message span')].map((s) => s.textContent)).to.deep.equal([
        'Noch keine Daten vorhanden.',
        'Die Instanz hat für dieses neue Insight noch keine Punkte berechnet.',
      ]);
    });

    it('names the slice of small languages in German ("Other" is in the data it loads)', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight locale="de" loading="eager" instance=${instance()} kind="languages" repository="github.com/acme/web"></code-insight>`,
      );
      await untilState(element, 'ready');
      const slices = [...shadow(element).querySelectorAll('[data-mark="slice"]')].map((s) => s.getAttribute('data-label'));
      expect(slices.at(-1)).to.equal('Sonstige');
    });

    it('says an error of its own in German', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight locale="de" loading="eager" instance="ftp://sg.example" insight-id="abc"></code-insight>`);
      await untilState(element, 'error');
      expect(shadow(element).querySelector('.error-message')!.textContent).to.equal('„ftp://sg.example“ ist keine http(s)-URL einer Sourcegraph-Instanz.');
    });

    it('follows lang on <html> when the card has no locale, and its own locale wins', async () => {
      document.documentElement.lang = 'de';
      const german = await drawn(pie);
      const english = await drawn(pie, { locale: 'en-US' });
      expect(summary(german)).to.match(/Kreisdiagramm/);
      expect(summary(english)).to.match(/Pie chart/);
      document.documentElement.lang = 'en';
      german.requestUpdate();
      await german.updateComplete;
      expect(summary(german)).to.match(/Pie chart/);
    });

    it('follows the nearest lang', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="de-AT"><code-insight></code-insight></div>`);
      const inLang = wrapper.querySelector('code-insight')!;
      inLang.data = pie;
      await untilState(inLang, 'ready');
      expect(summary(inLang)).to.match(/Kreisdiagramm/);
    });

    it('takes the locale of the dashboard it is in', async () => {
      const dashboard = await fixture<InsightsDashboardElement>(
        html`<insights-dashboard locale="de" instance=${instance()}><code-insight insight-id=${FIXTURE_IDS.migration}></code-insight></insights-dashboard>`,
      );
      const child = dashboard.querySelector('code-insight')!;
      await untilState(child, 'ready');
      expect(summary(child)).to.match(/^Migration to TypeScript\. Liniendiagramm, 2 Datenreihen, .* bis .*\. Zuletzt: /);
      expect(shadow(dashboard).querySelector('.filter-toggle')!.textContent!.trim()).to.equal('Filter');
      // And follows it when it changes.
      dashboard.locale = 'en';
      await dashboard.updateComplete;
      await child.updateComplete;
      expect(summary(child)).to.match(/^Migration to TypeScript\. Line chart, 2 series/);
    });

    it('a dashboard says its filter bar and filter note in its language', async () => {
      // No cards: opening the filter bar over a card given `data` trips a ResizeObserver loop (also on main).
      const dashboard = await fixture<InsightsDashboardElement>(html`<insights-dashboard locale="de" filters-open></insights-dashboard>`);
      expect(shadow(dashboard).querySelector('[part="filters"] button[type="submit"]')!.textContent).to.equal('Anwenden');
      dashboard.applyFilters({ includeRepos: 'web$' });
      dashboard.filtersOpen = false;
      await dashboard.updateComplete;
      expect(shadow(dashboard).querySelector('[part="filter-note"] span')!.textContent).to.equal('Gefiltert nach: Repositorys einschließen /web$/');
    });
  });

  describe('configure({ locale, theme })', () => {
    it('applies to elements already on the page without their own, and their own attributes win', async () => {
      configure({ translations: { ja } });
      const plain = await drawn(pie);
      const own = await drawn(pie, { locale: 'en-US', theme: 'light' });
      expect([background(plain), background(own)]).to.deep.equal([LIGHT, LIGHT]);

      configure({ locale: 'ja', theme: 'dark' });
      await Promise.all([plain.updateComplete, own.updateComplete]);
      expect(summary(plain)).to.equal('Languages。2 項目の円グラフ。上位: Go 75%、TypeScript 25%。');
      expect(background(plain)).to.equal(DARK);
      expect(plain.hasAttribute('theme')).to.equal(false); // the page's theme is not written into the element's own attribute
      expect(summary(own)).to.match(/^Languages\. Pie chart of 2 parts/);
      expect(background(own)).to.equal(LIGHT);

      configure({ locale: undefined, theme: undefined });
      await plain.updateComplete;
      expect(summary(plain)).to.match(/Pie chart/);
      expect(background(plain)).to.equal(LIGHT);
    });

    it('switches language and theme without asking the instance again', async () => {
      const card = await fixture<CodeInsightElement>(html`<code-insight instance=${instance()} insight-id=${FIXTURE_IDS.migration}></code-insight>`);
      await untilState(card, 'ready');
      const before = (await graphqlRequests()).length;
      configure({ translations: { de }, locale: 'de', theme: 'dark' });
      await card.updateComplete;
      expect(background(card)).to.equal(DARK);
      expect(menuLabel(card)).to.equal('Aktionen für das Insight');
      // Then one refresh: its request is the only one since (the switch asked nothing; a request it had started
      // would be logged before the refresh's).
      card.refresh();
      await waitUntil(async () => (await graphqlRequests()).length > before, 'the refresh asks the instance', { timeout: 5000 });
      await untilState(card, 'ready');
      expect((await graphqlRequests()).length - before).to.equal(1);
    });

    it('comes before the page language', async () => {
      document.documentElement.lang = 'de';
      configure({ translations: { de, ja }, locale: 'ja' });
      expect(summary(await drawn(pie))).to.match(/円グラフ/);
    });

    it('gives a dashboard without a theme of its own the page\'s, and its own wins', async () => {
      // No cards: a dark dashboard around a card given `data` trips a ResizeObserver loop (also on main).
      configure({ theme: 'dark' });
      const dashboard = await fixture<InsightsDashboardElement>(html`<insights-dashboard heading="Health"></insights-dashboard>`);
      const surface = () => getComputedStyle(dashboard).backgroundColor;
      expect(surface()).to.equal(DARK);
      dashboard.theme = 'light';
      await dashboard.updateComplete;
      expect(surface()).to.equal('rgba(0, 0, 0, 0)');
      expect(dashboard.getAttribute('theme')).to.equal('light');
    });
  });
});
