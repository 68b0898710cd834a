import { css } from 'lit';
import { base } from '../../styles/base.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  base,
  css`
    :host {
      min-width: 0;
    }
    .card {
      box-sizing: border-box;
      height: 100%;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.875rem 1rem 0.75rem;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .header {
      align-items: baseline;
      gap: 0.5rem;
      min-height: 1.5rem;
    }
    :host([hide-title]) .title-placeholder {
      display: none;
    }
    /* No title and no menu (card-header.ts): the row, holding only the hidden title, takes no room, nor a gap. */
    .header.bare {
      position: absolute;
    }
    .menu {
      position: relative;
      margin-left: auto;
    }
    .menu-button {
      display: flex;
      padding: 0.25rem;
      border-color: transparent;
    }
    .menu-icon {
      width: 1rem;
      height: 1rem;
      fill: currentColor;
    }
    .menu-list {
      position: absolute;
      right: 0;
      top: 100%;
      z-index: 2;
      min-width: 14rem;
      margin: 0.25rem 0 0;
      padding: 0.25rem 0;
      list-style: none;
      background: var(--_tooltip-bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    }
    [role^='menuitem'] {
      display: block;
      width: 100%;
      box-sizing: border-box;
      padding: 0.375rem 0.75rem;
      border: 0;
      border-radius: 0;
      color: var(--_fg);
      font-size: 0.875rem;
      text-align: start;
      text-decoration: none;
    }
    [role^='menuitem']:hover,
    [role^='menuitem']:focus-visible {
      background: var(--_grid);
      outline-offset: -2px;
    }
    .menu-group-label {
      padding: 0.25rem 0.75rem 0.125rem;
      font-size: 0.6875rem;
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--_muted);
    }
    .menu-separator {
      margin: 0.25rem 0;
      border-top: 1px solid var(--_border);
    }
    /* A setting's box at the end of its row, so every label starts in the same place. */
    [role='menuitemcheckbox']::after {
      content: '';
      float: right;
      box-sizing: border-box;
      width: 1rem;
      height: 1rem;
      margin-top: 0.125rem;
      border: 1px solid var(--_muted);
      border-radius: 3px;
      font-size: 0.75rem;
      line-height: 0.875rem;
      text-align: center;
    }
    [aria-checked='true']::after {
      content: '✓';
      color: #fff;
      background: var(--_accent);
      border-color: var(--_accent);
    }
    .title {
      font-size: 1rem;
      line-height: 1.4;
    }
    .title a {
      color: inherit;
      text-decoration: none;
    }
    .title a:hover {
      text-decoration: underline;
    }
    .status {
      font-size: 0.8125rem;
    }
    .status.warning {
      color: var(--_warning);
    }
    .chart {
      position: relative;
      height: var(--_chart-height);
      min-height: 120px;
    }
    svg.plot {
      display: block;
      width: 100%;
      height: 100%;
      overflow: visible;
      touch-action: pan-y;
    }
    .gridline {
      stroke: var(--_grid);
      stroke-width: 1;
    }
    .domain {
      stroke: var(--_border);
    }
    /* A halo in the card's background keeps a goal's label readable where a line runs through it anyway. */
    .goal-label {
      paint-order: stroke;
      stroke: var(--_bg);
      stroke-width: 3px;
    }
    .tick {
      fill: var(--_muted);
      font-size: 11px;
      font-variant-numeric: tabular-nums;
    }
    .tick.y {
      text-anchor: end;
    }
    .tick.x {
      text-anchor: middle;
    }
    [data-mark='line'] {
      fill: none;
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    /* A long line chart's lines and bands in a layer of their own: the crosshair and the active dots that hover
       moves are painted outside it, so a pointer move never repaints a path of thousands of points. */
    .series.layer {
      will-change: transform;
    }
    /* A line chart finds the sample under the pointer from its x (a bisection), not from what was hit: the browser
       need not test the pointer against the outline of a long path on every move (milliseconds each). */
    .series,
    .points,
    .crosshair {
      pointer-events: none;
    }
    [data-mark='line'].active {
      stroke-width: 3;
    }
    [data-mark='line'].dimmed {
      opacity: 0.35;
    }
    [data-mark='point'] {
      stroke-width: 1.5;
    }
    .tooltip-rows li.active {
      font-weight: 600;
    }
    .chart:focus-visible {
      outline-offset: 4px;
      border-radius: 4px;
    }
    .area {
      opacity: 0.35;
      stroke: none;
    }
    [data-mark='point'].incomplete {
      stroke: var(--_warning);
      stroke-width: 2;
    }
    [data-mark='point'].active {
      stroke: var(--_bg);
      stroke-width: 2;
    }
    .crosshair {
      stroke: var(--_muted);
      stroke-dasharray: 3 3;
    }
    .brush {
      position: absolute;
      top: 0;
      bottom: 28px;
      left: 0;
      pointer-events: none;
      background: var(--_accent);
      opacity: 0.15;
    }
    /* Over the chart's top right corner: zooming and resetting never move the plot. */
    .zoom-reset {
      position: absolute;
      top: 0;
      right: 0;
      z-index: 1;
      padding: 0.125rem 0.5rem;
      font-size: 0.75rem;
      background: var(--_bg);
    }
    .tooltip {
      position: absolute;
      top: 0;
      left: 0;
      z-index: 1;
      pointer-events: none;
      min-width: 10rem;
      max-width: min(18rem, 100%);
      padding: 0.5rem 0.625rem;
      font-size: 0.8125rem;
      background: var(--_tooltip-bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    }
    .tooltip-date {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .tooltip-rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tooltip-rows li {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      flex-wrap: wrap;
    }
    .tooltip-label {
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* Thousands of cells for a long series: far off screen, content-visibility lets the browser skip their
       style, layout and paint (they stay in the accessibility tree). On a wrapper, not on the <table>: Chromium
       lays a table's rows out whatever its content-visibility (a second per 20,000 rows). */
    .data-table {
      top: 0;
      left: -100000px;
      content-visibility: auto;
    }
    .tooltip-value {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .tooltip-warning {
      flex-basis: 100%;
      color: var(--_warning);
      font-size: 0.75rem;
    }
    .tooltip-row {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      font-weight: 600;
    }
    .tooltip-detail {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .chart-note {
      position: absolute;
      right: 0;
      bottom: 0;
      margin: 0;
      font-size: 0.75rem;
      color: var(--_muted);
    }
    .stat {
      height: 100%;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 0.25rem;
    }
    .stat-value {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      font-size: 3rem;
      font-weight: 650;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .stat-value a {
      color: inherit;
      text-decoration: none;
    }
    .stat-label {
      font-size: 1rem;
      font-weight: 400;
      color: var(--_muted);
    }
    /* Neutral until the insight says which way is better: more TODOs is no success. */
    .stat-change {
      font-size: 0.9375rem;
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .stat-change.good,
    .change[data-tone='good'] {
      color: var(--_success);
    }
    .stat-change.bad,
    .change[data-tone='bad'] {
      color: var(--_danger);
    }
    /* Goals: the headline under the chart, a dot in the status's colour before it; changes; a single number's progress. */
    .projection {
      display: flex;
      align-items: baseline;
      gap: 0.375rem;
      margin: 0;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .projection::before {
      content: '';
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: var(--_muted);
    }
    .projection[data-status='on-track']::before,
    .projection[data-status='reached']::before {
      background: var(--_success);
    }
    .projection[data-status='behind']::before {
      background: var(--_warning);
    }
    .projection[data-status='wrong-way']::before {
      background: var(--_danger);
    }
    .change {
      margin-left: 0.25rem;
      color: var(--_muted);
      font-size: 0.75rem;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .goal-progress {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin-top: 0.5rem;
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    .goal-progress svg {
      width: 50%;
      height: 6px;
    }
    .goal-progress .track {
      fill: var(--_grid);
    }
    .goal-progress .done {
      fill: var(--_accent);
    }
    .stat-since {
      margin-left: 0.25rem;
      color: var(--_muted);
    }
    .sparkline {
      width: 100%;
      height: 64px;
      margin-top: 0.75rem;
    }
    .sparkline [data-mark='line'] {
      vector-effect: non-scaling-stroke;
    }
    [data-mark='slice'],
    [data-mark='bar'] {
      cursor: default;
    }
    .tooltip-more {
      color: var(--_muted);
    }
    .swatch {
      width: 0.625rem;
      height: 0.625rem;
      flex: none;
    }
    .swatch-dash {
      display: none;
      width: 1.5rem;
      height: 0.625rem;
      flex: none;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.8125rem;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      min-width: 0;
    }
    .legend-label {
      overflow-wrap: anywhere;
    }
    .legend-toggle {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.125rem 0.25rem;
      border: 0;
      text-align: start;
    }
    .legend-toggle[aria-pressed='false'] {
      color: var(--_muted);
      text-decoration: line-through;
    }
    .legend-toggle[aria-pressed='false'] .swatch {
      opacity: 0.3;
    }
    /* A drag across the chart zooms: it must not select the axis labels' text on the way. */
    .chart {
      user-select: none;
    }
    .chart-and-legend {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    /* A long legend scrolls instead of growing the card (its toggles take the focus, so keys scroll it too); its
       focus ring goes inside, where the scroller does not clip it. */
    .legend.many {
      max-height: 6rem;
      overflow: auto;
    }
    .legend.many .legend-toggle:focus-visible {
      outline-offset: -2px;
    }
    /* A wide card puts a legend of many series beside the chart (legendBeside decides, and gives its width), one
       series a line, as tall as the chart at most; the notes get a line of their own under both. */
    .chart-and-legend.beside {
      flex-flow: row wrap;
      align-items: flex-start;
      gap: 0.5rem 0;
    }
    .beside > .chart {
      flex: 1;
      min-width: 0;
    }
    .beside > .status-line {
      order: 1;
      flex-basis: 100%;
    }
    .beside > .legend {
      box-sizing: border-box;
      flex: none;
      flex-flow: column nowrap;
      width: var(--_legend-width);
      max-height: max(120px, var(--_chart-height));
      padding-left: 1rem;
    }
    .message {
      box-sizing: border-box;
      height: 100%;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      padding: 1rem;
      text-align: center;
      color: var(--_muted);
    }
    .detail {
      max-width: 40ch;
      font-size: 0.8125rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    button {
      background: transparent;
      padding: 0.25rem 0.75rem;
    }
    /* Card structure (issue 16): a fixed order (title row, chart, notes, legend at the bottom), so the plots of
       cards in a row start at the same height whatever notes one of them has. */
    /* The chart, its notes and its legend fill the card; the legend sits at its bottom, so cards in a row line up.
       The screen readers' table (visually hidden) after them takes no room, not even a gap. */
    .chart-and-legend {
      flex: 1;
    }
    .data-table-host {
      display: contents;
    }
    .legend {
      margin-top: auto;
    }
    /* One line (the full title shows on hover and to screen readers): a long title would push its plot down. */
    .title {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .status-line {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    summary {
      cursor: pointer;
    }
    .status-popover {
      position: absolute;
      bottom: 100%;
      left: 0;
      right: 0;
      z-index: 2;
      max-height: 12rem;
      overflow: auto;
      margin: 0 0 0.25rem;
      padding: 0.5rem 0.75rem 0.5rem 1.5rem;
      color: var(--_fg);
      background: var(--_tooltip-bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
    }
    /* A partial chart stays visible under this banner: its numbers are still growing. */
    .processing-banner {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 0.25rem 0.5rem;
      font-size: 0.75rem;
      pointer-events: none;
      background: color-mix(in srgb, var(--_bg) 90%, transparent);
      border: 1px solid var(--_border);
      border-left: 3px solid var(--_accent);
      border-radius: 6px;
    }
    .processing-banner progress {
      width: 4rem;
    }
    /* The native bar ignores the card's theme (a light track in dark mode). */
    progress {
      width: min(16rem, 80%);
      height: 0.5rem;
      appearance: none;
      border: 0;
      border-radius: 4px;
      overflow: hidden;
      background: var(--_grid);
    }
    progress::-webkit-progress-bar {
      background: var(--_grid);
    }
    progress::-webkit-progress-value {
      background: var(--_accent);
    }
    progress::-moz-progress-bar {
      background: var(--_accent);
    }
    /* An error's tone is its icon: the danger colour for failures, muted for what no retry fixes. The sentence
       stays in the text colour. */
    .tone-icon {
      width: 1.5rem;
      height: 1.5rem;
      flex: none;
      fill: none;
      stroke: var(--_muted);
      stroke-width: 1.5;
      stroke-linecap: round;
    }
    [data-tone='error'] .tone-icon {
      stroke: var(--_danger);
    }
    .error-message {
      color: var(--_fg);
    }
    /* Loading: a title bar and a chart's outline (an axis and uneven bars). */
    .title-placeholder,
    .skeleton span {
      border-radius: 4px;
      background: var(--_skeleton);
      animation: pulse 1.4s ease-in-out infinite;
    }
    .title-placeholder {
      width: min(14rem, 50%);
      height: 1rem;
      align-self: center;
    }
    .skeleton {
      box-sizing: border-box;
      height: calc(100% - 1.5rem);
      display: flex;
      align-items: flex-end;
      gap: 5%;
      margin-left: 2rem;
      padding: 0 5%;
      border-left: 2px solid var(--_skeleton);
      border-bottom: 2px solid var(--_skeleton);
    }
    .skeleton span {
      flex: 1;
      height: 45%;
      border-radius: 4px 4px 0 0;
    }
    .skeleton span:nth-child(odd) {
      height: 70%;
    }
    .skeleton span:nth-child(3n) {
      height: 90%;
    }
    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .title-placeholder,
      .skeleton span {
        animation: none;
      }
    }
    @media (forced-colors: active) {
      .card {
        border-color: CanvasText;
      }
      [data-mark='line'] {
        stroke: CanvasText;
      }
      [data-pattern='1'] {
        stroke-dasharray: 8 4;
      }
      [data-pattern='2'] {
        stroke-dasharray: 2 3;
      }
      [data-pattern='3'] {
        stroke-dasharray: 12 3 2 3;
      }
      [data-pattern='4'] {
        stroke-dasharray: 4 4;
      }
      .swatch-dash {
        display: inline;
        stroke: CanvasText;
        stroke-width: 2;
      }
      .legend .swatch {
        display: none;
      }
      [data-mark='point'],
      [data-mark='slice'],
      [data-mark='bar'],
      .swatch circle {
        fill: CanvasText;
        stroke: Canvas;
      }
      [data-mark='line'].dimmed {
        opacity: 0.5;
      }
      .gridline,
      .domain {
        stroke: GrayText;
      }
      .tick,
      .stat-change {
        fill: CanvasText;
        color: CanvasText;
      }
      .area {
        fill: GrayText;
      }
      .legend-toggle[aria-pressed='false'] {
        color: GrayText;
      }
    }
  `,
];
