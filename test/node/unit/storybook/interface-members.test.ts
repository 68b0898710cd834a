/** The configure() docs page lists the options from src/configure.ts's own doc comments (stories/docs/interface-members.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { interfaceMembers } from '../../../../stories/docs/interface-members.ts';

describe('interfaceMembers', () => {
  it('reads each documented member with its type and its doc comment on one line', () => {
    const source = `
export interface Other { /** No. */ skipped: string; }
/** Options. */
export interface Options {
  /** The base URL. */
  instance?: string;
  /**
   * Called before each request;
   * may fetch a fresh token.
   */
  getToken?: () => string | Promise<string>;
  undocumented: number;
  /** Cookies. */
  credentials?: 'omit' | 'include';
}
`;
    assert.deepEqual(interfaceMembers(source, 'Options'), [
      { name: 'instance', type: 'string', description: 'The base URL.' },
      { name: 'getToken', type: '() => string | Promise<string>', description: 'Called before each request; may fetch a fresh token.' },
      { name: 'credentials', type: "'omit' | 'include'", description: 'Cookies.' },
    ]);
  });

  it('is empty for an interface that is not there', () => {
    assert.deepEqual(interfaceMembers('export interface A { /** x */ a: string; }', 'B'), []);
  });

  it('finds every option of configure() in src/configure.ts', () => {
    const source = readFileSync(new URL('../../../../src/configure.ts', import.meta.url), 'utf8');
    const names = interfaceMembers(source, 'CodeInsightsOptions').map((m) => m.name);
    for (const name of ['instance', 'token', 'getToken', 'fetch', 'retries', 'messages']) assert.ok(names.includes(name), name);
  });
});
