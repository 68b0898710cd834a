// A React app of the scratch project: the wrappers from `code-insights-elements/react`, with the token as a
// property (it can be nothing else) and an event as a prop.
import { createRoot } from 'react-dom/client';
import { CodeInsight, type InsightLoadEvent } from 'code-insights-elements/react';

const { instance = '', insightId = '', token = '' } = document.body.dataset;

function App() {
  const onLoad = (event: InsightLoadEvent) => {
    document.body.dataset.loaded = event.detail.title;
  };
  return <CodeInsight instance={instance} insightId={insightId} token={token} loading="eager" onInsightLoad={onLoad} />;
}

createRoot(document.getElementById('root')!).render(<App />);
