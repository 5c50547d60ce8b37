// Draws the forecast page's charts from the figures the server put on the page (no figures are computed here).
(function () {
  var holder = document.getElementById('forecast-data');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart'));
  var dollars = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', maximumFractionDigits: 0});
  var compact = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', notation: 'compact',
    maximumFractionDigits: 1});
  function money(value) { return value == null ? '—' : dollars.format(value); }
  // axis ticks stay short ($1.2M) so they never run into the plot; tooltips and bar labels keep the full figure
  function short(value) { return compact.format(value); }
  // many reps: names turn so each one stays readable under its bars
  var repLabels = {interval: 0, rotate: data.reps.length > 8 ? 40 : 0};
  // legends sit under the plot, with room for a second line on a narrow page, never over the axis
  var legend = {bottom: 0, itemGap: 8, itemWidth: 14};
  function percent(value) { return value == null ? '—' : value + ' %'; }
  function numbers(list) { return list.map(function (v) { return v == null ? null : Number(v); }); }

  var stages = echarts.init(document.getElementById('chart-stages'));
  stages.setOption({
    tooltip: {trigger: 'axis', valueFormatter: money},
    grid: {left: 10, right: 20, top: 30, bottom: 10, containLabel: true},
    xAxis: {type: 'category', data: data.stages},
    yAxis: {type: 'value', axisLabel: {formatter: short}},
    series: [{name: 'Open amount', type: 'bar', data: numbers(data.stageAmounts), label: {show: true,
      position: 'top', formatter: function (p) { return money(p.value); }}}]
  });

  var quota = echarts.init(document.getElementById('chart-quota'));
  quota.setOption({
    tooltip: {trigger: 'axis', valueFormatter: money},
    legend: legend,
    grid: {left: 10, right: 20, top: 20, bottom: 56, containLabel: true},
    xAxis: {type: 'category', data: data.reps, axisLabel: repLabels},
    yAxis: {type: 'value', axisLabel: {formatter: short}},
    series: [
      {name: 'Closed won', type: 'bar', stack: 'forecast', data: numbers(data.closedWon)},
      {name: 'Commit', type: 'bar', stack: 'forecast', data: numbers(data.commit)},
      {name: 'Best case', type: 'bar', data: numbers(data.bestCase)},
      {name: 'Weighted pipeline', type: 'bar', data: numbers(data.weighted)},
      {name: 'Quota', type: 'line', data: numbers(data.quota), symbolSize: 10}
    ]
  });

  var ended = numbers(data.grr).some(function (v) { return v != null; });
  var retention = echarts.init(document.getElementById('chart-retention'));
  retention.setOption({
    tooltip: {trigger: 'axis', valueFormatter: percent},
    legend: legend,
    title: ended ? undefined : {text: 'No subscription term ended in these quarters', left: 'center', top: 'middle',
      textStyle: {fontSize: 13, fontWeight: 'normal', color: '#667'}},
    grid: {left: 10, right: 20, top: 20, bottom: 40, containLabel: true},
    xAxis: {type: 'category', data: data.quarters},
    yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
    series: [
      {name: 'GRR', type: 'line', data: numbers(data.grr), connectNulls: false},
      {name: 'NRR', type: 'line', data: numbers(data.nrr), connectNulls: false}
    ]
  });

  window.addEventListener('resize', function () { stages.resize(); quota.resize(); retention.resize(); });
})();
