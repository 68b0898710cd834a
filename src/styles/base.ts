import { css } from 'lit';

/**
 * Rules every element shares: a block host that `hidden` hides, in the theme's text colour; a header row with a
 * title, and status lines in the muted colour; buttons bordered in the theme's colours, lit up on hover; the
 * focus ring. Each element's own styles come after and add to them.
 */
export const base = css`
  :host {
    display: block;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  .header {
    display: flex;
  }
  .title {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* Out of sight, yet read by screen readers: live regions, key hints, the data table, and under hide-title the
     heading that still names the card or dashboard. */
  .visually-hidden,
  :host([hide-title]) .title {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  button {
    font: inherit;
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
