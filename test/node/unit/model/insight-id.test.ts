/**
 * `insight-id` as people fill it in: a bare view id, or the address of the insight copied from Sourcegraph.
 * (Edit and "all insights" pages, `/insights/<id>/edit` and `/insights/all`, are left to issue 15.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insightIdFrom } from '../../../../src/model/insight-id.ts';

// What a saved view id looks like: base64 of `insight_view:"27vQ..."`, with `=` padding.
const ID = 'aW5zaWdodF92aWV3OiIyN3ZRa0JVUDhoRFU0VjlUZUFacU00Rz0i';

describe('insightIdFrom', () => {
  describe('plain ids', () => {
    it('keeps an id as it is', () => {
      assert.equal(insightIdFrom(ID), ID);
      assert.equal(insightIdFrom('aW5z=='), 'aW5z==');
    });

    it('trims the spaces and newlines a paste brings along', () => {
      assert.equal(insightIdFrom(`  ${ID}\n`), ID);
      assert.equal(insightIdFrom(`\t${ID} `), ID);
    });

    it('does not decode or rewrite an id that is not a URL', () => {
      // Only URLs are percent-decoded: an id that happens to hold `%3D` is someone's literal id.
      assert.equal(insightIdFrom('abc%3D'), 'abc%3D');
    });
  });

  describe('empty', () => {
    it('is undefined for no value, an empty value or only whitespace', () => {
      assert.equal(insightIdFrom(undefined), undefined);
      assert.equal(insightIdFrom(''), undefined);
      assert.equal(insightIdFrom('   \n\t'), undefined);
    });
  });

  describe('pasted Sourcegraph URLs', () => {
    it('takes the id from https://host/insights/<id>', () => {
      assert.equal(insightIdFrom(`https://sourcegraph.example.com/insights/${ID}`), ID);
    });

    it('takes the id from https://host/insights/insight/<id>', () => {
      assert.equal(insightIdFrom(`https://sourcegraph.example.com/insights/insight/${ID}`), ID);
    });

    it('accepts http, an upper-case scheme, a port and an instance under a path', () => {
      assert.equal(insightIdFrom(`http://localhost:3080/insights/insight/${ID}`), ID);
      assert.equal(insightIdFrom(`HTTPS://sourcegraph.example.com/insights/${ID}`), ID);
      assert.equal(insightIdFrom(`https://example.com/sourcegraph/insights/insight/${ID}`), ID);
    });

    it('trims around a pasted URL', () => {
      assert.equal(insightIdFrom(`  https://sourcegraph.example.com/insights/insight/${ID}\n`), ID);
    });

    it('ignores a trailing slash, the query string and the fragment', () => {
      assert.equal(insightIdFrom(`https://sourcegraph.example.com/insights/insight/${ID}/`), ID);
      assert.equal(insightIdFrom(`https://sourcegraph.example.com/insights/insight/${ID}?filters=open#chart`), ID);
    });

    it('percent-decodes the id (padding `=` arrives as %3D from a copied address)', () => {
      assert.equal(insightIdFrom('https://sourcegraph.example.com/insights/insight/aW5z%3D%3D'), 'aW5z==');
      assert.equal(insightIdFrom('https://sourcegraph.example.com/insights/a%2Fb'), 'a/b');
    });

    it('gives the same id for the URL and for the id itself', () => {
      assert.equal(insightIdFrom(`https://sourcegraph.example.com/insights/insight/${ID}`), insightIdFrom(ID));
    });
  });

  describe('URLs with no id', () => {
    it('is undefined for an address without a path', () => {
      assert.equal(insightIdFrom('https://sourcegraph.example.com'), undefined);
      assert.equal(insightIdFrom('https://sourcegraph.example.com/'), undefined);
      assert.equal(insightIdFrom('https://sourcegraph.example.com///?q=1'), undefined);
    });

    it('is undefined for an address that does not parse', () => {
      assert.equal(insightIdFrom('https://'), undefined);
      assert.equal(insightIdFrom('http://[::1/insights/abc'), undefined);
      assert.equal(insightIdFrom('https://exa mple.com/insights/abc'), undefined);
    });

    it('is undefined, not an exception, for a broken percent-encoding', () => {
      assert.doesNotThrow(() => insightIdFrom('https://sourcegraph.example.com/insights/%E0%A4%A'));
      assert.equal(insightIdFrom('https://sourcegraph.example.com/insights/%E0%A4%A'), undefined);
    });
  });
});
