/**
 * Sends the events named in `parameters.actions.handles` to the Actions panel as they bubble out of the story.
 * Storybook's own `withActions` logs the Event object, whose `detail` (a getter) never makes it to the panel;
 * this logs the detail, which is what a page listening for the event would read.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { useEffect } from 'storybook/preview-api';

export const withEventActions: Decorator = (story, context) => {
  const handles = ((context.parameters.actions as { handles?: string[] } | undefined)?.handles ?? []).join(' ');
  const root = context.canvasElement;
  useEffect(() => {
    const listeners = handles
      .split(' ')
      .filter(Boolean)
      .map((name) => {
        const log = action(name);
        const listener = (event: Event) => log(event instanceof CustomEvent ? event.detail : event);
        root.addEventListener(name, listener);
        return () => root.removeEventListener(name, listener);
      });
    return () => listeners.forEach((remove) => remove());
  }, [root, handles]);
  return story();
};
