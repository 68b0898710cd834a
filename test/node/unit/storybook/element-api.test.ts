/**
 * The Storybook args derived from custom-elements.json (.storybook/element-api.ts): one per attribute or writable
 * property, named by the attribute, with the control its type calls for. A small manifest here, and the real one
 * for what every element must satisfy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { argTypesOf, argsOf, controlFor, eventNames, tagNames, type Manifest } from '../../../../.storybook/element-api.ts';

const manifest: Manifest = {
  modules: [
    {
      declarations: [
        {
          tagName: 'x-card',
          attributes: [
            { name: 'insight-id', fieldName: 'insightId', type: { text: 'string | undefined' }, description: 'The id.' },
            { name: 'theme', fieldName: 'theme', type: { text: "'auto' | 'light' | 'dark'" }, default: "'auto'" },
            { name: 'series-limit', fieldName: 'seriesLimit', type: { text: 'number | undefined' } },
            { name: 'stacked', fieldName: 'stacked', type: { text: 'boolean' } },
            { name: 'refresh', fieldName: 'refreshInterval', type: { text: 'number' } },
          ],
          members: [
            { kind: 'field', name: 'insightId', type: { text: 'string | undefined' }, attribute: 'insight-id' },
            { kind: 'field', name: 'theme', type: { text: "'auto' | 'light' | 'dark'" }, attribute: 'theme' },
            { kind: 'field', name: 'seriesLimit', type: { text: 'number | undefined' }, attribute: 'series-limit' },
            { kind: 'field', name: 'stacked', type: { text: 'boolean' }, attribute: 'stacked' },
            { kind: 'field', name: 'refreshInterval', type: { text: 'number' }, attribute: 'refresh' },
            { kind: 'field', name: 'data', type: { text: 'InsightData | undefined' }, description: 'Data to draw.' },
            { kind: 'field', name: 'token', type: { text: 'string | undefined' } },
            { kind: 'field', name: 'client', type: { text: 'InsightsClient | undefined' } },
            { kind: 'field', name: 'state', type: { text: 'InsightState' }, readonly: true },
            { kind: 'field', name: 'cache', privacy: 'private', type: { text: 'Map<string, string>' } },
            { kind: 'field', name: 'styles', static: true, type: { text: 'CSSResult' } },
            { kind: 'method', name: 'refresh' },
          ],
          events: [{ name: 'x-load' }, { name: 'x-error' }],
          slots: [{ name: '', description: 'Series.' }],
          cssParts: [{ name: 'chart' }],
        },
        {
          // A plain HTMLElement class: `@attr` tags without types, getters and setters as fields.
          tagName: 'x-series',
          attributes: [{ name: 'label' }, { name: 'capture-group' }, { name: 'goal' }],
          members: [
            { kind: 'field', name: 'label', type: { text: 'string' } },
            { kind: 'field', name: 'captureGroup', type: { text: 'boolean' } },
            { kind: 'field', name: 'goal', type: { text: 'number | null' } },
          ],
          events: [{ name: 'x-load' }],
        },
        { tagName: 'x-empty' },
      ],
    },
    { declarations: [{}] },
  ],
};

describe('controlFor', () => {
  it('gives strings a text field, numbers a number field, booleans a toggle', () => {
    assert.deepEqual(controlFor('string | undefined', true), { type: 'text' });
    assert.deepEqual(controlFor('number | undefined', true), { type: 'number' });
    assert.deepEqual(controlFor('number | string | undefined', true), { type: 'number' });
    assert.deepEqual(controlFor('boolean', true), { type: 'boolean' });
  });

  it('gives a union of string literals its options', () => {
    assert.deepEqual(controlFor("'lazy' | 'eager'", true), { type: 'enum', options: ['lazy', 'eager'] });
    assert.deepEqual(controlFor('"a" | "b" | undefined', false), { type: 'enum', options: ['a', 'b'] });
  });

  it('gives an attribute of any other type a text field: its value is a string', () => {
    assert.deepEqual(controlFor('GroupByMode | undefined', true), { type: 'text' });
    assert.deepEqual(controlFor('', true), { type: 'text' });
  });

  it('gives object properties the JSON editor, but none to what JSON cannot be', () => {
    assert.deepEqual(controlFor('InsightData | undefined', false), { type: 'object' });
    assert.deepEqual(controlFor('Annotation[] | undefined', false), { type: 'object' });
    assert.deepEqual(controlFor('InsightsClient | undefined', false), { type: 'none' });
    assert.deepEqual(controlFor('() => string', false), { type: 'none' });
    assert.deepEqual(controlFor('', false), { type: 'none' });
  });
});

describe('argsOf', () => {
  it('lists each attribute once, by its name, then the writable properties without one', () => {
    const args = argsOf(manifest, 'x-card');
    assert.deepEqual(
      args.map((a) => a.name),
      ['insight-id', 'theme', 'series-limit', 'stacked', 'refresh', 'data', 'token', 'client', 'state'],
    );
    assert.deepEqual(args.find((a) => a.name === 'refresh'), {
      name: 'refresh',
      attribute: 'refresh',
      property: 'refreshInterval',
      control: { type: 'number' },
      description: '',
      type: 'number',
      default: undefined,
      readonly: false,
    });
  });

  it('leaves methods, static and private members out, and lists read-only properties without a control', () => {
    const names = argsOf(manifest, 'x-card').map((a) => a.name);
    for (const name of ['refresh()', 'cache', 'styles', 'insightId', 'seriesLimit', 'refreshInterval']) assert.ok(!names.includes(name), name);
    assert.deepEqual(argsOf(manifest, 'x-card').find((a) => a.name === 'state')?.control, { type: 'none' });
  });

  it('takes an untyped attribute’s type from the property of the same name, camel-cased', () => {
    const args = argsOf(manifest, 'x-series');
    assert.deepEqual(
      args.map((a) => [a.name, a.property, a.control.type]),
      [
        ['label', 'label', 'text'],
        ['capture-group', 'captureGroup', 'boolean'],
        ['goal', 'goal', 'number'],
      ],
    );
  });

  it('is empty for an element without attributes or fields, and for an unknown tag', () => {
    assert.deepEqual(argsOf(manifest, 'x-empty'), []);
    assert.deepEqual(argsOf(manifest, 'x-nope'), []);
  });
});

describe('argTypesOf', () => {
  it('gives each arg its Storybook control, type and category, and documents slots and parts without one', () => {
    const argTypes = argTypesOf(manifest, 'x-card');
    assert.deepEqual(argTypes.theme, {
      name: 'theme',
      description: '',
      control: { type: 'inline-radio' },
      options: ['auto', 'light', 'dark'],
      type: { name: 'enum', value: ['auto', 'light', 'dark'] },
      table: { category: 'attributes', type: { summary: "'auto' | 'light' | 'dark'" }, defaultValue: { summary: "'auto'" } },
    });
    assert.deepEqual(argTypes['insight-id']?.control, { type: 'text' });
    assert.deepEqual(argTypes.data?.control, { type: 'object' });
    assert.equal(argTypes.data?.table?.category, 'properties');
    assert.equal(argTypes.client?.control, false);
    assert.match(argTypes.state?.description ?? '', /^Read-only\./);
    assert.deepEqual(argTypes['slot (default)'], { name: 'slot (default)', description: 'Series.', control: false, table: { category: 'slots' } });
    assert.equal(argTypes['::part(chart)']?.control, false);
  });

  it('has no rows for events: they go to the Actions panel', () => {
    const names = Object.keys(argTypesOf(manifest, 'x-card'));
    assert.ok(!names.some((n) => /^on[A-Z]|x-load|x-error/.test(n)), names.join(', '));
  });

  it('uses a select beyond four options', () => {
    const wide: Manifest = { modules: [{ declarations: [{ tagName: 'x-w', attributes: [{ name: 'k', type: { text: "'a' | 'b' | 'c' | 'd' | 'e'" } }] }] }] };
    assert.deepEqual(argTypesOf(wide, 'x-w').k?.control, { type: 'select' });
  });
});

describe('eventNames and tagNames', () => {
  it('lists every element’s events once, and every tag', () => {
    assert.deepEqual(eventNames(manifest), ['x-error', 'x-load']);
    assert.deepEqual(tagNames(manifest), ['x-card', 'x-series', 'x-empty']);
  });
});

describe('the real manifest', () => {
  const real = JSON.parse(readFileSync(new URL('../../../../custom-elements.json', import.meta.url), 'utf8')) as Manifest;

  it('gives every attribute of every element a row with a working control (never "Set object")', () => {
    for (const tag of tagNames(real)) {
      for (const arg of argsOf(real, tag)) {
        if (arg.attribute) assert.ok(['text', 'number', 'boolean', 'enum'].includes(arg.control.type), `${tag} ${arg.name}: ${arg.control.type}`);
      }
    }
  });

  it('names no arg twice', () => {
    for (const tag of tagNames(real)) {
      const names = argsOf(real, tag).map((a) => a.name);
      assert.equal(new Set(names).size, names.length, tag);
    }
  });
});
