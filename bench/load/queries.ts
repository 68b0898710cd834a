/** The ordinary requests of the load test: what the elements send (src/api/queries.ts), for real pages' load. */
import { dashboardOperation, insightViewsOperation } from '../../src/api/queries.ts';
import { graphql, type Call } from './http-client.ts';

/** A small read any server answers: the list of saved insight views' ids. */
export const FIXTURE_LIKE_QUERY = 'query Views { insightViews(first: 5) { nodes { id } } }';

export function dashboardCall(id: string): Call {
  const { name, document } = dashboardOperation('current');
  return graphql(document, { id }, name);
}

/** The data of `ids`, batched as the elements batch a dashboard's cards. */
export function viewsCall(ids: string[]): Call {
  const { name, document } = insightViewsOperation(ids.map(() => ({ config: false })), 'current');
  const variables = Object.fromEntries(ids.flatMap((id, i) => [[`id${i}`, id], [`filters${i}`, null], [`seriesDisplayOptions${i}`, null]]));
  return graphql(document, variables, name);
}

/** The ids of a dashboard's views from its answer. */
export function dashboardViewIds(text: string): string[] {
  try {
    const body = JSON.parse(text) as { data?: { insightsDashboards?: { nodes?: { views?: { nodes?: { id: string }[] } }[] } } };
    return body.data?.insightsDashboards?.nodes?.[0]?.views?.nodes?.map((v) => v.id) ?? [];
  } catch {
    return [];
  }
}
