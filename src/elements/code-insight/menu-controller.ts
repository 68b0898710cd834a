import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { MENU_ACTIONS, menuActions, type MenuAction } from '../../model/menu-actions.js';
import type { Messages } from '../../model/messages.js';
import { closestAcrossShadow } from '../shared/closest.js';
import type { Loaded } from '../../api/load.js';
import { elementInstance } from '../shared/instance.js';
import { menuGroups, menuItems, menuTemplate, moveMenuFocus, type MenuCard, type MenuGroup } from './menu.js';

type MenuHost = ReactiveControllerHost & HTMLElement & MenuCard & { readonly renderRoot: ParentNode; actions?: string; instance?: string };

/** What the card shows, for its menu. */
export interface MenuInput {
  /** The data the card shows; none for an error, whose menu only opens the insight at `href`. */
  loaded?: Loaded;
  /** Whether the card laid out a chart (a chart to export, once it is drawn). */
  hasView: boolean;
  href?: string;
  messages: Messages;
  /** Says something to screen readers (the card's live region). */
  announce(text: string): void;
}

/** The `actions` value last warned about: a dashboard's cards share theirs, and one warning says it. */
let warned: string | undefined;

/**
 * Opens and closes a card's menu the way a menu button should: focus moves into the menu when it opens; arrows,
 * Home and End move among its items; Escape closes it and gives focus back to the button; Tab or a press
 * anywhere outside closes it. While open the card has a `menu-open` attribute: a dashboard lifts its cards'
 * paint containment (content-visibility) for it, which would otherwise cut off a menu taller than the card.
 */
export class MenuController implements ReactiveController {
  #open = false;
  /** Opened or closed since the last render: focus and the outside-press listener follow once it has rendered. */
  #changed = false;
  /** Under `actions`, whether the closed menu's last render had entries, and how to build them again. */
  #offer?: { entries: boolean; build: () => MenuGroup[] };

  constructor(private readonly host: MenuHost) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  /**
   * The menu button, and its entries while open (a card renders on every pointer move: closed, it needs none);
   * nothing where `actions` (the card's, else its dashboard's) leaves no entry.
   */
  render({ loaded, hasView, href, messages: m, announce }: MenuInput): TemplateResult | typeof nothing {
    const allowed = this.#allowed();
    const { host } = this;
    // Whether there is a chart to export is read from what was drawn: a laid-out view may draw none (a single number).
    const chart = () => hasView && Boolean(host.renderRoot.querySelector('svg.plot'));
    const build = () =>
      loaded
        ? menuItems({ card: host, loaded, instance: elementInstance(host), chart: chart(), announce, allowed, messages: m })
        : menuGroups(allowed, [[m.menuGroups.insight, ['open', href && { label: m.openInSourcegraph, href }]]]);
    const groups = this.#open || allowed ? build() : [];
    if (allowed && !this.#open) this.#offer = { entries: groups.length > 0, build };
    return allowed && !groups.length ? nothing : menuTemplate(groups, this.#open, this.toggle, this.handleKeyDown, m.menu);
  }

  toggle = (): void => {
    this.#set(!this.#open);
  };

  handleKeyDown = (event: KeyboardEvent): void => {
    if (!this.#open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#set(false);
      this.host.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
    } else if (event.key === 'Tab') {
      this.#set(false);
    } else if (moveMenuFocus(this.host.renderRoot.querySelector('.menu-list')!, event.key)) {
      event.preventDefault();
    }
  };

  hostUpdated(): void {
    const offer = this.#offer;
    this.#offer = undefined;
    // Whether there is a chart to download is read from the DOM, which has only now been drawn: a button
    // shown or left out on a guess is put right.
    if (offer && offer.build().length > 0 !== offer.entries) this.host.requestUpdate();
    if (!this.#changed) return;
    this.#changed = false;
    // An update queued just before removal still runs: a removed card must not listen on the document.
    if (this.#open && this.host.isConnected) {
      this.host.renderRoot.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
      document.addEventListener('pointerdown', this.#handleOutsidePress, true);
    } else {
      document.removeEventListener('pointerdown', this.#handleOutsidePress, true);
    }
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#handleOutsidePress, true);
    // Closed for when the card comes back (moved elsewhere on the page).
    if (this.#open) this.host.requestUpdate();
    this.#open = false;
    this.#changed = false;
    this.host.toggleAttribute('menu-open', false);
  }

  #allowed(): Set<MenuAction> | undefined {
    const value = this.host.actions ?? closestAcrossShadow(this.host, 'insights-dashboard')?.getAttribute('actions');
    const { allowed, unknown } = menuActions(value);
    if (unknown.length && value !== warned) {
      warned = value!;
      console.warn(`code-insight actions: no entry ${unknown} (the entries: ${MENU_ACTIONS})`);
    }
    return allowed;
  }

  #set(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#changed = true;
    this.host.toggleAttribute('menu-open', open);
    this.host.requestUpdate();
  }

  #handleOutsidePress = (event: PointerEvent): void => {
    const menu = this.host.renderRoot.querySelector('.menu');
    if (!menu || !event.composedPath().includes(menu)) this.#set(false);
  };
}
