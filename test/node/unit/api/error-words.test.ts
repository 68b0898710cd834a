import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsightsError, decodeError, httpError } from '../../../../src/api/errors.ts';
import { defaultMessages, type Messages } from '../../../../src/model/messages.ts';

const german = { ...defaultMessages, unauthorized: 'Token abgelehnt.', serverError: (s: number) => `Serverfehler (HTTP ${s}).`, malformed: 'Unverständlich.' } as Messages;

describe('InsightsError#say', () => {
  it('says the library\'s own sentences in the words given, and keeps `message` in the default words', () => {
    assert.equal(httpError(401).say(german), 'Token abgelehnt.');
    assert.equal(httpError(401).message, defaultMessages.unauthorized);
    assert.equal(httpError(503).say(german), 'Serverfehler (HTTP 503).');
    assert.equal(decodeError('a.b', 'a number').say(german), 'Unverständlich.');
  });

  it('says a sentence given as text (the server\'s or a page\'s) as it is', () => {
    assert.equal(new InsightsError('config', 'As written.').say(german), 'As written.');
  });
});
