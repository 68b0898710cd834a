import { configuration } from '../../configure.js';
import { closestAcrossShadow } from './closest.js';

/**
 * An element's language, for its words, dates and numbers: its own `locale`, the enclosing dashboard's, the
 * page's `configure({ locale })`, then the nearest `lang` (the document's, usually). Undefined: the browser's
 * default for dates and numbers, and the default (English) words.
 */
export function elementLocale(element: HTMLElement & { locale?: string }): string | undefined {
  return canonical(
    element.locale ||
      (closestAcrossShadow(element, 'insights-dashboard') as { locale?: string } | null)?.locale ||
      configuration().locale ||
      closestAcrossShadow(element, '[lang]')?.getAttribute('lang') ||
      undefined,
  );
}

/**
 * A language tag Intl takes: `de_DE` (as Java and PHP servers write it) is `de-DE`, and a tag Intl refuses is no
 * tag (the browser's default), never a RangeError in the middle of a render.
 */
function canonical(tag: string | undefined): string | undefined {
  if (!tag?.trim()) return undefined;
  // Asked on every render (a pointer move renders): the page's one or two tags are worked out once each.
  let known = canonicalTags.get(tag);
  if (known === undefined) {
    try {
      known = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? '';
    } catch {
      known = '';
    }
    if (canonicalTags.size > 32) canonicalTags.clear();
    canonicalTags.set(tag, known);
  }
  return known || undefined;
}

const canonicalTags = new Map<string, string>();
