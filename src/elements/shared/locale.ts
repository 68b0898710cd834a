import { configuration } from '../../configure.js';
import { closestAcrossShadow } from './closest.js';

/**
 * An element's language, for its words, dates and numbers: its own `locale`, the enclosing dashboard's, the
 * page's `configure({ locale })`, then the nearest `lang` (the document's, usually). Undefined: the browser's
 * default for dates and numbers, and the default (English) words.
 */
export function elementLocale(element: HTMLElement & { locale?: string }): string | undefined {
  return (
    element.locale ||
    (closestAcrossShadow(element, 'insights-dashboard') as { locale?: string } | null)?.locale ||
    configuration().locale ||
    closestAcrossShadow(element, '[lang]')?.getAttribute('lang') ||
    undefined
  );
}
