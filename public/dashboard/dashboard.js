// Draws the dashboard's charts from the report embedded in the page (no request, no inline script).
/* global Chart */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  var percentAxis = {
    min: 0,
    max: 100,
    ticks: {
      callback: function (v) {
        return v + ' %';
      },
    },
  };
  new Chart(document.getElementById('chart-priorities'), {
    type: 'bar',
    data: {
      labels: data.priorities.map(function (p) {
        return p.priority;
      }),
      datasets: [
        {
          label: 'Response within target',
          data: data.priorities.map(function (p) {
            return p.response.withinTargetPercent;
          }),
          backgroundColor: '#4878a8',
        },
        {
          label: 'Resolution within target',
          data: data.priorities.map(function (p) {
            return p.resolution.withinTargetPercent;
          }),
          backgroundColor: '#78a848',
        },
        {
          label: 'Goal',
          data: data.priorities.map(function (p) {
            return p.goalPercent;
          }),
          type: 'line',
          borderColor: '#c04040',
          pointStyle: 'line',
        },
      ],
    },
    options: { scales: { y: percentAxis } },
  });
  new Chart(document.getElementById('chart-weeks'), {
    type: 'line',
    data: {
      labels: data.weeks.map(function (w) {
        return w.label;
      }),
      datasets: [
        {
          label: 'Response within target',
          data: data.weeks.map(function (w) {
            return w.responseWithinPercent;
          }),
          borderColor: '#4878a8',
          spanGaps: true,
          yAxisID: 'y',
        },
        {
          label: 'Resolution within target',
          data: data.weeks.map(function (w) {
            return w.resolutionWithinPercent;
          }),
          borderColor: '#78a848',
          spanGaps: true,
          yAxisID: 'y',
        },
        {
          label: 'Incidents',
          data: data.weeks.map(function (w) {
            return w.incidents;
          }),
          type: 'bar',
          backgroundColor: 'rgba(120,120,120,0.3)',
          yAxisID: 'count',
        },
      ],
    },
    options: {
      scales: {
        y: percentAxis,
        count: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } },
      },
    },
  });
  document.body.setAttribute('data-charts', 'drawn');
})();
