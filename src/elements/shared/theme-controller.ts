import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { configuration } from '../../configure.js';

type Theme = 'auto' | 'light' | 'dark';

/**
 * Puts the host's theme, its own `theme` or else the page's `configure({ theme })`, into the custom states
 * `:state(light)` and `:state(dark)` that the styles read (`auto`: neither). A state rather than the `theme`
 * attribute, which stays the page's own: writing the configured theme there would make it the element's.
 */
export class ThemeController implements ReactiveController {
  readonly #internals?: ElementInternals;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { theme?: Theme }) {
    host.addController(this);
    this.#internals = host.attachInternals?.();
  }

  hostUpdate(): void {
    const theme = this.host.theme || configuration().theme;
    const states = this.#internals?.states;
    if (!states) return;
    for (const name of ['light', 'dark']) {
      const change = name === theme ? 'add' : 'delete';
      try {
        states[change](name);
      } catch {
        // Chromium 90 to 124 takes only dashed names (`:--dark` in the styles); thrown here, it would stop the render.
        states[change](`--${name}`);
      }
    }
  }
}
