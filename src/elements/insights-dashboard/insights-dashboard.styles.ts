import { css } from 'lit';
import { base } from '../../styles/base.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  base,
  css`
    :host {
      /* The grid follows the dashboard's own width, so it reflows in a narrow wiki column. */
      container-type: inline-size;
    }
    /* Dark cards bring their own surface; the heading and notes between them would otherwise be light text on
       the host page's background, which under theme="auto" and a dark OS is often a light wiki page. */
    :host(:is([theme='dark'], :state(dark), :--dark)) {
      padding: 1rem;
      background: var(--_bg);
      border-radius: var(--_radius);
    }
    @media (prefers-color-scheme: dark) {
      :host(:not(:is([theme='light'], :state(light), :--light))) {
        padding: 1rem;
        background: var(--_bg);
        border-radius: var(--_radius);
      }
    }
    .header {
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 0.75rem;
    }
    .title {
      font-size: 1.25rem;
    }
    /* At the end of the row, also when a hidden title (hide-title) has left it. */
    .filter-toggle {
      margin-left: auto;
    }
    .grid {
      display: grid;
      gap: var(--insight-gap, 1rem);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-card-width, var(--insight-min-card-width, 22rem))), 1fr));
    }
    /* Cards out of view skip layout and paint until they near it: a 48-card dashboard costs the page what
       its first screen of cards costs. The intrinsic size keeps the scroll height steady meanwhile. */
    .grid > code-insight,
    ::slotted(code-insight) {
      content-visibility: auto;
      contain-intrinsic-size: auto 320px;
    }
    /* Its paint containment would cut off an open menu taller than the card. */
    .grid > code-insight[menu-open],
    ::slotted(code-insight[menu-open]) {
      content-visibility: visible;
    }
    .status {
      margin-bottom: 0.75rem;
    }
    .status.error {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      color: var(--_danger);
    }
    .filters {
      display: grid;
      /* Wide enough for the sort select's longest option ("Result count, highest first") and its arrow. */
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: 0.75rem 1rem;
      align-items: end;
      margin-bottom: 1rem;
      padding: 0.875rem 1rem;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    input,
    select,
    button {
      font: inherit;
      font-size: 0.875rem;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
      padding: 0 0.5rem;
      /* One height for every control: a select's own box is a pixel taller than an input's, and sat higher. */
      box-sizing: border-box;
      height: 2rem;
    }
    .filter-actions {
      display: flex;
      gap: 0.5rem;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .filter-error {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--_danger);
    }
    button {
      padding: 0 0.875rem;
    }
    .filter-note {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.75rem;
      font-size: 0.875rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    button.primary {
      color: #fff;
      background: var(--_accent);
      border-color: var(--_accent);
    }
    .filter-toggle {
      flex: none;
      white-space: nowrap;
    }
    .filter-toggle[aria-expanded='true'] {
      border-color: var(--_accent);
    }
  `,
];
