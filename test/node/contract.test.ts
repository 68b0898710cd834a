/**
 * Every operation the client can send must be valid GraphQL for Sourcegraph (the upstream schema files in
 * ../shared/sourcegraph, when present) and for the local server's schema, which must not drift from upstream.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregationOperation, allOperations, insightViewsOperation, previewOperation } from '../../src/api/queries.ts';
import { loadSchema } from '../../server/graphql/schema-file.ts';
import { upstreamSchema, upstreamSchemaAvailable, validateDocument } from '../support/upstream-schema.ts';

const upstream = upstreamSchemaAvailable();

describe('client operations', () => {
  for (const operation of allOperations()) {
    const views = (operation.document.match(/insightViews\(/g) ?? []).length;
    const shape = views ? `${operation.name} (${views} views)` : operation.name;
    test(`${shape} is valid against the local server's schema`, () => {
      assert.deepEqual(validateDocument(loadSchema(), operation.document), []);
    });

    test(`${shape} is valid against Sourcegraph's schema`, { skip: !upstream && 'no ../shared/sourcegraph' }, () => {
      assert.deepEqual(validateDocument(upstreamSchema(), operation.document), []);
    });

    test(`${shape} names itself as the operation the client sends`, () => {
      assert.match(operation.document, new RegExp(`^query ${operation.name}\\(`));
    });
  }

  test('the legacy operations are valid against the mid-2022 schema too', { skip: !upstream && 'no ../shared/sourcegraph' }, () => {
    const old = upstreamSchema(['schema.graphql', 'insights-2022.graphql']);
    const legacy = allOperations().filter((o) => o.name.endsWith('Legacy') || o.name === 'CodeInsightLanguages');
    assert.equal(legacy.length, 8); // insight views (3 shapes), dashboard, all insights, preview, aggregation, languages
    for (const operation of legacy) {
      assert.deepEqual(validateDocument(old, operation.document), [], operation.name);
    }
  });

  test('the current operations use fields the mid-2022 schema lacks (so the legacy ones are needed)', { skip: !upstream && 'no ../shared/sourcegraph' }, () => {
    const old = upstreamSchema(['schema.graphql', 'insights-2022.graphql']);
    const errors = validateDocument(old, insightViewsOperation([{ config: true }], 'current').document);
    assert.ok(errors.some((e) => /diffQuery|isLoadingData|repositoryDefinition/.test(e)), errors.join('\n'));
    assert.ok(validateDocument(old, previewOperation('current').document).some((e) => /diffQuery/.test(e)));
    assert.ok(validateDocument(old, aggregationOperation('current').document).some((e) => /extendedTimeout|reasonType/.test(e)));
  });

  test('an invalid document is caught (the check itself can fail)', { skip: !upstream && 'no ../shared/sourcegraph' }, () => {
    const errors = validateDocument(upstreamSchema(), 'query X { insightViews { nodes { notAField } } }');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /notAField/);
  });
});
