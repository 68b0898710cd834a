import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../../../charts/format.js';
import { defaultMessages as m } from '../../../model/messages.js';

/** Slices or bars as a table for screen readers: every label with its value. */
export function categoryTable(title: string, items: readonly { label: string; value: number }[], locale: string | undefined): TemplateResult {
  return html`<table class="visually-hidden">
    <caption>${title || m.dataTable}</caption>
    <thead><tr><th scope="col">${m.name}</th><th scope="col">${m.value}</th></tr></thead>
    <tbody>
      ${items.map((item) => html`<tr><th scope="row">${item.label}</th><td>${formatNumber(item.value, locale, false)}</td></tr>`)}
    </tbody>
  </table>`;
}
