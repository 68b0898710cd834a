import { configuration } from '../../configure.js';
import { closestAcrossShadow } from './closest.js';

/** A card's Sourcegraph instance: its own `instance`, the enclosing dashboard's, then `configure({ instance })`. */
export function elementInstance(element: HTMLElement & { instance?: string }): string | undefined {
  return element.instance ?? closestAcrossShadow(element, 'insights-dashboard')?.getAttribute('instance') ?? configuration().instance;
}
