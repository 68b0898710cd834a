import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configure } from '../../../../src/configure.ts';
import { addTranslations, messagesFor } from '../../../../src/model/locale-messages.ts';
import { defaultMessages } from '../../../../src/model/messages.ts';

describe('messagesFor', () => {
  addTranslations({ de: { retry: 'Erneut versuchen', menuGroups: { export: 'Exportieren' } }, 'pt-BR': { retry: 'Tentar de novo' } });

  it('picks the exact tag, whatever its case', () => {
    assert.equal(messagesFor('pt-BR').retry, 'Tentar de novo');
    assert.equal(messagesFor('PT-br').retry, 'Tentar de novo');
  });

  it('falls back to the language of a longer tag (de-CH → de, de-Latn-CH → de)', () => {
    assert.equal(messagesFor('de-CH').retry, 'Erneut versuchen');
    assert.equal(messagesFor('de-Latn-CH').retry, 'Erneut versuchen');
  });

  it('falls back to English for a language without words, and for no locale', () => {
    assert.equal(messagesFor('fr').retry, 'Try again');
    assert.equal(messagesFor('pt').retry, 'Try again');
    assert.equal(messagesFor(undefined).retry, 'Try again');
    assert.equal(messagesFor('').loading, defaultMessages.loading);
  });

  it('keeps the English of sentences a translation leaves out, one level down too', () => {
    const de = messagesFor('de');
    assert.equal(de.loading, defaultMessages.loading);
    assert.equal(de.menuGroups.export, 'Exportieren');
    assert.equal(de.menuGroups.chart, 'Chart');
  });

  it('is the same object until the words change, and a new one after', () => {
    const before = messagesFor('de');
    assert.equal(messagesFor('de-AT'), before);
    addTranslations({ de: { retry: 'Nochmal' } });
    assert.notEqual(messagesFor('de'), before);
    assert.equal(messagesFor('de').retry, 'Nochmal');
  });

  it("keeps configure({ messages }) the default words: English cards and untranslated sentences say them", () => {
    const english = messagesFor(undefined);
    const original = defaultMessages.retry;
    try {
      configure({ messages: { retry: 'Reload', empty: 'Nothing here.' }, translations: { de: { retry: 'Neu laden' } } });
      assert.equal(defaultMessages.retry, 'Reload');
      assert.equal(messagesFor('en-GB').retry, 'Reload');
      assert.notEqual(messagesFor(undefined), english);
      assert.equal(messagesFor('de').retry, 'Neu laden');
      assert.equal(messagesFor('de').empty, 'Nothing here.');
    } finally {
      configure({ messages: { retry: original, empty: 'No data to display yet.' } });
    }
  });
});
