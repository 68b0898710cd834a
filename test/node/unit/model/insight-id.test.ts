/**
 * `insight-id` and `dashboard-id` as people fill them in: a bare id, or any address Sourcegraph's insights app
 * links to (its router's forms), with or without the scheme.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardIdFrom, insightIdFrom } from '../../../../src/model/insight-id.ts';
import { SpecError } from '../../../../src/model/insight-spec.ts';

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
    // A URL that names no insight page is refused with a message, not taken as an id or ignored (the card says so).
    const refused = (value: string) =>
      assert.throws(() => insightIdFrom(value), (e: unknown) => e instanceof SpecError && e.message.includes('insight-id') && e.message.includes('/insights/'));

    it('refuses an address without a path', () => {
      refused('https://sourcegraph.example.com');
      refused('https://sourcegraph.example.com/');
      refused('https://sourcegraph.example.com///?q=1');
    });

    it('refuses an address that does not parse', () => {
      refused('https://');
      refused('http://[::1/insights/abc');
      refused('https://exa mple.com/insights/abc');
    });

    it('refuses a broken percent-encoding with a message, not a URIError', () => {
      refused('https://sourcegraph.example.com/insights/%E0%A4%A');
    });
  });
});

describe('the routes of Sourcegraph\'s insights app', () => {
  const host = 'https://sourcegraph.example.com';

  it('takes the id before /edit, and after /insight/ and /edit/ (older links)', () => {
    assert.equal(insightIdFrom(`${host}/insights/${ID}/edit`), ID);
    assert.equal(insightIdFrom(`${host}/insights/insight/${ID}`), ID);
    assert.equal(insightIdFrom(`${host}/insights/edit/${ID}`), ID);
  });

  it('reads a URL pasted without its scheme', () => {
    assert.equal(insightIdFrom(`sourcegraph.example.com/insights/${ID}`), ID);
    assert.equal(dashboardIdFrom(`sourcegraph.example.com:3443/insights/dashboards/abc/edit`), 'abc');
    // A bare id is never taken for a host.
    assert.equal(insightIdFrom('abc.def'), 'abc.def');
  });

  it('gives dashboards their id, with or without /edit, and `all` for every insight', () => {
    assert.equal(dashboardIdFrom(`${host}/insights/dashboards/ZGFzaA==`), 'ZGFzaA==');
    assert.equal(dashboardIdFrom(`${host}/insights/dashboards/ZGFzaA==/edit`), 'ZGFzaA==');
    assert.equal(dashboardIdFrom(`${host}/insights/dashboards/all`), 'all');
    assert.equal(dashboardIdFrom(`${host}/insights/all`), 'all');
    assert.equal(dashboardIdFrom('all'), 'all');
    assert.equal(dashboardIdFrom(' ZGFzaA== '), 'ZGFzaA==');
  });

  it('refuses a dashboard for a card and an insight for a dashboard, saying where each belongs', () => {
    assert.throws(() => insightIdFrom(`${host}/insights/dashboards/abc`), /dashboard's URL.*insights-dashboard/);
    assert.throws(() => insightIdFrom(`${host}/insights/all`), /dashboard's URL/);
    assert.throws(() => dashboardIdFrom(`${host}/insights/${ID}/edit`), /one insight's URL.*code-insight/);
  });

  it('works under a path prefix (an instance behind a reverse proxy)', () => {
    assert.equal(insightIdFrom(`${host}/sourcegraph/insights/${ID}`), ID);
  });
});

