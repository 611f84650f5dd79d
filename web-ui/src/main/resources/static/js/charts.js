// Draws a chart above each table marked data-chart, from the table's own numbers (data-value), so the chart and its
// data table never disagree. The table stays: it is the chart's text alternative and what a screen reader reads.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#1d6b3a', '#1f4f8f', '#7a4b00', '#5b2c83', '#b3261e'];
  var lang = document.documentElement.lang === 'en' ? 'en' : 'sr-Latn-RS';
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var series = table.getAttribute('data-series').split(',').map(Number);
    var headers = table.querySelectorAll('thead th');
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var datasets = series.map(function (column, i) {
      return {
        label: headers[column].textContent.trim(),
        data: rows.map(function (r) {
          var v = r.cells[column].getAttribute('data-value');
          return v === null || v === '' ? null : Number(v);
        }),
        backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length],
        fill: false
      };
    });
    var figure = document.createElement('figure');
    figure.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    var caption = table.querySelector('caption');
    canvas.setAttribute('aria-label', (caption ? caption.textContent.trim() + '. ' : '') +
        (document.documentElement.lang === 'en' ? 'The figures are in the table below.' : 'Podaci su u tabeli ispod.'));
    figure.appendChild(canvas);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(figure, wrap);
    var stacked = table.hasAttribute('data-stacked');
    new Chart(canvas, {
      type: table.getAttribute('data-chart'),
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: lang,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
        plugins: { legend: { labels: { color: '#1b1f1d' } } }
      }
    });
  });
});
