// Draws the forecast page's charts from the figures the server put on the page (no figures are computed here).
(function () {
  var holder = document.getElementById('forecast-data');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart'));
  var dollars = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', maximumFractionDigits: 0});
  function money(value) { return value == null ? '—' : dollars.format(value); }
  function percent(value) { return value == null ? '—' : value + ' %'; }
  function numbers(list) { return list.map(function (v) { return v == null ? null : Number(v); }); }

  var stages = echarts.init(document.getElementById('chart-stages'));
  stages.setOption({
    tooltip: {trigger: 'axis', valueFormatter: money},
    grid: {left: 90, right: 20, top: 20, bottom: 40},
    xAxis: {type: 'category', data: data.stages},
    yAxis: {type: 'value', axisLabel: {formatter: money}},
    series: [{name: 'Open amount', type: 'bar', data: numbers(data.stageAmounts), label: {show: true,
      position: 'top', formatter: function (p) { return money(p.value); }}}]
  });

  var quota = echarts.init(document.getElementById('chart-quota'));
  quota.setOption({
    tooltip: {trigger: 'axis', valueFormatter: money},
    legend: {top: 0},
    grid: {left: 90, right: 20, top: 40, bottom: 40},
    xAxis: {type: 'category', data: data.reps},
    yAxis: {type: 'value', axisLabel: {formatter: money}},
    series: [
      {name: 'Closed won', type: 'bar', stack: 'forecast', data: numbers(data.closedWon)},
      {name: 'Commit', type: 'bar', stack: 'forecast', data: numbers(data.commit)},
      {name: 'Best case', type: 'bar', data: numbers(data.bestCase)},
      {name: 'Weighted pipeline', type: 'bar', data: numbers(data.weighted)},
      {name: 'Quota', type: 'line', data: numbers(data.quota), symbolSize: 10}
    ]
  });

  var retention = echarts.init(document.getElementById('chart-retention'));
  retention.setOption({
    tooltip: {trigger: 'axis', valueFormatter: percent},
    legend: {top: 0},
    grid: {left: 60, right: 20, top: 40, bottom: 40},
    xAxis: {type: 'category', data: data.quarters},
    yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
    series: [
      {name: 'GRR', type: 'line', data: numbers(data.grr), connectNulls: false},
      {name: 'NRR', type: 'line', data: numbers(data.nrr), connectNulls: false}
    ]
  });

  window.addEventListener('resize', function () { stages.resize(); quota.resize(); retention.resize(); });
})();
