/**
 * Every sentence the elements show a person, in one place, so that rewording or translating them is one
 * change. Values are plain text: they are always rendered as text, never as HTML.
 */
export const defaultMessages = {
  loading: 'Loading insight…',
  processing: 'This insight is still being processed. Data will appear as it is computed.',
  processingProgress: (percent: number) => `Processing: ${percent}% done`,
  empty: 'No data to display yet.',
  retry: 'Try again',
  searchTimedOut: 'The search timed out.',
  pointIncomplete: 'The point may be incomplete.',
  legend: 'Legend',
  incompletePoints: 'Some points may be undercounted: the search did not complete for them.',
  hiddenSeries: (count: number) => `${count} more series hidden`,
  tooltipMore: (count: number) => `… and ${count} more`,
  noInstance: 'No Sourcegraph instance is set: give this element an `instance` attribute or call configure({ instance }).',
  invalidInstance: (value: string) => `"${value}" is not an http(s) URL of a Sourcegraph instance.`,
  noInsight: 'Nothing to show: set `insight-id`, or give the element data.',
  notFound: 'The insight was not found, or your account cannot see it.',
  dashboardNotFound: 'The dashboard was not found, or your account cannot see it.',
  network: 'The Sourcegraph instance could not be reached. Check the instance URL, your connection, and that the instance allows requests from this page (CORS).',
  timeout: 'The Sourcegraph instance took too long to answer.',
  unauthorized: 'The instance rejected the access token. Check that the token is correct and has not expired or been revoked.',
  forbidden: 'The instance refused the request (HTTP 403). The token may lack the needed scope, or the query was too costly.',
  rateLimited: (seconds?: number) =>
    `The instance is rate-limiting requests.${seconds ? ` It asks to wait ${seconds} seconds.` : ''}`,
  serverError: (status: number) => `The Sourcegraph instance had an error (HTTP ${status}).`,
  httpError: (status: number) => `The Sourcegraph instance answered with HTTP ${status}.`,
  redirected: 'The instance answered with a redirect; set `instance` to the final URL of the Sourcegraph instance.',
  graphql: (message: string) => `The instance reported an error: ${message}`,
  malformed: 'The instance sent a response this element does not understand.',
  invalidData: (detail: string) => `The insight data is not valid: ${detail}`,
};

export type Messages = typeof defaultMessages;
