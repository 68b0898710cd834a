/**
 * How a card shows an error's details and tone: the server's words as short plain text (an HTML error page reduced
 * to its text, never its markup), and informational for what no retry fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsightsError, errorDetails, errorTone, httpError, plainDetail } from '../../../../src/api/errors.ts';

describe('plainDetail', () => {
  it('reduces an HTML body to its text, dropping scripts, styles and comments', () => {
    assert.equal(plainDetail('<html><body>Error 500</body></html>'), 'Error 500');
    assert.equal(
      plainDetail('<!doctype html><html><head><style>p{color:red}</style><script>alert(1)</script><title>Bad gateway</title></head><!-- x --><body><h1>502</h1>\n<p>nginx</p></body></html>'),
      'Bad gateway 502 nginx',
    );
    assert.equal(plainDetail('<html><body></body></html>'), '');
  });

  it('keeps plain text with a "<" as it is, on one line', () => {
    assert.equal(plainDetail('cost 5<limit\n  exceeded'), 'cost 5<limit exceeded');
  });

  it('cuts long text with an ellipsis', () => {
    const cut = plainDetail('word '.repeat(100));
    assert.ok(cut.length <= 160);
    assert.ok(cut.endsWith('…'));
  });
});

describe('errorDetails', () => {
  it('never carries markup, and leaves out what is empty once reduced', () => {
    const error = new InsightsError('http', 'The Sourcegraph instance had an error (HTTP 500).', { status: 500, details: ['<html><body>Error 500</body></html>', '<p></p>'] });
    assert.deepEqual(errorDetails(error), ['Error 500']);
  });
});

describe('errorTone', () => {
  it('informational for configuration, unavailable and not found; an error for failures', () => {
    assert.equal(errorTone(new InsightsError('config', 'x')), 'info');
    assert.equal(errorTone(new InsightsError('unavailable', 'This grouping is not available.')), 'info');
    assert.equal(errorTone(new InsightsError('not-found', 'x')), 'info');
    assert.equal(errorTone(httpError(500)), 'error');
    assert.equal(errorTone(httpError(401)), 'error');
    assert.equal(errorTone(new InsightsError('network', 'x')), 'error');
    assert.equal(errorTone(new TypeError('x')), 'error');
  });
});
