import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { graphqlRequests, instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/** Every way an instance fails, with retries on: a clear error state, a retry, and never an unhandled rejection. */
describe('faults', () => {
  const failures: string[] = [];
  const onError = (event: ErrorEvent) => failures.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => failures.push(`unhandled rejection: ${String(event.reason)}`);
  beforeEach(async () => {
    configure({ retries: 2, retryDelay: 5, timeout: 400 });
    await resetEndpoint();
    failures.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    fixtureCleanup();
  });

  const scenarios = ['status/401', 'status/403', 'status/429', 'status/500', 'status/502', 'status/503', 'status/504', 'body/not-json', 'body/array', 'body/wrong-shape', 'body/graphql-error', 'body/partial', 'redirect', 'hang'];
  it(`${scenarios.length} fault scenarios end in an error state with no unhandled rejection`, async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = scenarios.map((s) => `<code-insight loading="eager" instance="${instance(s)}" insight-id="${FIXTURE_IDS.todos}"></code-insight>`).join('');
    const cards = [...host.querySelectorAll('code-insight')] as CodeInsightElement[];
    await waitUntil(() => cards.every((c) => c.state === 'error'), 'not every card reached its error state', { timeout: 6000 });
    for (const card of cards) expect(shadow(card).querySelector('[part="error"]')!.textContent!.trim().length).to.be.greaterThan(20);
    await new Promise((r) => setTimeout(r, 100));
    expect(failures).to.deep.equal([]);
  });

  it('retries 5xx and 429 by itself (Retry-After honoured), but never 401 or a malformed answer', async () => {
    const retried = await fixture<CodeInsightElement>(html`<code-insight loading="eager" instance=${instance('status/503')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
    await untilState(retried, 'error');
    expect(await graphqlRequests(FIXTURE_IDS.todos)).to.have.length(3);
    await resetEndpoint();
    const refused = await fixture<CodeInsightElement>(html`<code-insight loading="eager" instance=${instance('status/401')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
    await untilState(refused, 'error');
    const malformed = await fixture<CodeInsightElement>(html`<code-insight loading="eager" instance=${instance('body/not-json')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
    await untilState(malformed, 'error');
    expect(await graphqlRequests(FIXTURE_IDS.todos)).to.have.length(2);
    expect(failures).to.deep.equal([]);
  });
});
