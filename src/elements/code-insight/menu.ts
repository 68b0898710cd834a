import { html, nothing, type TemplateResult } from 'lit';
import { batchChangeURL, codeMonitorURL } from '../../api/links.js';
import { defaultMessages as m } from '../../model/messages.js';
import { safeHttpURL } from '../../model/url.js';

/** One entry of a card's menu: a link to the instance, or an action. */
export type MenuItem = { label: string; href: string } | { label: string; action: () => void };

/**
 * The card's menu: a button and a list of `role="menuitem"` entries, opened and closed by the card (which owns
 * the keyboard handling: arrows, Home/End, Escape back to the button, Tab out).
 */
export function menuTemplate(items: MenuItem[], open: boolean, toggle: () => void, keydown: (event: KeyboardEvent) => void): TemplateResult {
  return html`<div class="menu" part="menu" @keydown=${keydown}>
    <button type="button" class="menu-button" aria-label=${m.menu} aria-haspopup="menu" aria-expanded=${open} @click=${toggle}>
      <svg viewBox="0 0 16 16" aria-hidden="true" class="menu-icon"><circle cx="3" cy="8" r="1.5"></circle><circle cx="8" cy="8" r="1.5"></circle><circle cx="13" cy="8" r="1.5"></circle></svg>
    </button>
    ${open
      ? html`<ul class="menu-list" role="menu" aria-label=${m.menu}>
          ${items.map((item) =>
            'href' in item
              ? html`<li role="none"><a role="menuitem" tabindex="-1" href=${item.href} target="_blank" rel="noopener noreferrer" @click=${toggle}>${item.label}</a></li>`
              : html`<li role="none"><button role="menuitem" tabindex="-1" type="button" @click=${() => (toggle(), item.action())}>${item.label}</button></li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}

/** Moves focus among the open menu's items; returns false for keys the menu does not use. */
export function moveMenuFocus(list: HTMLElement, key: string): boolean {
  const items = [...list.querySelectorAll<HTMLElement>('[role="menuitem"]')];
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

/** What a card's menu can offer: each entry appears only where the card has what it needs. */
export interface MenuContext {
  title: string;
  url?: string;
  instance?: string;
  /** The first series' search query. */
  query?: string;
  csv(): string;
  /** Every point from the instance's CSV export (saved insights). */
  exportAll?: () => Promise<Blob>;
  /** Undefined when there is no chart to draw as a file. */
  svg?: () => string;
  png(): Promise<Blob>;
  embed(): string;
  /** Says something to screen readers (the card's polite live region). */
  announce(text: string): void;
}

export function menuItems(c: MenuContext): MenuItem[] {
  const name = (c.title || 'insight').replace(/[^\w.-]+/g, '-').slice(0, 60);
  const href = safeHttpURL(c.url);
  const instance = c.instance?.replace(/\/+$/, '');
  const { exportAll, svg, query } = c;
  const items: (MenuItem | false | undefined | '')[] = [
    href && { label: m.openInSourcegraph, href },
    { label: m.downloadCSV, action: () => download(new Blob([c.csv()], { type: 'text/csv' }), `${name}.csv`) },
    exportAll && { label: m.downloadAllCSV, action: () => void exportAll().then((blob) => download(blob, `${name}.csv`), (e: Error) => c.announce(e.message)) },
    svg && { label: m.downloadSVG, action: () => download(new Blob([svg()], { type: 'image/svg+xml' }), `${name}.svg`) },
    svg && { label: m.downloadPNG, action: () => void c.png().then((blob) => download(blob, `${name}.png`)) },
    { label: m.copyEmbed, action: () => void navigator.clipboard?.writeText(c.embed()).then(() => c.announce(m.embedCopied)) },
    query && instance && { label: m.createCodeMonitor, href: codeMonitorURL(instance, query, m.monitorDescription(c.title)) },
    query && instance && { label: m.createBatchChange, href: batchChangeURL(instance, query) },
  ];
  return items.filter((item): item is MenuItem => Boolean(item));
}

/** A card's markup for another page: its attributes and series, never its token (a property) or its state. */
export function embedSnippet(card: Element, instance: string | undefined): string {
  const copy = card.cloneNode(true) as Element;
  for (const attribute of ['state', 'role', 'style', 'class', 'id']) copy.removeAttribute(attribute);
  if (instance && !copy.hasAttribute('instance')) copy.setAttribute('instance', instance);
  return `<script type="module" src="code-insights.js"></script>\n${copy.outerHTML}`;
}
