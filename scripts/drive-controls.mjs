#!/usr/bin/env node
// Drives every control of one story per element of custom-elements.json in the static Storybook
// (storybook-static/, from `npm run build-storybook`), through the manager as the Controls panel does: the
// manager's channel sends the preview `updateStoryArgs` with a new value, and the element's attribute (or, for a
// property without one, the property) must come to hold it; then `resetStoryArgs`, and it must be back as it was.
// It also fails when an attribute or writable property of the manifest has no row, when a property shows up twice
// (camelCase and kebab-case), when an attribute's row offers "Set object", or when an element's events do not
// reach the Actions panel.
//
//   npm run build-storybook && npm run test:controls
//   CHROME_PATH=/path/to/chrome node scripts/drive-controls.mjs [storybook-static]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, serveStorybook, storyURL } from './storybook-pages.mjs';

const ROOT = resolve(process.argv[2] ?? 'storybook-static');
const manifest = JSON.parse(readFileSync(resolve('custom-elements.json'), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const LOAD_TIMEOUT = 20_000;
// How long an element may take to show an arg the preview was sent: a control that does nothing never does.
const APPLY_TIMEOUT = 3_000;

const { origin, close } = await serveStorybook(ROOT);
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const storyIds = Object.values(index.entries).filter((e) => e.type === 'story').map((e) => e.id);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
const started = Date.now();
const failures = [];
let checked = 0;

/** Waits until the preview (a page or a frame) has rendered its story. */
const rendered = (preview) =>
  preview.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished', null, { timeout: LOAD_TIMEOUT });

/** For each tag, the first story whose `component` it is and whose controls are on. */
async function storiesByComponent() {
  const page = await context.newPage();
  await page.goto(storyURL(origin, storyIds[0]), { waitUntil: 'load' });
  await rendered(page);
  const found = await page.evaluate(async (ids) => {
    const store = window.__STORYBOOK_PREVIEW__.storyStoreValue;
    const byTag = {};
    for (const storyId of ids) {
      const story = await store.loadStory({ storyId });
      if (story.component && !byTag[story.component] && !story.parameters.controls?.disable) byTag[story.component] = storyId;
    }
    return byTag;
  }, storyIds);
  await page.close();
  return found;
}

/** A value different from `current` that the control could produce. */
function nextValue(name, argType, current) {
  const control = argType.control?.type;
  if (control === 'boolean') return !current;
  if (control === 'number') return typeof current === 'number' ? current + 3 : 7;
  if (control === 'select' || control === 'inline-radio' || control === 'radio') return argType.options.find((o) => o !== current);
  if (control === 'object') return argType.table?.type?.summary?.includes('[]') ? [] : { ...(current ?? {}), probe: name };
  return `probe-${name}`;
}

/** The element's side of an arg: its attribute (null when absent) or its property. */
function readArg([tagName, arg]) {
  const element = document.querySelector('#storybook-root')?.querySelector(tagName);
  if (!element) return { missing: true };
  if (arg.attribute) return { value: element.getAttribute(arg.attribute) };
  return { value: JSON.stringify(element[arg.property]) ?? null };
}

/** What `readArg` should see once the arg is `value`. */
function expected(arg, value) {
  if (arg.attribute) return value === undefined || value === false || value === '' ? null : value === true ? '' : String(value);
  return JSON.stringify(value) ?? null;
}

const camel = (kebab) => kebab.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());

/** Sends the preview a channel event from the manager, as the Controls panel does. */
const send = (page, type, payload) => page.evaluate(([type, payload]) => window.__STORYBOOK_ADDONS_CHANNEL__.emit(type, payload), [type, payload]);

/** Resolves to true once the element shows `value` for `arg`, false if it does not within APPLY_TIMEOUT. */
const shows = (frame, tag, arg, value) =>
  frame
    .waitForFunction(
      ([tag, arg, value]) => {
        const seen = window.readArg([tag, arg]);
        return !seen.missing && seen.value === value;
      },
      [tag, arg, value],
      { timeout: APPLY_TIMEOUT, polling: 20 },
    )
    .then(
      () => true,
      () => false,
    );

async function drive(declaration, storyId) {
  const tag = declaration.tagName;
  const fail = (message) => failures.push(`${tag} (${storyId}): ${message}`);
  const page = await context.newPage();
  await page.goto(`${origin}/?path=/story/${encodeURIComponent(storyId)}`, { waitUntil: 'load' });
  const frame = await (await page.waitForSelector('#storybook-preview-iframe', { timeout: LOAD_TIMEOUT })).contentFrame();
  frame.page().on('pageerror', (error) => console.log(`    (page error: ${error.message})`));
  await rendered(frame);
  await frame.evaluate(`window.readArg = ${readArg}`);
  const story = await frame.evaluate(() => {
    const { story } = window.__STORYBOOK_PREVIEW__.currentRender;
    return { argTypes: story.argTypes, initialArgs: story.initialArgs, handles: story.parameters.actions?.handles ?? [] };
  });

  // The events the story's cards fired as they loaded (insight-load at least) are in the Actions panel.
  const eventNames = [...new Set(declarations.flatMap((d) => (d.events ?? []).map((e) => e.name)))];
  await page.getByRole('tab', { name: /^Actions/ }).click();
  const logged = await page
    .waitForFunction(
      (names) => {
        const text = document.querySelector('#storybook-panel-root')?.textContent ?? '';
        const found = names.filter((name) => text.includes(`${name}:`));
        return found.length ? found : false;
      },
      eventNames,
      { timeout: APPLY_TIMEOUT },
    )
    .then(
      (handle) => handle.jsonValue(),
      () => [],
    );
  if (!logged.length) fail(`no event (${eventNames.join(', ')}) reached the Actions panel`);

  // The args table: one row per attribute, named by it; one per writable property without one; no duplicates.
  const attributes = (declaration.attributes ?? []).map((a) => a.name);
  const attributeFields = new Set((declaration.attributes ?? []).map((a) => a.fieldName ?? camel(a.name)));
  const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
  const propertyOnly = fields.filter((f) => !attributeFields.has(f.name) && !f.readonly).map((f) => f.name);
  const args = [...attributes.map((name) => ({ name, attribute: name })), ...propertyOnly.map((name) => ({ name, property: name }))];
  for (const name of attributes) {
    if (!story.argTypes[name]) fail(`attribute ${name} has no row`);
    else if (story.argTypes[name].control?.type === 'object') fail(`attribute ${name} has an object control`);
  }
  for (const field of attributeFields) if (story.argTypes[field] && !attributes.includes(field)) fail(`property ${field} is listed besides its attribute`);
  for (const name of Object.keys(story.argTypes)) if (/^on[A-Z]/.test(name)) fail(`event handler ${name} is an arg`);
  for (const event of declaration.events ?? []) if (!story.handles.includes(event.name)) fail(`event ${event.name} does not reach the Actions panel`);

  // The Controls panel as drawn: "Set object" only on rows of object properties.
  await page.getByRole('tab', { name: /^Controls/ }).click();
  await page.waitForSelector('#storybook-panel-root tbody tr', { timeout: LOAD_TIMEOUT }).catch(() => fail('the Controls panel shows no rows'));
  const objectRows = await page.evaluate(() =>
    [...document.querySelectorAll('#storybook-panel-root tbody tr')]
      .filter((row) => [...row.querySelectorAll('button')].some((b) => /set object/i.test(b.textContent)))
      .map((row) => row.querySelector('td')?.textContent?.trim().split(/\s/)[0] ?? ''),
  );
  for (const name of objectRows) if (!propertyOnly.includes(name)) fail(`row ${name} offers "Set object"`);

  // Every control at once (one round trip through the manager, not one per control), each checked on its own.
  const driven = [];
  for (const arg of args) {
    const argType = story.argTypes[arg.name];
    if (!argType) {
      if (arg.property) fail(`property ${arg.name} has no row`);
    } else if (argType.control) {
      // (a property no JSON value can be, such as a client, is documented without a control)
      driven.push({ arg, value: nextValue(arg.name, argType, story.initialArgs[arg.name]), initial: expected(arg, story.initialArgs[arg.name]) });
    }
  }
  const before = Object.fromEntries(await Promise.all(driven.map(async ({ arg }) => [arg.name, (await frame.evaluate(readArg, [tag, arg])).value])));
  await send(page, 'updateStoryArgs', { storyId, updatedArgs: Object.fromEntries(driven.map(({ arg, value }) => [arg.name, value])) });
  for (const { arg, value } of driven) {
    checked++;
    if (!(await shows(frame, tag, arg, expected(arg, value)))) {
      const after = await frame.evaluate(readArg, [tag, arg]);
      fail(`control ${arg.name} = ${JSON.stringify(value)}: the element has ${JSON.stringify(after.value)} (before: ${JSON.stringify(before[arg.name])})`);
    }
  }
  // Reset: the story's own value again, or no attribute where the story sets none.
  await send(page, 'resetStoryArgs', { storyId, argNames: driven.map(({ arg }) => arg.name) });
  for (const { arg, initial } of driven) {
    if (!(await shows(frame, tag, arg, initial))) {
      const reset = await frame.evaluate(readArg, [tag, arg]);
      fail(`resetting ${arg.name} leaves ${JSON.stringify(reset.value)} (the story's value: ${JSON.stringify(initial)})`);
    }
  }
  await page.close();
  console.log(`${tag}: ${storyId}, ${args.length} args`);
}

try {
  const stories = await storiesByComponent();
  for (const declaration of declarations) {
    const storyId = stories[declaration.tagName];
    if (!storyId) failures.push(`${declaration.tagName}: no story has it as its component (with controls on)`);
    else await drive(declaration, storyId);
  }
} finally {
  await browser.close();
  close();
}

for (const failure of failures) console.log(`✗ ${failure}`);
console.log(`${checked} controls driven on ${declarations.length} elements in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failures.length} failures`);
process.exit(failures.length || !checked ? 1 : 0);
