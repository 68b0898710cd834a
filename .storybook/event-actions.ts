/**
 * Sends the events named in `parameters.actions.handles` to the Actions panel as they bubble out of the story.
 * Storybook's own `withActions` logs the Event object, whose `detail` (a getter) never makes it to the panel;
 * this logs the detail, which is what a page listening for the event would read. The listeners go on the story's
 * root while the story renders, not in an effect: an answer from the in-page fixtures can arrive before effects run.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';

/** The events each story root already passes on (the root outlives its stories, so each listener is added once). */
const listening = new WeakMap<Element, Set<string>>();

export const withEventActions: Decorator = (story, context) => {
  const root = context.canvasElement;
  const names = listening.get(root) ?? new Set<string>();
  listening.set(root, names);
  for (const name of (context.parameters.actions as { handles?: string[] } | undefined)?.handles ?? []) {
    if (names.has(name)) continue;
    names.add(name);
    const log = action(name);
    root.addEventListener(name, (event) => log(event instanceof CustomEvent ? event.detail : event));
  }
  return story();
};
