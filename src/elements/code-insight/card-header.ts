import { html, nothing, type TemplateResult } from 'lit';
import { insightURL } from '../../api/links.js';
import { insightIdOrNone } from '../../model/insight-id.js';
import { safeHttpURL } from '../../model/url.js';
import { headingLevel } from '../shared/heading-level.js';

/**
 * The card's title row: the title as a heading of the page's level (`heading-level`: a card cannot know the
 * outline of the page it is embedded in), or a placeholder bar while a card with no title yet loads; then the menu.
 * A hidden title (`hide-title`) is still the heading screen readers name the card by, but no link: a tab stop no
 * one sees. With no menu either, the row takes no room.
 */
export function headerTemplate(
  title: string | undefined,
  href: string | undefined,
  level: number,
  loading: boolean,
  menu: TemplateResult | typeof nothing,
  hidden: boolean,
): TemplateResult {
  return html`<header class="header ${hidden && menu === nothing ? 'bare' : ''}" part="header">
    ${title
      ? html`<div class="title" part="title" role="heading" aria-level=${headingLevel(level, 3)} title=${title}>
          ${href && !hidden ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${title}</a>` : title}
        </div>`
      : loading
        ? html`<span class="title-placeholder" aria-hidden="true"></span>`
        : nothing}
    ${menu}
  </header>`;
}

/** The insight's page: the link its data gives, else a saved insight's page from the attributes (an error has no data). */
export function insightHref(url: string | undefined, instance: string | undefined, insightId: string | undefined): string | undefined {
  const id = insightIdOrNone(insightId);
  return safeHttpURL(url) ?? (id && instance ? safeHttpURL(insightURL(instance.replace(/\/+$/, ''), id)) : undefined);
}
