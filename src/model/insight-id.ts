import { SpecError } from './insight-spec.js';

/** Sourcegraph's virtual dashboard of every insight the viewer can see (`/insights/all`, `/insights/dashboards/all`). */
export const ALL_INSIGHTS = 'all';

/** What a pasted Sourcegraph URL points at. */
interface InsightsPage {
  insight?: string;
  dashboard?: string;
}

/**
 * The page a Sourcegraph insights URL names, by the routes of Sourcegraph's insights app (mounted at `/insights`):
 * `:id`, `:id/edit`, `insight/:id` and `edit/:id` (older links), `dashboards/:id`, `dashboards/:id/edit`, `all` and
 * `dashboards/all`. Undefined for a URL that is none of these.
 */
function insightsPage(url: URL): InsightsPage | undefined {
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // a broken percent-encoding names no page
  }
  const start = segments.lastIndexOf('insights');
  if (start < 0) return undefined;
  const [first, second, third] = segments.slice(start + 1);
  if (first === 'dashboards') {
    if (!second || (third && third !== 'edit')) return undefined;
    return { dashboard: second };
  }
  if (first === ALL_INSIGHTS && !second) return { dashboard: ALL_INSIGHTS };
  if ((first === 'insight' || first === 'edit') && second && !third) return { insight: second };
  if (first && (!second || second === 'edit') && !third) return { insight: first };
  return undefined;
}

/**
 * A pasted value as a URL when it is meant as one: with a scheme, or a host and path
 * (`sourcegraph.example.com/insights/…`); null when it is meant as one but does not parse.
 */
function pastedURL(value: string): URL | null | undefined {
  const withScheme = /^https?:\/\//i.test(value) ? value : /^[\w.-]+\.[a-z]{2,}(:\d+)?\/.*\binsights\b/i.test(value) ? `https://${value}` : undefined;
  if (!withScheme) return undefined;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

function pasted(value: string | undefined, attribute: string): { id?: string; page?: InsightsPage } {
  const trimmed = value?.trim();
  if (!trimmed) return {};
  const url = pastedURL(trimmed);
  if (url === undefined) return { id: trimmed };
  const page = url && insightsPage(url);
  if (!page) throw new SpecError(`The ${attribute} "${trimmed}" is not a Sourcegraph insight or dashboard URL (…/insights/<id> or …/insights/dashboards/<id>).`);
  return { page };
}

/**
 * The insight view id from an `insight-id` attribute, which may also be a pasted Sourcegraph URL in any of the
 * forms the insights app links to. A dashboard's URL is refused with a message saying where it belongs.
 */
export function insightIdFrom(value: string | undefined): string | undefined {
  const { id, page } = pasted(value, 'insight-id');
  if (page?.dashboard) throw new SpecError(`"${value!.trim()}" is a dashboard's URL: show it with <insights-dashboard dashboard-id="…">.`);
  return id ?? page?.insight;
}

/**
 * The insight view id where one is needed only to link or to name (the card's title link, the insight-view
 * event): none for an attribute that names no insight, whose message the card's request reports once.
 */
export function insightIdOrNone(value: string | undefined): string | undefined {
  try {
    return insightIdFrom(value);
  } catch {
    return undefined;
  }
}

/** The dashboard id from a `dashboard-id` attribute or a pasted dashboard URL; `all` for every insight. */
export function dashboardIdFrom(value: string | undefined): string | undefined {
  const { id, page } = pasted(value, 'dashboard-id');
  if (page?.insight) throw new SpecError(`"${value!.trim()}" is one insight's URL: show it with <code-insight insight-id="…">.`);
  return id ?? page?.dashboard;
}
