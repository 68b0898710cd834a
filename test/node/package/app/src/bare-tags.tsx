// React 19 with the elements as bare tags, typed by `code-insights-elements/react/jsx` (no wrappers, no
// @lit/react). Rendered in Chromium by the pack test, and compiled by tsc, which must catch the wrong types below.
import type {} from 'code-insights-elements/react/jsx';
import 'code-insights-elements/code-insight.js';
import { createRoot } from 'react-dom/client';

const { instance = '', insightId = '', token = '' } = document.body.dataset;

function App() {
  return (
    <code-insight
      instance={instance}
      insight-id={insightId}
      // The token from script only: a server render would write a token prop into the page as an attribute.
      ref={(card) => {
        if (card) card.token = token;
      }}
      loading="eager"
      series-limit="10"
      yZero
      oninsight-load={(event) => (document.body.dataset.loaded = event.detail.title)}
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);

export const wrong = [
  // @ts-expect-error the token is no prop of the tag (set it through a ref)
  <code-insight token="sgp_…" />,
  // @ts-expect-error `refresh` is the card's method: the interval is refreshInterval
  <code-insight refresh={60} />,
  // @ts-expect-error series-limit is a number
  <code-insight series-limit="ten" />,
  // @ts-expect-error seriesLimit is the number property
  <code-insight seriesLimit="10" />,
  // @ts-expect-error theme is 'auto' | 'light' | 'dark'
  <insights-dashboard theme="sepia" />,
  // @ts-expect-error kind is one of the five kinds
  <code-insight kind="pie" />,
  // @ts-expect-error the event is an InsightLoadEvent, whose detail has no `name`
  <code-insight oninsight-load={(event) => event.detail.name} />,
];
