/**
 * The base of the elements that are not lit's: HTMLElement in a browser, and a bare class where there is none
 * (Node, server-side rendering), so that importing the package on a server does not throw. Lit's own
 * LitElement does the same under Node. The define.js files register only where there is a `customElements`.
 */
export const HTMLElement: typeof globalThis.HTMLElement = globalThis.HTMLElement ?? (class {} as typeof globalThis.HTMLElement);

