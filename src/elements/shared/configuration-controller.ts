import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { configurationVersion, onConfigure } from '../../configure.js';

/**
 * Renders the host again when the page calls `configure()`, which it may do after the elements loaded: the
 * host's data tasks read `version` among their arguments and load again with the new settings.
 */
export class ConfigurationController implements ReactiveController {
  #unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get version(): number {
    return configurationVersion();
  }

  hostConnected(): void {
    this.#unsubscribe = onConfigure(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
