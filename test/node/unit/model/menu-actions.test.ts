/** The `actions` attribute: which menu entries a page lets a card show. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MENU_ACTIONS, menuActions } from '../../../../src/model/menu-actions.ts';

describe('menuActions', () => {
  it('allows every entry when the attribute is absent', () => {
    assert.deepEqual(menuActions(undefined), { unknown: [] });
    assert.deepEqual(menuActions(null), { unknown: [] });
  });

  it('allows exactly the entries its space-separated tokens name, in any case and spacing', () => {
    const { allowed, unknown } = menuActions('  csv\tPNG \n open ');
    assert.deepEqual([...allowed!].sort(), ['csv', 'open', 'png']);
    assert.deepEqual(unknown, []);
  });

  it('takes commas as well as spaces between tokens, as the card\'s list attributes do', () => {
    assert.deepEqual([...menuActions('csv,png, svg').allowed!].sort(), ['csv', 'png', 'svg']);
    assert.deepEqual(menuActions('csv,png').unknown, []);
  });

  it('allows none for `none` or an empty value', () => {
    assert.equal(menuActions('none').allowed!.size, 0);
    assert.equal(menuActions('').allowed!.size, 0);
    assert.deepEqual(menuActions('none').unknown, []);
  });

  it('returns the tokens that name no entry apart, and keeps the rest', () => {
    const { allowed, unknown } = menuActions('csv downloads batchchange');
    assert.deepEqual([...allowed!], ['csv']);
    assert.deepEqual(unknown, ['downloads', 'batchchange']);
  });

  it('knows a token for each entry of the menu', () => {
    assert.deepEqual([...menuActions(MENU_ACTIONS.join(' ')).allowed!], [...MENU_ACTIONS]);
  });
});
