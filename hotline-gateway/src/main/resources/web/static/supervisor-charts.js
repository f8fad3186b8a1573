// The supervisor's KPI charts: the data is in the page's markup (data-chart); every name placed in a tooltip is
// HTML-escaped (provider, category and channel names reach tooltips; ECharts renders tooltip text as HTML).
(function () {
  'use strict';
  var ENTITIES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  // One chart from its element's data-chart: the options from the data, an axis tooltip, resized with the window.
  function chartIn(id, options) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var option = options(data);
    option.animation = false;
    option.tooltip = {trigger: 'axis', formatter: option.tooltip};
    var chart = window.echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-rendered', 'true');
  }
  function render() {
    if (!document.getElementById('hours-chart') || !window.echarts) {
      return;
    }
    chartIn('hours-chart', function (data) {
      return {
        tooltip: function (items) {
          var lines = [esc(items[0].axisValueLabel) + ' 时'];
          items.forEach(function (p) { lines.push(esc(p.seriesName) + '：' + esc(p.value)); });
          return lines.join('<br>');
        },
        legend: {top: 0, data: data.series.map(function (s) { return s.name; })},
        grid: {left: 48, right: 16, top: 40, bottom: 32},
        xAxis: {type: 'category', data: data.hours, name: '时'},
        yAxis: {type: 'value', name: '诉求数', minInterval: 1},
        series: data.series.map(function (s) {
          return {name: s.name, type: 'bar', stack: 'all', data: s.data};
        })
      };
    });
    renderTrend();
    renderTimes('response-chart', '响应用时');
    renderTimes('completion-chart', '办结用时');
    sortable(document.getElementById('scorecards'));
  }
  // p50/p90/p99 per day against the promise (a dashed line at the goal).
  function renderTimes(id, title) {
    var names = ['P50', 'P90', 'P99'];
    chartIn(id, function (data) {
      return {
        title: {text: title + '（' + data.unit + '，目标 ' + data.goal + ' ' + data.unit + '）', textStyle: {fontSize: 13}},
        tooltip: function (items) {
          var lines = [esc(items[0].axisValueLabel)];
          items.forEach(function (p) {
            lines.push(esc(p.seriesName) + '：' + (p.value === null || p.value === undefined ? '–' : esc(p.value))
              + ' ' + esc(data.unit));
          });
          return lines.join('<br>');
        },
        legend: {top: 0, right: 16, data: names},
        grid: {left: 56, right: 16, top: 40, bottom: 32},
        xAxis: {type: 'category', data: data.days},
        yAxis: {type: 'value', name: data.unit},
        series: names.map(function (n, i) {
          var s = {name: n, type: 'line', connectNulls: false, data: data[n.toLowerCase()]};
          if (i === 0) {
            s.markLine = {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#c0392b'},
              label: {formatter: '目标'}, data: [{yAxis: data.goal}]};
          }
          return s;
        })
      };
    });
  }
  // Click a column's header to sort by it (again: the other way); rows without a figure stay last.
  function sortable(table) {
    if (!table) {
      return;
    }
    var buttons = table.querySelectorAll('thead button.sort');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        var col = Number(button.getAttribute('data-col'));
        var th = button.parentNode;
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort');
          var y = b.cells[col].getAttribute('data-sort');
          if (x === '' || y === '') {
            return (x === '') - (y === '');
          }
          var nx = Number(x);
          var ny = Number(y);
          var c = isNaN(nx) || isNaN(ny) ? x.localeCompare(y, 'zh') : nx - ny;
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.setAttribute('data-sorted', col + (asc ? '-asc' : '-desc'));
      });
    });
  }
  function renderTrend() {
    chartIn('trend-chart', function (data) {
      return {
        tooltip: function (items) {
          var i = items[0].dataIndex;
          return esc(data.days[i]) + '<br>满意率：' + esc(data.rates[i]) + '%（' + esc(data.answers[i]) + ' 份回访）';
        },
        grid: {left: 48, right: 16, top: 24, bottom: 32},
        xAxis: {type: 'category', data: data.days},
        yAxis: {type: 'value', name: '%', min: 0, max: 100},
        series: [{name: '满意率', type: 'line', data: data.rates}]
      };
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
}());
