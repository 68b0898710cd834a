import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { SECURE_TOKEN, instance, requestLog, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/**
 * A token is a secret: it travels in the Authorization header to the instance and appears nowhere else: not in a
 * URL, an attribute, the DOM, a console message, an error, an event's detail or an export. The test token is the
 * canary the endpoint accepts; a wrong canary exercises the error path.
 */
const WRONG_CANARY = 'sgp_canary_WRONG_d1e2f3a4b5c6';

describe('token canary', () => {
  const logged: string[] = [];
  const console_ = { ...console };
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000 });
    await resetEndpoint();
    logged.length = 0;
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      console[level] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    }
  });
  afterEach(() => {
    Object.assign(console, console_);
    fixtureCleanup();
  });

  function everywhere(element: CodeInsightElement, extra: string[] = []): string {
    return [element.outerHTML, shadow(element).innerHTML, document.documentElement.outerHTML, location.href, ...logged, ...extra].join('\n');
  }

  it('travels only in the Authorization header, and never shows up anywhere else', async () => {
    const details: string[] = [];
    const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('secure')} insight-id=${FIXTURE_IDS.migration}></code-insight>`);
    element.addEventListener('insight-load', (e) => details.push(JSON.stringify(e.detail)));
    element.token = SECURE_TOKEN;
    await untilState(element, 'ready');
    const exports = [element.toCSV(), element.toSVG()];
    (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
    await element.updateComplete;
    const menuLinks = [...shadow(element).querySelectorAll('a')].map((a) => a.href);
    expect(everywhere(element, [...exports, ...details, ...menuLinks])).not.to.contain(SECURE_TOKEN);
    const requests = (await requestLog()).filter((r) => r.url.includes('/.api/'));
    expect(requests.length).to.be.greaterThan(0);
    for (const request of requests) {
      expect(request.url).not.to.contain(SECURE_TOKEN);
      expect(request.headers.authorization).to.equal(`token ${SECURE_TOKEN}`);
      expect(request.headers.referer).to.equal(undefined);
    }
  });

  it('does not leak a rejected token into the error, its event or the page', async () => {
    const errors: unknown[] = [];
    const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('secure')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
    element.addEventListener('insight-error', (e) => errors.push(e.detail));
    element.token = WRONG_CANARY;
    await untilState(element, 'error');
    await waitUntil(() => errors.length === 1);
    const error = errors[0] as Error & { details?: string[]; cause?: unknown };
    const said = [error.message, error.stack ?? '', JSON.stringify(error), ...(error.details ?? []), String(error.cause ?? '')];
    expect(everywhere(element, said)).not.to.contain(WRONG_CANARY);
    expect(shadow(element).textContent).to.contain('rejected the access token');
  });

  it('is never sent to another origin: a redirect is not followed', async () => {
    const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('redirect')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
    element.token = SECURE_TOKEN;
    await untilState(element, 'error');
    // The redirect points at 127.0.0.2: had it been followed, the request would have failed as a network error.
    expect(shadow(element).textContent).to.contain('redirect');
    expect(everywhere(element)).not.to.contain(SECURE_TOKEN);
  });
});
