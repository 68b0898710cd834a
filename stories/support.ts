/**
 * Shared pieces of the stories: a `<code-insight>` from its args, and the fixture ids.
 * Every request goes to the fixture resolvers running in the page (.storybook/fixture-fetch.ts).
 */
import type { TemplateResult } from 'lit';
import { element, type ElementArgs } from './element-template.ts';
import { FIXTURE_INSTANCE } from '../.storybook/fixture-fetch.ts';

export { FIXTURE_INSTANCE };
export { element, type ElementArgs };
export { DASHBOARD_IDS, FIXTURE_IDS, REPOS } from '../server/sources/fixtures/insights.ts';

/** The fixture instance with a scenario path: `status/500`, `body/not-json`, `hang`, `processing-forever`. */
export const scenario = (path: string): string => `${FIXTURE_INSTANCE}/${path}`;

/** `<code-insight>` with `args` as its attributes and properties (named as its controls are); `children` are its `<insight-series>`. */
export function codeInsight(args: ElementArgs, children: TemplateResult | string = ''): TemplateResult {
  return element('code-insight', args, children);
}

/** Story parameters: a description for the docs, and the surface the story sits on. */
export function about(story: string, surface?: { dark?: boolean; width?: number }): Record<string, unknown> {
  return { docs: { description: { story } }, ...(surface ? { surface } : {}) };
}
