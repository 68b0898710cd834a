/**
 * Runs `callback` now if the page is visible, else once it is shown again (a hidden tab costs the instance
 * nothing). Returns what cancels the wait, or undefined when `callback` ran at once.
 */
export function whenVisible(callback: () => void): (() => void) | undefined {
  if (document.visibilityState !== 'hidden') {
    callback();
    return undefined;
  }
  const cancel = () => document.removeEventListener('visibilitychange', listener);
  const listener = () => {
    if (document.visibilityState !== 'visible') return;
    cancel();
    callback();
  };
  document.addEventListener('visibilitychange', listener);
  return cancel;
}
