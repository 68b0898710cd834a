import { defaultMessages, type Messages } from './messages.js';

export type { Messages };

/**
 * One language's words for `defaultMessages`: every sentence may be given, and those left out stay the default
 * (English, or the page's own `configure({ messages })`). The shipped ones are `code-insights-elements/locales/*.js`.
 */
export type Translation = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown ? Messages[K] : Messages[K] extends object ? Partial<Messages[K]> : Messages[K];
};

/** Translations by lower-case BCP 47 tag (`de`, `pt-br`). */
const translations = new Map<string, Translation>();
/** Each translation over the defaults, built once per tag; bounded by the tags the page registered. */
let merged = new Map<string, Messages>();

/** Adds (or replaces) the words of each language tag in `byLocale`. */
export function addTranslations(byLocale: Readonly<Record<string, Translation>>): void {
  for (const [tag, words] of Object.entries(byLocale)) translations.set(tag.toLowerCase(), words);
  forgetMessages();
}

/** Drops the merged words, after the defaults changed (`configure({ messages })` rewrites them in place). */
export function forgetMessages(): void {
  merged = new Map();
}

/**
 * The words for `locale`: its exact tag, then each shorter prefix (`de-CH` → `de`, BCP 47 lookup), then the
 * defaults. A new object after every change, so views cached by their words know to build again.
 */
export function messagesFor(locale: string | undefined): Messages {
  let tag = locale?.toLowerCase() ?? '';
  while (tag && !translations.has(tag)) tag = tag.slice(0, Math.max(0, tag.lastIndexOf('-')));
  let messages = merged.get(tag);
  if (!messages) merged.set(tag, (messages = over(translations.get(tag) ?? {})));
  return messages;
}

/** `words` over the defaults, the groups of sentences (`sorts`, `menuGroups`…) merged one level down. */
function over(words: Translation): Messages {
  const messages: Record<string, unknown> = { ...defaultMessages };
  for (const [key, value] of Object.entries(words)) messages[key] = typeof value === 'object' ? { ...(messages[key] as object), ...value } : value;
  return messages as Messages;
}
