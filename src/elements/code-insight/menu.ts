import { html, nothing, type TemplateResult } from 'lit';
import type { InsightsClient } from '../../api/client.js';
import { batchChangeURL, codeMonitorURL } from '../../api/links.js';
import type { Loaded } from '../../api/load.js';
import { clientFor } from '../../configure.js';
import type { MenuAction } from '../../model/menu-actions.js';
import type { Messages } from '../../model/messages.js';
import { safeHttpURL } from '../../model/url.js';

/** One entry of a card's menu: a link to the instance, an action, or an on/off setting (`checked`). */
export type MenuItem = { label: string; href: string } | { label: string; action: () => void; checked?: boolean };

/** Entries that belong together (the insight, its chart, exports, actions), drawn between separators. */
export interface MenuGroup {
  label: string;
  items: MenuItem[];
}

/**
 * The card's menu: a button and its groups of `role="menuitem"` (or `menuitemcheckbox`) entries, opened and
 * closed by the card (which owns the keyboard handling: arrows, Home/End, Escape back to the button, Tab out).
 */
export function menuTemplate(groups: MenuGroup[], open: boolean, toggle: () => void, keydown: (event: KeyboardEvent) => void, label: string): TemplateResult {
  const entry = (item: MenuItem) =>
    'href' in item
      ? html`<a role="menuitem" tabindex="-1" href=${item.href} target="_blank" rel="noopener noreferrer" @click=${toggle}>${item.label}</a>`
      : item.checked === undefined
        ? html`<button role="menuitem" tabindex="-1" type="button" @click=${() => (toggle(), item.action())}>${item.label}</button>`
        : // A setting stays open after a click, so the reader sees it flip.
          html`<button role="menuitemcheckbox" tabindex="-1" type="button" aria-checked=${item.checked} @click=${item.action}>${item.label}</button>`;
  return html`<div class="menu" part="menu" @keydown=${keydown}>
    <button type="button" class="menu-button" aria-label=${label} aria-haspopup="menu" aria-expanded=${open} @click=${toggle}>
      <svg viewBox="0 0 16 16" aria-hidden="true" class="menu-icon"><circle cx="3" cy="8" r="1.5"></circle><circle cx="8" cy="8" r="1.5"></circle><circle cx="13" cy="8" r="1.5"></circle></svg>
    </button>
    ${open
      ? html`<div class="menu-list" role="menu" aria-label=${label}>
          ${groups.map(
            (group, i) => html`${i ? html`<div class="menu-separator" role="separator"></div>` : nothing}
              <div role="group" aria-label=${group.label}>
                <div class="menu-group-label" aria-hidden="true">${group.label}</div>
                ${group.items.map(entry)}
              </div>`,
          )}
        </div>`
      : nothing}
  </div>`;
}

/** Moves focus among the open menu's entries (separators and group labels are not entries); false for other keys. */
export function moveMenuFocus(list: HTMLElement, key: string): boolean {
  const items = [...list.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  const current = items.indexOf((list.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement);
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[key];
  if (next === undefined) return false;
  items[(next + items.length) % items.length]?.focus();
  return true;
}

/** Saves a blob as a file, as a download link would. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The card as its menu sees it: what it exports, its settings, and its markup (the embed snippet). */
export interface MenuCard extends Element {
  yZero: boolean;
  heading?: string;
  client?: InsightsClient;
  token?: string;
  toCSV(): string;
  toSVG(): string;
  toPNG(): Promise<Blob>;
}

/** What a card's menu can offer: each entry appears only where the card has what it needs. */
export interface MenuContext {
  card: MenuCard;
  /** The data drawn, with its insight id and series queries. */
  loaded: Loaded;
  instance?: string;
  /** Whether a chart is drawn: there is then something to download as SVG or PNG. */
  chart: boolean;
  /** Says something to screen readers (the card's polite live region). */
  announce(text: string): void;
  /** The words of the card's language. */
  messages: Messages;
  /** The entries the page lets the menu show (the `actions` attribute); undefined for every entry. */
  allowed?: Set<MenuAction>;
}

/** A menu entry under its `actions` token, or a falsy value where the card has not what the entry needs. */
type Entry = [MenuAction, MenuItem | false | undefined | ''];

/** Groups of the entries the card can offer and the page allows (see `menuActions`); empty groups left out. */
export function menuGroups(allowed: Set<MenuAction> | undefined, groups: [label: string, ...entries: Entry[]][]): MenuGroup[] {
  return groups
    .map(([label, ...entries]) => ({ label, items: entries.flatMap(([token, item]) => (item && (!allowed || allowed.has(token)) ? [item] : [])) }))
    .filter((g) => g.items.length);
}

export function menuItems(c: MenuContext): MenuGroup[] {
  const { card, loaded, messages: m } = c;
  const title = card.heading || loaded.data.title;
  const name = (title || 'insight').replace(/[^\w.-]+/g, '-').slice(0, 60);
  const href = safeHttpURL(loaded.data.url);
  const instance = c.instance?.replace(/\/+$/, '');
  const query = loaded.queries?.[0];
  const id = loaded.insightId;
  // Every point from the instance's CSV export (saved insights).
  const exportAll = id && instance ? () => (card.client ?? clientFor(instance, card.token)).exportCSV(id) : undefined;
  return menuGroups(c.allowed, [
    [m.menuGroups.insight, ['open', href && { label: m.openInSourcegraph, href }]],
    [m.menuGroups.chart, ['y-zero', loaded.data.kind === 'line' && { label: m.yZero, checked: card.yZero, action: () => (card.yZero = !card.yZero) }]],
    [
      m.menuGroups.export,
      ['csv', { label: m.downloadCSV, action: () => download(new Blob([card.toCSV()], { type: 'text/csv' }), `${name}.csv`) }],
      ['csv-all', exportAll && { label: m.downloadAllCSV, action: () => void exportAll().then((blob) => download(blob, `${name}.csv`), (e: Error) => c.announce(e.message)) }],
      ['svg', c.chart && { label: m.downloadSVG, action: () => download(new Blob([card.toSVG()], { type: 'image/svg+xml' }), `${name}.svg`) }],
      ['png', c.chart && { label: m.downloadPNG, action: () => void card.toPNG().then((blob) => download(blob, `${name}.png`)) }],
      ['embed', { label: m.copyEmbed, action: () => void navigator.clipboard?.writeText(embedSnippet(card, c.instance)).then(() => c.announce(m.embedCopied)) }],
    ],
    [
      m.menuGroups.act,
      ['monitor', query && instance && { label: m.createCodeMonitor, href: codeMonitorURL(instance, query, m.monitorDescription(title)) }],
      ['batch-change', query && instance && { label: m.createBatchChange, href: batchChangeURL(instance, query) }],
    ],
  ]);
}

/** The single file as published, for pages that use the elements from npm (no single file to point at). */
const CDN_URL = 'https://cdn.jsdelivr.net/npm/code-insights-elements/dist/code-insights.js';

/**
 * Where the single file was loaded from, as an absolute URL: a snippet pasted into another page must not depend
 * on that page's address. Inside the single file this module's URL is the file's; otherwise a page's script
 * element naming it, else the published copy.
 */
export function scriptURL(): string {
  if (new URL(import.meta.url).pathname.endsWith('/code-insights.js')) return import.meta.url;
  return document.querySelector<HTMLScriptElement>('script[src*="code-insights.js"]')?.src || CDN_URL;
}

/** A card's markup for another page: its attributes and series, never its token (a property) or its state. */
export function embedSnippet(card: Element, instance: string | undefined): string {
  const copy = card.cloneNode(true) as Element;
  for (const attribute of ['state', 'role', 'style', 'class', 'id']) copy.removeAttribute(attribute);
  // The default follows the reader's colour scheme on the other page too: said only when the card is fixed.
  if (copy.getAttribute('theme') === 'auto') copy.removeAttribute('theme');
  if (instance && !copy.hasAttribute('instance')) copy.setAttribute('instance', instance);
  return `<script type="module" src="${scriptURL()}"></script>\n${copy.outerHTML}`;
}
