// One chart of the evaluation dashboard, drawn from the figures in data-tw-chart (the same figures as the table beside
// it, which stays the way to read them). A withheld figure is null: a gap in the chart, never a zero.
import Chart from 'chart.js/auto';

// GOV.UK colours, distinct enough side by side; the legend and the table name every series.
const colours = ['#1d70b8', '#00703c', '#d4351c', '#6f72af', '#f47738', '#28a197', '#912b88', '#505a5f', '#85994b', '#b58840'];

export default function start(element) {
  const chart = JSON.parse(element.dataset.twChart || 'null');
  const canvas = element.querySelector('canvas');
  if (!chart || !canvas) {
    return null;
  }

  const many = chart.series.length > 1;
  return new Chart(canvas, {
    type: chart.type,
    data: {
      labels: chart.labels,
      datasets: chart.series.map((series, i) => ({
        label: series.label,
        data: series.values,
        backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length],
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: many },
        title: { display: false },
      },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}
