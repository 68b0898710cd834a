/** `--upstream` with no URL after it reads $SRC_ENDPOINT, for the server and `report` alike (one rule, server/shared). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withUpstreamDefault } from '../../../server/shared/upstream-arg.ts';

test('a bare --upstream takes the endpoint; one with a URL keeps it', () => {
  const endpoint = 'https://sourcegraph.example.com';
  assert.deepEqual(withUpstreamDefault(['--upstream'], endpoint), ['--upstream', endpoint]);
  assert.deepEqual(withUpstreamDefault(['--upstream', '--port', '1'], endpoint), ['--upstream', endpoint, '--port', '1']);
  // A URL never starts with "-": `-h` after it is a flag, not the instance.
  assert.deepEqual(withUpstreamDefault(['--upstream', '-h'], endpoint), ['--upstream', endpoint, '-h']);
  assert.deepEqual(withUpstreamDefault(['--upstream', 'https://other.example'], endpoint), ['--upstream', 'https://other.example']);
  assert.deepEqual(withUpstreamDefault(['--upstream'], undefined), ['--upstream', '']);
});
