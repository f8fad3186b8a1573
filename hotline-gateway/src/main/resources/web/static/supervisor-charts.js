// The supervisor's KPI charts: the data is in the page's markup (data-chart); every name placed in a tooltip is
// HTML-escaped (provider, category and channel names reach tooltips; ECharts renders tooltip text as HTML).
(function () {
  'use strict';
  var ENTITIES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function render() {
    var el = document.getElementById('hours-chart');
    if (!el || !window.echarts) {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = window.echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        formatter: function (items) {
          var lines = [esc(items[0].axisValueLabel) + ' 时'];
          items.forEach(function (p) { lines.push(esc(p.seriesName) + '：' + esc(p.value)); });
          return lines.join('<br>');
        }
      },
      legend: {top: 0, data: data.series.map(function (s) { return s.name; })},
      grid: {left: 48, right: 16, top: 40, bottom: 32},
      xAxis: {type: 'category', data: data.hours, name: '时'},
      yAxis: {type: 'value', name: '诉求数', minInterval: 1},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'all', data: s.data};
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-rendered', 'true');
    renderTrend();
  }
  function renderTrend() {
    var el = document.getElementById('trend-chart');
    if (!el) {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = window.echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        formatter: function (items) {
          var i = items[0].dataIndex;
          return esc(data.days[i]) + '<br>满意率：' + esc(data.rates[i]) + '%（' + esc(data.answers[i]) + ' 份回访）';
        }
      },
      grid: {left: 48, right: 16, top: 24, bottom: 32},
      xAxis: {type: 'category', data: data.days},
      yAxis: {type: 'value', name: '%', min: 0, max: 100},
      series: [{name: '满意率', type: 'line', data: data.rates}]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-rendered', 'true');
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
}());
