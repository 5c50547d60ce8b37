// The /import page: shows the first rows of the chosen file and what each of its columns becomes, before upload.
(function () {
  'use strict';
  var kind = document.getElementById('kind');
  var file = document.getElementById('file');
  if (!kind || !file) {
    return;
  }
  var PREVIEW_BYTES = 64 * 1024;
  var PREVIEW_ROWS = 5;

  function showMappingOf(selected) {
    document.querySelectorAll('.mapping').forEach(function (m) {
      m.hidden = m.getAttribute('data-kind') !== selected;
    });
  }

  // RFC 4180 records: quoted fields with commas, doubled quotes and line breaks; CRLF or LF
  function parse(text) {
    var records = [], record = [], field = '', quoted = false, i = 0;
    while (i < text.length) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (c === '"') { quoted = false; i++; continue; }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; i++; continue; }
      if (c === ',') { record.push(field); field = ''; i++; continue; }
      if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
      if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; continue; }
      field += c; i++;
    }
    if (field !== '' || record.length) { record.push(field); records.push(record); }
    return records.filter(function (r) { return r.length > 1 || r[0] !== ''; });
  }

  function cell(tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    return el;
  }

  function render(records, complete) {
    var preview = document.getElementById('preview');
    var head = document.querySelector('#preview-rows thead');
    var body = document.querySelector('#preview-rows tbody');
    var mapping = document.querySelector('#preview-mapping tbody');
    var missing = document.getElementById('preview-missing');
    head.replaceChildren(); body.replaceChildren(); mapping.replaceChildren();
    preview.hidden = false;
    if (!records.length) {
      missing.textContent = 'The file is empty: a Data Loader file starts with a header row.';
      missing.hidden = false;
      return;
    }
    var header = records[0];
    var row = document.createElement('tr');
    header.forEach(function (h) { row.appendChild(cell('th', h)); });
    head.appendChild(row);
    var rows = records.slice(1, complete ? PREVIEW_ROWS + 1 : Math.min(PREVIEW_ROWS + 1, records.length - 1));
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      r.forEach(function (v) { tr.appendChild(cell('td', v)); });
      body.appendChild(tr);
    });
    var known = {};
    var required = [];
    document.querySelectorAll('.mapping[data-kind="' + kind.value + '"] tr[data-column]').forEach(function (tr) {
      var column = tr.getAttribute('data-column');
      known[column.toLowerCase()] = tr.getAttribute('data-field');
      if (tr.getAttribute('data-required') === 'true') { required.push(column); }
    });
    var present = {};
    header.forEach(function (h) {
      var key = h.trim().toLowerCase();
      present[key] = true;
      var tr = document.createElement('tr');
      tr.appendChild(cell('td', h));
      tr.appendChild(cell('td', known[key] || 'ignored'));
      if (!known[key]) { tr.className = 'ignored'; }
      mapping.appendChild(tr);
    });
    var absent = required.filter(function (c) { return !present[c.toLowerCase()]; });
    missing.textContent = absent.length ? 'Missing columns: ' + absent.join(', ') + ' — the import will refuse this file.' : '';
    missing.hidden = !absent.length;
  }

  function preview() {
    showMappingOf(kind.value);
    var chosen = file.files && file.files[0];
    if (!chosen) {
      return;
    }
    chosen.slice(0, PREVIEW_BYTES).text().then(function (text) {
      render(parse(text.replace(/^\uFEFF/, '')), chosen.size <= PREVIEW_BYTES);
    });
  }

  kind.addEventListener('change', preview);
  file.addEventListener('change', preview);
  showMappingOf(kind.value);
}());
