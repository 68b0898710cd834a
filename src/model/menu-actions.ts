/**
 * The tokens of the `actions` attribute, one per entry of a card's menu: open in Sourcegraph, the y-axis
 * setting, the downloads, the embed snippet, and the code monitor and batch change links.
 */
export const MENU_ACTIONS = ['open', 'y-zero', 'csv', 'csv-all', 'svg', 'png', 'embed', 'monitor', 'batch-change'] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

/**
 * The entries an `actions` value lets a menu show: undefined (every entry) when the attribute is absent; else
 * those its tokens (separated by spaces or commas) name, so `none` (or an empty value) shows none. Tokens that name no entry are
 * returned apart, for a warning: a typo must not pass unnoticed, nor break the card.
 */
export function menuActions(value: string | null | undefined): { allowed?: Set<MenuAction>; unknown: string[] } {
  if (value == null) return { unknown: [] };
  // Spaces or commas, as the card's list attributes (`repositories`, `search-contexts`) take them.
  const tokens = value.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const known = (token: string): token is MenuAction => (MENU_ACTIONS as readonly string[]).includes(token);
  return { allowed: new Set(tokens.filter(known)), unknown: tokens.filter((t) => t !== 'none' && !known(t)) };
}
