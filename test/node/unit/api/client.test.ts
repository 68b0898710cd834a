/**
 * `normalizeInstance`: the `instance` attribute (or configure() option) as the base every request is built on:
 * one spelling per instance (so two cards share one client), http(s) only, never with credentials in it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeInstance } from '../../../../src/api/client.ts';
import { InsightsError } from '../../../../src/api/errors.ts';

function refusal(instance: string): InsightsError {
  try {
    normalizeInstance(instance);
  } catch (error) {
    assert.ok(error instanceof InsightsError, String(error));
    assert.equal(error.kind, 'config');
    return error;
  }
  assert.fail(`"${instance}" was accepted`);
}

describe('normalizeInstance', () => {
  describe('accepted', () => {
    it('keeps a plain origin as it is', () => {
      assert.equal(normalizeInstance('https://sourcegraph.example.com'), 'https://sourcegraph.example.com');
      assert.equal(normalizeInstance('http://localhost:3080'), 'http://localhost:3080');
    });

    it('drops trailing slashes, one or many', () => {
      assert.equal(normalizeInstance('https://sourcegraph.example.com/'), 'https://sourcegraph.example.com');
      assert.equal(normalizeInstance('https://sourcegraph.example.com///'), 'https://sourcegraph.example.com');
    });

    it('keeps the path of an instance served under one, without its trailing slash', () => {
      assert.equal(normalizeInstance('https://example.com/sourcegraph'), 'https://example.com/sourcegraph');
      assert.equal(normalizeInstance('https://example.com/tools/sourcegraph/'), 'https://example.com/tools/sourcegraph');
    });

    it('trims whitespace around the value', () => {
      assert.equal(normalizeInstance('  https://sourcegraph.example.com/ \n'), 'https://sourcegraph.example.com');
      assert.equal(normalizeInstance('\thttp://localhost:3080'), 'http://localhost:3080');
    });

    it('drops a query string and a fragment', () => {
      assert.equal(normalizeInstance('https://sourcegraph.example.com/?utm_source=wiki#top'), 'https://sourcegraph.example.com');
      assert.equal(normalizeInstance('https://example.com/sg/?x=1'), 'https://example.com/sg');
    });

    it('gives one spelling for the same instance: case of scheme and host, default ports', () => {
      const canonical = 'https://sourcegraph.example.com';
      for (const spelling of ['HTTPS://SourceGraph.Example.com', 'https://sourcegraph.example.com:443', 'https://sourcegraph.example.com:443/']) {
        assert.equal(normalizeInstance(spelling), canonical, spelling);
      }
      assert.equal(normalizeInstance('http://sourcegraph.example.com:80/'), 'http://sourcegraph.example.com');
    });

    it('keeps a port that is not the default', () => {
      assert.equal(normalizeInstance('https://sourcegraph.example.com:8443/'), 'https://sourcegraph.example.com:8443');
    });

    it('is idempotent', () => {
      for (const value of ['https://a.example.com/', 'https://a.example.com/sg//', ' HTTP://A.example.com:8080/x ']) {
        const once = normalizeInstance(value);
        assert.equal(normalizeInstance(once), once, value);
      }
    });
  });

  describe('refused', () => {
    it('refuses schemes other than http and https, quoting the value', () => {
      for (const value of ['ftp://sourcegraph.example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/plain,hi', 'ws://sourcegraph.example.com']) {
        assert.equal(refusal(value).message, `"${value}" is not an http(s) URL of a Sourcegraph instance.`);
      }
    });

    it('refuses values that are not URLs: a bare host name, an empty or blank value', () => {
      for (const value of ['sourcegraph.example.com', '/relative/path', '', '   ', 'https://']) {
        assert.ok(refusal(value).message.includes('is not an http(s) URL'), value);
      }
    });

    it('refuses credentials in the URL and does not repeat them in the message', () => {
      const error = refusal('https://alice:s3cr3t-token@sourcegraph.example.com/');
      assert.doesNotMatch(error.message, /s3cr3t-token/);
      assert.doesNotMatch(error.message, /alice/);
      assert.match(error.message, /sourcegraph\.example\.com/);
      assert.doesNotMatch(refusal('https://only-user@sourcegraph.example.com').message, /only-user/);
    });
  });
});
