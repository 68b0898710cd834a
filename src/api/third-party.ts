import { InsightDataError, insightDataFromCSV, parseInsightJSON } from '../model/insight-data-parse.js';
import type { InsightData } from '../model/insight-data.js';
import { InsightsError } from './errors.js';

/** Largest third-party file read: data for a chart, not a data lake. */
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Third-party data from `src`: JSON in the InsightData format, or CSV with a `date` column. Never sends the token. */
export async function fetchThirdParty(src: string, signal: AbortSignal): Promise<InsightData> {
  const url = new URL(src, globalThis.document?.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InsightsError('config', (m) => m.invalidSrc(src));
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new InsightsError('network', (m) => m.srcUnreachable(url.href), { cause: error });
  }
  if (!response.ok) throw new InsightsError('http', (m) => m.srcFailed(url.href, response.status), { status: response.status });
  const text = await response.text();
  if (text.length > MAX_SOURCE_BYTES) throw new InsightsError('decode', (m) => m.invalidData(m.srcTooLarge));
  const type = response.headers.get('content-type') ?? '';
  const csv = /csv/i.test(type) || /\.csv$/i.test(url.pathname) || !/^\s*[[{]/.test(text);
  const title = decodeURIComponent(url.pathname.split('/').pop() ?? '').replace(/\.(csv|json)$/i, '');
  return parsed(() => (csv ? insightDataFromCSV(text, title) : parseInsightJSON(text)));
}

/** Parsing errors of third-party data become a decode error a person can act on (line, column or path). */
export function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InsightDataError) throw new InsightsError('decode', (m) => m.invalidData(error.message), { cause: error });
    throw error;
  }
}

