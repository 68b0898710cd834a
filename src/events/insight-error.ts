/** Loading an insight failed. `detail` is the error (an `InsightsError` for anything the client ran into). */
export class InsightErrorEvent extends CustomEvent<Error> {
  constructor(error: Error) {
    super('insight-error', { bubbles: true, composed: true, detail: error });
  }
}

declare global {
  interface HTMLElementEventMap {
    'insight-error': InsightErrorEvent;
  }
  // The events are composed and bubble, so pages often listen on the document.
  interface DocumentEventMap {
    'insight-error': InsightErrorEvent;
  }
}
