// The monthly crime trend as a line chart: one line per category, the knife-related ones thicker and solid (and
// "knife-related" in their legend label), the others thin and dashed, so the difference never rests on colour. The
// same numbers are in the table below the chart.
import Chart from 'chart.js/auto';

const strong = ['#d4351c', '#912b88', '#0b0c0c', '#f47738'];
const weak = ['#1d70b8', '#00703c', '#505a5f', '#5694ca', '#4c2c92', '#28a197', '#b58840'];

export default function start(canvas) {
  const data = JSON.parse(canvas.dataset.twChart || '{}');
  let knife = 0;
  let other = 0;
  const datasets = (data.series ?? []).map(series => {
    const colour = series.knife ? strong[knife++ % strong.length] : weak[other++ % weak.length];
    return {
      label: series.label,
      data: series.counts,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: series.knife ? 4 : 1.5,
      borderDash: series.knife ? [] : [6, 4],
      pointRadius: series.knife ? 4 : 2,
      tension: 0,
    };
  });
  new Chart(canvas, {
    type: 'line',
    data: { labels: data.months ?? [], datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Crimes' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  canvas.dataset.twReady = 'true';
}
