// Runs in the benchmark page (bench/render.ts): renders the same data with <code-insight> (the single-file
// build, through the `data` property) and with Chart.js (its UMD build, animations off, no parsing, points
// hidden: its fastest settings), and times each from data to a painted frame.

/** Deterministic data: `series` × `points`, weekly from 2016, gently varying values. */
function lineData(series, points) {
  return Array.from({ length: series }, (_, s) => ({
    id: `s${s}`,
    label: `Series ${s + 1}`,
    points: Array.from({ length: points }, (_, i) => ({
      time: Date.UTC(2016, 0, 4) + i * 7 * 864e5,
      value: Math.round(200 + 80 * Math.sin(i / 17 + s) + 30 * Math.cos(i / 5 + 2 * s) + s * 15),
    })),
  }));
}

function categories(count) {
  return Array.from({ length: count }, (_, i) => ({ label: `Category ${i + 1}`, value: Math.round(1000 / (i + 1)) + 7 }));
}

/** Resolves after the next frame has been produced: a rAF, then a task (the frame's paint is done by then). */
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

const stage = document.getElementById('stage');

/** Data for our element, in the documented InsightData format. */
function ourData(kind, series, points) {
  if (kind === 'pie' || kind === 'bar') return { kind, title: 'Bench', items: categories(points) };
  return {
    kind: 'line',
    title: 'Bench',
    series: lineData(series, points).map((s) => ({ ...s, points: s.points.map((p) => ({ date: new Date(p.time).toISOString(), value: p.value })) })),
  };
}

async function renderOurs(kind, series, points) {
  const data = ourData(kind, series, points);
  const start = performance.now();
  const card = document.createElement('code-insight');
  if (kind === 'stacked') card.setAttribute('stacked', '');
  card.data = data;
  stage.append(card);
  const mark = `[data-mark="${kind === 'pie' ? 'slice' : kind === 'bar' ? 'bar' : 'line'}"]`;
  // The chart is drawn once the card has its data and its size: as soon as its marks are in the DOM (a
  // mutation observer sees them in the same task), wait for the frame that paints them.
  if (!card.shadowRoot.querySelector(mark)) {
    await new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (card.shadowRoot.querySelector(mark)) observer.disconnect(), resolve();
        else if (card.getAttribute('state') === 'error') reject(new Error(card.shadowRoot.textContent.trim()));
      });
      observer.observe(card.shadowRoot, { childList: true, subtree: true });
    });
  }
  await nextPaint();
  const elapsed = performance.now() - start;
  card.remove();
  return elapsed;
}

function chartJsConfig(kind, series, points) {
  const colors = ['#1c7ed6', '#37b24d', '#f76707', '#ae3ec9', '#0ca678', '#f59f00', '#e8590c', '#7048e8'];
  if (kind === 'pie' || kind === 'bar') {
    const items = categories(points);
    return {
      type: kind === 'pie' ? 'doughnut' : 'bar',
      data: { labels: items.map((c) => c.label), datasets: [{ data: items.map((c) => c.value), backgroundColor: colors }] },
      options: { animation: false, responsive: false, indexAxis: kind === 'bar' ? 'y' : 'x' },
    };
  }
  return {
    type: 'line',
    data: {
      datasets: lineData(series, points).map((s, i) => ({
        label: s.label,
        data: s.points.map((p) => ({ x: p.time, y: p.value })),
        borderColor: colors[i % colors.length],
        backgroundColor: colors[i % colors.length],
        fill: kind === 'stacked',
        pointRadius: 0,
        borderWidth: 2,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      parsing: false,
      normalized: true,
      scales: { x: { type: 'linear' }, y: { stacked: kind === 'stacked' } },
      plugins: { legend: { display: true } },
    },
  };
}

async function renderChartJs(kind, series, points) {
  const config = chartJsConfig(kind, series, points);
  const start = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 400;
  stage.append(canvas);
  const chart = new Chart(canvas, config);
  await nextPaint();
  const elapsed = performance.now() - start;
  chart.destroy();
  canvas.remove();
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Warm-up, then alternating runs of both (so drift on a shared machine hits both alike); medians in ms. */
window.compare = async (kind, series, points, runs) => {
  for (let i = 0; i < 3; i++) {
    await renderOurs(kind, series, points);
    await renderChartJs(kind, series, points);
  }
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await renderOurs(kind, series, points));
    theirs.push(await renderChartJs(kind, series, points));
  }
  return { ours: median(ours), chartJs: median(theirs) };
};
