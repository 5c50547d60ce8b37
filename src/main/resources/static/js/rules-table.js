// The table editor of one rule set: rows and typed cells, checked as they are typed, saved as draft versions
// through the rule set API; boundary scenarios, test, simulate and publish follow the same API as the code editor.
(function () {
  "use strict";

  var page = document.getElementById("rule-table-page");
  if (!page) {
    return;
  }
  var base = page.getAttribute("data-api");
  var canEdit = page.getAttribute("data-can-edit") === "true";
  var name = page.getAttribute("data-name");
  var csrfToken = (document.querySelector("meta[name='_csrf']") || {}).content;
  var csrfHeader = (document.querySelector("meta[name='_csrf_header']") || {}).content;
  var state = {columns: [], placeholders: {}, rows: [], activeVersion: null, latestVersion: null, draft: null,
    tested: false, detail: null};

  function $(id) { return document.getElementById(id); }

  function api(method, url, body, contentType) {
    var headers = {"Accept": "application/json"};
    if (body !== undefined) {
      headers["Content-Type"] = contentType || "application/json";
    }
    if (method !== "GET" && csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    return fetch(url, {method: method, headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body))})
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          return {ok: response.ok, status: response.status, data: data};
        });
      }, function () { return {ok: false, status: 0, data: null}; });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      var value = attributes[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; }
      else if (key === "className") { node.className = value; }
      else if (key.indexOf("on") === 0) { node.addEventListener(key.substring(2), value); }
      else { node.setAttribute(key, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function say(text, kind, details) {
    var box = $("message");
    box.hidden = false;
    box.className = "message " + (kind || "info");
    box.textContent = "";
    box.appendChild(el("p", {text: text}));
    if (details && details.length) {
      box.appendChild(el("ul", {}, details.map(function (d) { return el("li", {text: d}); })));
    }
  }

  function failed(result) {
    var data = result.data || {};
    if (result.status === 403 && !data.error) { return "Only sales managers can do this."; }
    return data.error || ("Something went wrong (status " + result.status + "). Try again in a moment.");
  }

  // ------------------------------------------------------------------ cells: what each column accepts

  /** The column's rule when the text does not fit, else null (blank is "any" unless required). */
  function problem(column, text) {
    var value = (text || "").trim();
    if (!value) { return column.required ? "Required: " + column.rule : null; }
    if (column.type === "INTEGER" || column.type === "DECIMAL") {
      var number = Number(value.replace("−", "-").replace("%", ""));
      if (!isFinite(number)) { return column.rule; }
      if (column.type === "INTEGER" && Math.floor(number) !== number) { return column.rule; }
      if (column.type === "DECIMAL" && Math.round(number * 100) !== number * 100) { return column.rule; }
      if (number < Number(column.min) || number > Number(column.max)) { return column.rule; }
    }
    if (column.type === "MONEY") {
      if (!/^\s*\$?\s*(\d{1,3}(,\d{3})+|\d+)\s*$/.test(value)) { return column.rule; }
      if (Number(value.replace(/[\s$,]/g, "")) > Number(column.max)) { return column.rule; }
    }
    if (column.type === "NAMES") {
      var names = value.split(",").map(function (n) { return n.trim(); });
      if (names.length > 20 || names.some(function (n) { return !/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/.test(n); })) {
        return column.rule;
      }
    }
    if (column.type === "ASSIGNEE" && !/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/.test(value)) { return column.rule; }
    if (column.type === "SENTENCE") {
      if (value.length > 300) { return column.rule; }
      var bad = (value.match(/\{([A-Za-z]+)}/g) || []).filter(function (p) {
        return column.values.indexOf(p.slice(1, -1)) < 0;
      });
      if (bad.length) { return bad[0] + " is not a placeholder here; " + column.rule; }
    }
    return null;
  }

  /** A row's name as it will read, its thresholds filled in (the same way the server names the rule). */
  function readsAs(row) {
    return (row.name || "").replace(/\{([A-Za-z]+)}/g, function (whole, key) {
      var source = state.placeholders[key];
      if (!source) { return whole; }
      var parts = source.split(":");
      var cell = (row.cells[parts[0]] || "").toString().trim();
      if (!cell) { return "any"; }
      if (parts[1] === "drop" || parts[1] === "percent") {
        var n = Number(cell.replace("−", "-").replace("%", "")) * (parts[1] === "drop" ? -1 : 1);
        return isFinite(n) ? String(parseFloat(n.toFixed(2))) + "%" : whole;
      }
      return cell;
    });
  }

  function input(column, row, tr) {
    var value = row.cells[column.key] === undefined || row.cells[column.key] === null ? "" : String(row.cells[column.key]);
    var field;
    if (column.type === "ENUM" || column.type === "YES_NO") {
      field = el("select", {"data-column": column.key, "aria-label": column.label},
        (column.required ? [] : [el("option", {value: "", text: "any"})]).concat(column.values.map(function (v) {
          return el("option", {value: v, text: v});
        })));
      field.value = value;
    } else if (column.type === "SENTENCE") {
      field = el("input", {type: "text", className: "sentence", "data-column": column.key, "aria-label": column.label,
        maxlength: 300, title: column.rule});
      field.value = value;
    } else if (column.type === "MONEY" || column.type === "NAMES" || column.type === "ASSIGNEE") {
      // names, amounts as people type them (180,000) and assignees are text; the list offers the known ones
      field = el("input", {type: "text", className: "cell-" + column.type.toLowerCase(), "data-column": column.key,
        "aria-label": column.label, title: column.rule, maxlength: 2000});
      if (column.type === "ASSIGNEE") { field.setAttribute("list", "assignees-" + column.key); }
      field.value = value;
    } else {
      field = el("input", {type: "number", "data-column": column.key, "aria-label": column.label, title: column.rule,
        min: column.min, max: column.max, step: column.type === "INTEGER" ? "1" : "any"});
      field.value = value;
    }
    field.disabled = !canEdit;
    var note = el("span", {className: "cell-problem", hidden: true});
    field.addEventListener("input", function () {
      row.cells[column.key] = field.value;
      check(field, note, column);
      tr.querySelector("td.reads-as").textContent = readsAs(row);
      changed();
    });
    field.addEventListener("change", function () { field.dispatchEvent(new Event("input")); });
    return el("td", {}, [field, note]);
  }

  function check(field, note, column) {
    var message = problem(column, field.value);
    field.classList.toggle("invalid", !!message);
    note.hidden = !message;
    note.textContent = message || "";
    return !message;
  }

  function changed() {
    $("unsaved-note").hidden = false;
    state.draft = null;
    state.tested = false;
    if ($("publish")) { $("publish").disabled = true; }
  }

  function renderTable() {
    var head = $("rule-table").querySelector("thead");
    head.textContent = "";
    head.appendChild(el("tr", {}, [el("th", {text: "Name"}), el("th", {text: "Reads as"})]
      .concat(state.columns.map(function (c) { return el("th", {text: c.label, title: c.rule}); }))
      .concat([canEdit ? el("th", {text: ""}) : null])));
    state.columns.filter(function (c) { return c.type === "ASSIGNEE" && !$("assignees-" + c.key); }).forEach(function (c) {
      $("rule-table").parentNode.appendChild(el("datalist", {id: "assignees-" + c.key}, c.values.map(function (v) {
        return el("option", {value: v});
      })));
    });
    var body = $("rule-table").querySelector("tbody");
    body.textContent = "";
    state.rows.forEach(function (row, index) {
      var tr = el("tr", {"data-row": String(index)});
      var name = el("input", {type: "text", className: "row-name", "aria-label": "Name", maxlength: 200});
      name.value = row.name || "";
      name.disabled = !canEdit;
      var nameNote = el("span", {className: "cell-problem", hidden: true});
      name.addEventListener("input", function () {
        row.name = name.value;
        check(name, nameNote, {required: true, type: "SENTENCE", rule: "a plain name; placeholders: "
            + Object.keys(state.placeholders).map(function (p) { return "{" + p + "}"; }).join(" "),
          values: Object.keys(state.placeholders)});
        tr.querySelector("td.reads-as").textContent = readsAs(row);
        changed();
      });
      tr.appendChild(el("td", {}, [name, nameNote]));
      tr.appendChild(el("td", {className: "reads-as", text: readsAs(row)}));
      state.columns.forEach(function (column) { tr.appendChild(input(column, row, tr)); });
      if (canEdit) {
        tr.appendChild(el("td", {}, [
          el("button", {type: "button", className: "link", title: "Move up", text: "↑", onclick: function () { move(index, -1); }}),
          el("button", {type: "button", className: "link", title: "Move down", text: "↓", onclick: function () { move(index, 1); }}),
          el("button", {type: "button", className: "link copy-row", text: "Copy", onclick: function () {
            state.rows.splice(index + 1, 0, {name: row.name + " (copy)", cells: Object.assign({}, row.cells)});
            renderTable(); changed();
          }}),
          el("button", {type: "button", className: "link delete-row", text: "Delete", onclick: function () {
            state.rows.splice(index, 1); renderTable(); changed();
          }})]));
      }
      body.appendChild(tr);
    });
  }

  function move(index, by) {
    var to = index + by;
    if (to < 0 || to >= state.rows.length) { return; }
    var row = state.rows.splice(index, 1)[0];
    state.rows.splice(to, 0, row);
    renderTable();
    changed();
  }

  // ------------------------------------------------------------------ loading

  function load() {
    return Promise.all([api("GET", base), api("GET", base + "/table")]).then(function (results) {
      var detail = results[0], table = results[1];
      if (!detail.ok || !table.ok) {
        say(failed(detail.ok ? table : detail), "error");
        return;
      }
      state.detail = detail.data;
      state.activeVersion = detail.data.activeVersion;
      state.latestVersion = detail.data.latestVersion;
      state.columns = table.data.columns;
      state.placeholders = table.data.namePlaceholders || {};
      state.rows = table.data.rows.map(function (r) { return {name: r.name, cells: Object.assign({}, r.cells)}; });
      $("rule-set-description").textContent = detail.data.description || "";
      $("active-summary").textContent = "Active version " + state.activeVersion + " · latest version "
        + state.latestVersion;
      $("table-version").textContent = "Version " + state.activeVersion + " (Active)";
      $("download-xlsx").setAttribute("href", base + "/versions/" + state.activeVersion + "/table.xlsx");
      $("unsaved-note").hidden = true;
      renderTable();
      renderHistory(detail.data.versions);
      renderScenarios(detail.data.scenarios);
      if (canEdit) { renderScenarioForm(detail.data.factsTemplate, detail.data.expectedTemplate); }
    });
  }

  function renderHistory(versions) {
    var body = $("history").querySelector("tbody");
    body.textContent = "";
    versions.forEach(function (v) {
      var changes = el("td", {className: "changes"});
      var tr = el("tr", {"data-version": String(v.version)}, [el("td", {text: String(v.version)}),
        el("td", {text: v.status}), el("td", {text: v.author}), el("td", {text: v.comment || ""}), changes]);
      body.appendChild(tr);
      if (v.basedOn) {
        api("GET", base + "/diff?from=" + v.basedOn + "&to=" + v.version).then(function (r) {
          if (r.ok && r.data.rows && r.data.rows.length) {
            changes.appendChild(el("ul", {}, r.data.rows.map(function (line) { return el("li", {text: line}); })));
          }
        });
      }
    });
  }

  function renderScenarios(scenarios) {
    var body = $("scenario-table").querySelector("tbody");
    body.textContent = "";
    scenarios.forEach(function (s) {
      body.appendChild(el("tr", {}, [el("td", {text: s.name}), el("td", {text: describe(s.facts)}),
        el("td", {text: describe(s.expected)}), el("td", {text: s.author})]));
    });
  }

  function describe(object) {
    return Object.keys(object || {}).map(function (k) {
      var v = object[k];
      return k + ": " + (Array.isArray(v) ? (v.length ? v.join(", ") : "none") : v === true ? "yes" : v === false ? "no" : v);
    }).join(" · ");
  }

  // scenarios are form rows: one typed input per fact, the expected outcome as drop-downs
  function renderScenarioForm(template, expectedTemplate) {
    var box = $("scenario-fields");
    box.textContent = "";
    Object.keys(template || {}).forEach(function (key) {
      var sample = template[key];
      var field;
      var choices = state.columns.filter(function (c) { return c.key === key && c.type === "ENUM"; })[0];
      if (choices) {
        field = el("select", {"data-fact": key, "data-kind": "choice"}, [el("option", {value: "", text: "none"})]
          .concat(choices.values.map(function (v) { return el("option", {value: v, text: v}); })));
        field.value = sample === null ? "" : String(sample);
      } else if (typeof sample === "boolean") {
        field = el("select", {"data-fact": key}, [el("option", {value: "true", text: "yes"}),
          el("option", {value: "false", text: "no"})]);
        field.value = String(sample);
      } else {
        field = el("input", {"data-fact": key, type: typeof sample === "number" ? "number" : "text",
          step: "any", value: sample === null ? "" : String(sample)});
      }
      box.appendChild(el("label", {}, [key, field]));
    });
    if (name === "health") {
      var atRisk = el("select", {id: "expected-at-risk"}, [el("option", {value: "true", text: "at risk"}),
        el("option", {value: "false", text: "not at risk"})]);
      box.appendChild(el("label", {}, ["Expected: account is", atRisk]));
      var codes = (state.columns.filter(function (c) { return c.key === "flagCode"; })[0] || {values: []}).values;
      var flags = el("select", {id: "expected-flags", multiple: true, size: 4}, codes.map(function (c) {
        return el("option", {value: c, text: c});
      }));
      box.appendChild(el("label", {}, ["Expected flags", flags]));
      return;
    }
    // any other rule set: one field per outcome; a blank field is not checked
    Object.keys(expectedTemplate || {}).concat(name === "assignment" ? ["candidateGroups"] : [])
      .forEach(function (key) {
        var sample = expectedTemplate[key];
        var field;
        if (key === "candidateGroups") {
          var groups = ((state.columns.filter(function (c) { return c.type === "ASSIGNEE"; })[0] || {values: []}).values)
            .filter(function (v) { return v !== "owner"; });
          field = el("select", {"data-expected": key}, [el("option", {value: "", text: "not checked"}),
            el("option", {value: "[]", text: "no group"})].concat(groups.map(function (g) {
              return el("option", {value: g, text: g});
            })));
        } else if (typeof sample === "boolean") {
          field = el("select", {"data-expected": key}, [el("option", {value: "", text: "not checked"}),
            el("option", {value: "true", text: "yes"}), el("option", {value: "false", text: "no"})]);
        } else {
          field = el("input", {"data-expected": key, type: typeof sample === "number" ? "number" : "text",
            step: "1", placeholder: "not checked"});
        }
        box.appendChild(el("label", {}, ["Expected " + key, field]));
      });
  }

  function addScenarioFromForm(event) {
    event.preventDefault();
    var facts = {};
    document.querySelectorAll("#scenario-fields [data-fact]").forEach(function (field) {
      var key = field.getAttribute("data-fact");
      if (field.getAttribute("data-kind") === "choice") { facts[key] = field.value === "" ? null : field.value; }
      else if (field.tagName === "SELECT") { facts[key] = field.value === "true"; }
      else if (field.type === "number") { facts[key] = field.value === "" ? null : Number(field.value); }
      else { facts[key] = field.value; }
    });
    var expected = {};
    if (name === "health") {
      expected = {atRisk: $("expected-at-risk").value === "true",
        flags: Array.prototype.map.call($("expected-flags").selectedOptions, function (o) { return o.value; })};
    }
    document.querySelectorAll("#scenario-fields [data-expected]").forEach(function (field) {
      var key = field.getAttribute("data-expected");
      if (field.value === "") { return; }
      if (key === "candidateGroups") { expected[key] = field.value === "[]" ? [] : [field.value]; }
      else if (field.tagName === "SELECT") { expected[key] = field.value === "true"; }
      else if (field.type === "number") { expected[key] = Number(field.value); }
      else { expected[key] = field.value; }
    });
    var body = {name: $("scenario-name").value, facts: facts, expected: expected};
    api("POST", base + "/scenarios", body).then(function (r) {
      var box = $("scenario-message");
      box.hidden = false;
      box.className = "message " + (r.ok ? "success" : "error");
      box.textContent = r.ok ? "Scenario added" : failed(r);
      if (r.ok) { reloadScenarios(); }
    });
  }

  function reloadScenarios() {
    return api("GET", base).then(function (r) { if (r.ok) { renderScenarios(r.data.scenarios); } });
  }

  // ------------------------------------------------------------------ save, suggest, test, simulate, publish

  function rowsToSend() {
    return state.rows.map(function (r) {
      var cells = {};
      Object.keys(r.cells).forEach(function (k) { cells[k] = r.cells[k] === undefined ? null : r.cells[k]; });
      return {name: r.name, cells: cells};
    });
  }

  function saveDraft() {
    var body = {baseVersion: state.latestVersion, comment: $("comment").value, rows: rowsToSend()};
    return api("POST", base + "/versions", body).then(function (r) {
      if (!r.ok) {
        say(failed(r), "error", (r.data && r.data.details) || []);
        return null;
      }
      state.draft = r.data.version;
      state.latestVersion = r.data.version;
      state.tested = false;
      $("unsaved-note").hidden = true;
      $("table-version").textContent = "Version " + r.data.version + " (Draft)";
      $("download-xlsx").setAttribute("href", base + "/versions/" + r.data.version + "/table.xlsx");
      say("Saved as draft version " + r.data.version + ". Test it, simulate it, then publish.", "success");
      return api("GET", base).then(function (d) { if (d.ok) { renderHistory(d.data.versions); } return r.data.version; });
    });
  }

  function draftOrSave() {
    return state.draft ? Promise.resolve(state.draft) : saveDraft();
  }

  function results(kind, title, nodes) {
    var section = $("results");
    section.hidden = false;
    section.setAttribute("data-kind", kind);
    $("results-title").textContent = title;
    var body = $("results-body");
    body.textContent = "";
    nodes.forEach(function (n) { body.appendChild(n); });
  }

  function suggest() {
    draftOrSave().then(function (version) {
      if (!version) { return; }
      api("POST", base + "/versions/" + version + "/boundary-scenarios").then(function (r) {
        if (!r.ok) { say(failed(r), "error"); return; }
        if (!r.data.length) {
          results("suggestions", "No threshold changed in this draft", []);
          return;
        }
        var accept = el("button", {type: "button", id: "accept-suggestions", className: "primary",
          text: "Add these " + r.data.length + " scenarios", onclick: function () {
            accept.disabled = true;
            r.data.reduce(function (chain, s) {
              return chain.then(function () { return api("POST", base + "/scenarios", s); });
            }, Promise.resolve()).then(function () {
              say("Added " + r.data.length + " boundary scenarios", "success");
              reloadScenarios();
            });
          }});
        results("suggestions", "Boundary scenarios for version " + version, [
          el("table", {className: "grid", id: "suggestions"}, [el("tbody", {}, r.data.map(function (s) {
            return el("tr", {}, [el("td", {text: s.name}), el("td", {text: describe(s.expected)})]);
          }))]), accept]);
      });
    });
  }

  function runTest() {
    draftOrSave().then(function (version) {
      if (!version) { return; }
      api("POST", base + "/versions/" + version + "/test").then(function (r) {
        if (!r.ok) { say(failed(r), "error", (r.data && r.data.details) || []); return; }
        state.tested = r.data.passed;
        $("publish").disabled = !r.data.passed;
        say(r.data.passed ? "Test passed: all " + r.data.results.length + " scenarios" : "Test failed", r.data.passed
          ? "success" : "error");
        results("test", "Scenarios on version " + version, [el("table", {className: "grid"}, [el("tbody", {},
          r.data.results.map(function (s) {
            return el("tr", {className: s.passed ? "pass" : "fail"}, [el("td", {text: s.scenario}),
              el("td", {text: s.passed ? "passed" : s.message})]);
          }))])]);
      });
    });
  }

  function simulate() {
    draftOrSave().then(function (version) {
      if (!version) { return; }
      api("POST", base + "/versions/" + version + "/simulate").then(function (r) {
        if (!r.ok) { say(failed(r), "error"); return; }
        results("simulation", "Simulation of version " + version + " against active version " + r.data.activeVersion,
          [el("p", {className: "nothing-written", text: r.data.accountsEvaluated + " accounts evaluated. Nothing was written."}),
            el("ul", {className: "impact", id: "impact"}, (r.data.impact || []).map(function (line) {
              return el("li", {text: line});
            }))]);
      });
    });
  }

  function publish() {
    var version = state.draft;
    if (!version) { return; }
    var comment = $("comment").value.trim();
    if (!comment) {
      say("Say what you changed and why (the comment) before publishing.", "error");
      $("comment").focus();
      return;
    }
    if (!window.confirm("Publish version " + version + "? It decides for every account from now on.\n\n" + comment)) {
      return;
    }
    api("POST", base + "/versions/" + version + "/publish").then(function (r) {
      if (!r.ok) { say(failed(r), "error", (r.data && r.data.details) || []); return; }
      load().then(function () { say("Version " + version + " is now active", "success"); });
      state.draft = null;
      $("publish").disabled = true;
    });
  }

  function upload(event) {
    var file = event.target.files[0];
    if (!file) { return; }
    file.arrayBuffer().then(function (bytes) {
      return api("POST", base + "/versions?baseVersion=" + state.latestVersion + "&comment="
        + encodeURIComponent($("comment").value || "Uploaded from Excel"), bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }).then(function (r) {
      event.target.value = "";
      if (!r.ok) { say(failed(r), "error", (r.data && r.data.details) || []); return; }
      say(r.data.unchanged ? r.data.comment : "Uploaded as draft version " + r.data.version, "success");
      if (!r.data.unchanged) {
        api("GET", base + "/versions/" + r.data.version + "/table").then(function (t) {
          state.rows = t.data.rows.map(function (row) { return {name: row.name, cells: Object.assign({}, row.cells)}; });
          state.draft = r.data.version;
          state.latestVersion = r.data.version;
          renderTable();
          $("table-version").textContent = "Version " + r.data.version + " (Draft)";
        });
      }
    });
  }

  if (canEdit) {
    $("add-row").addEventListener("click", function () {
      state.rows.push({name: "", cells: {}});
      renderTable();
      changed();
    });
    $("save-draft").addEventListener("click", saveDraft);
    $("suggest").addEventListener("click", suggest);
    $("run-test").addEventListener("click", runTest);
    $("simulate").addEventListener("click", simulate);
    $("publish").addEventListener("click", publish);
    $("upload-xlsx").addEventListener("change", upload);
    $("add-scenario").addEventListener("submit", addScenarioFromForm);
  }
  load();
})();
