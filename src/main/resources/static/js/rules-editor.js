// The rule pages. First what both pages share (talking to the rule set API, showing its answers in plain words),
// then the editor of one rule set, which starts only on the page that has one.
(function () {
  "use strict";

  // ---------------------------------------------------------------- shared: the API and plain-words formatting

  function meta(name) {
    var tag = document.querySelector("meta[name='" + name + "']");
    return tag ? tag.getAttribute("content") : null;
  }

  var csrfToken = meta("_csrf");
  var csrfHeader = meta("_csrf_header");

  /** Calls the API with the session cookie; resolves to {ok, status, data} and never rejects. */
  function api(method, url, body) {
    var headers = {"Accept": "application/json"};
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (method !== "GET" && csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (notJson) {
          data = null;
        }
        return {ok: response.ok, status: response.status, data: data};
      });
    }, function () {
      return {ok: false, status: 0, data: null};
    });
  }

  /** What went wrong, as {text, details}: the API's own message where it gave one. */
  function failure(result) {
    var data = result.data || {};
    var details = Array.isArray(data.details) ? data.details.filter(function (d) { return d && d !== data.error; }) : [];
    if (result.status === 0) {
      return {text: "AccountFlow could not be reached. Check your connection and try again.", details: []};
    }
    if (result.status === 401) {
      return {text: "Your session has ended. Reload the page and sign in again.", details: []};
    }
    if (data.error) {
      return {text: data.error, details: details};
    }
    if (result.status === 403) {
      return {text: "Only sales managers can do this.", details: details};
    }
    if (result.status === 404) {
      return {text: "This was not found. It may have been removed.", details: details};
    }
    return {text: "Something went wrong on the server (status " + result.status + "). Try again in a moment.",
      details: details};
  }

  /** Builds an element; children are nodes or strings (strings become text, never HTML). */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      var value = attributes[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else if (key.indexOf("on") === 0) {
        node.addEventListener(key.substring(2), value);
      } else {
        node.setAttribute(key, value === true ? "" : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function formatDate(iso) {
    if (!iso) {
      return "—";
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    return date.toLocaleString("en-GB", {day: "numeric", month: "short", year: "numeric", hour: "2-digit",
      minute: "2-digit"});
  }

  function formatAssignee(who) {
    if (!who) {
      return "nobody";
    }
    return who.indexOf("group:") === 0 ? "the " + who.substring(6) + " team" : who;
  }

  function formatValue(value) {
    if (value === null || value === undefined) {
      return "—";
    }
    if (value === true) {
      return "yes";
    }
    if (value === false) {
      return "no";
    }
    if (Array.isArray(value)) {
      return value.length ? value.map(formatValue).join(", ") : "none";
    }
    if (typeof value === "object") {
      return JSON.stringify(value);
    }
    return String(value);
  }

  /** An object of facts or decisions as "key: value" lines. */
  function keyValues(object) {
    var keys = object && typeof object === "object" ? Object.keys(object) : [];
    if (!keys.length) {
      return el("span", {className: "muted", text: "nothing"});
    }
    return el("dl", {className: "facts"}, keys.reduce(function (nodes, key) {
      nodes.push(el("dt", {text: key}), el("dd", {text: formatValue(object[key])}));
      return nodes;
    }, []));
  }

  function statusWord(status) {
    return {ACTIVE: "Active", DRAFT: "Draft", RETIRED: "Retired"}[status] || status || "—";
  }

  function statusBadge(status) {
    return el("span", {className: "badge status-" + String(status || "").toLowerCase(), text: statusWord(status)});
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /** Shows a message in a status element: kind is success, error or info. */
  function say(target, kind, text, details) {
    target.hidden = false;
    target.className = "message " + kind;
    target.replaceChildren(el("p", {text: text}));
    if (details && details.length) {
      target.appendChild(el("ul", {}, details.map(function (d) { return el("li", {text: d}); })));
    }
  }

  window.RulePages = {
    api: api, failure: failure, el: el, formatDate: formatDate, say: say, statusBadge: statusBadge
  };

  // ---------------------------------------------------------------- the editor of one rule set

  var root = document.getElementById("rule-editor");
  if (!root || !window.CodeMirror) {
    return;
  }

  var apiBase = root.getAttribute("data-api");
  var canEdit = root.getAttribute("data-can-edit") === "true";
  var $ = function (id) { return document.getElementById(id); };

  var annotations = [];   // compile problems as the lint addon marks them
  var problemMarks = [];  // line classes and message widgets, to clear before the next check
  var state = {
    ruleSet: null,
    loaded: null,      // the saved version the editor started from: {version, status, drl}
    baseVersion: null, // the newest version when the editor was loaded; sent with a draft to catch conflicts
    lastTest: null,    // {version, passed, failing}
    busy: false
  };

  var editor = CodeMirror.fromTextArea($("drl-editor"), {
    mode: "drl",
    lineNumbers: true,
    indentUnit: 4,
    readOnly: canEdit ? false : true,
    gutters: ["CodeMirror-linenumbers", "CodeMirror-lint-markers"],
    // problems come from the server when the user asks, not while typing
    lint: {getAnnotations: function () { return annotations; }, lintOnChange: false}
  });
  if (!canEdit) {
    editor.getWrapperElement().classList.add("read-only");
  }


  function isDirty() {
    return !state.loaded || editor.getValue() !== state.loaded.drl;
  }

  // ------------------------------------------------ loading

  function load() {
    return api("GET", apiBase).then(function (result) {
      if (!result.ok) {
        var problem = failure(result);
        $("active-summary").textContent = "";
        say($("message"), "error", result.status === 404 ? "There is no rule set with this name." : problem.text,
          problem.details);
        return false;
      }
      state.ruleSet = result.data;
      renderSummary();
      renderHistory();
      renderScenarios();
      prefillScenarioForm(false);
      updateControls();
      return true;
    });
  }

  function loadIntoEditor(version, status, drl) {
    editor.setValue(drl || "");
    editor.clearHistory();
    state.loaded = {version: version, status: status, drl: editor.getValue()};
    // a draft saved from here must follow the newest version this page has seen, or the API reports a conflict
    state.baseVersion = state.ruleSet.latestVersion;
    clearProblems();
    updateControls();
  }

  function openVersionInEditor(version) {
    if (isDirty() && !window.confirm("Your changes in the editor are not saved. Replace them with version "
        + version + "?")) {
      return;
    }
    api("GET", apiBase + "/versions/" + version).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      loadIntoEditor(result.data.version, result.data.status, result.data.drl);
      say($("message"), "info", "Version " + result.data.version + " is now in the editor.");
      editor.getWrapperElement().scrollIntoView({block: "start", behavior: "smooth"});
    });
  }

  function versionOf(number) {
    return (state.ruleSet.versions || []).filter(function (v) { return v.version === number; })[0] || null;
  }

  // ------------------------------------------------ rendering

  function renderSummary() {
    var ruleSet = state.ruleSet;
    $("rule-set-description").textContent = ruleSet.description ? "— " + ruleSet.description : "";
    var active = versionOf(ruleSet.activeVersion);
    var summary = $("active-summary");
    if (!active) {
      summary.textContent = ruleSet.activeVersion ? "Active version: " + ruleSet.activeVersion
        : "No version of this rule set is active yet.";
    } else {
      summary.replaceChildren(
        "Active version ", el("strong", {text: String(active.version)}),
        ", published by " + (active.author || "—") + " on " + formatDate(active.publishedAt || active.createdAt),
        active.comment ? el("span", {className: "muted", text: " — “" + active.comment + "”"}) : null);
    }
  }

  function renderNewerDraftNotice() {
    var notice = $("newer-draft");
    var ruleSet = state.ruleSet;
    var latest = ruleSet && versionOf(ruleSet.latestVersion);
    if (!latest || latest.status !== "DRAFT" || (state.loaded && state.loaded.version === latest.version)) {
      notice.hidden = true;
      return;
    }
    notice.hidden = false;
    notice.replaceChildren(
      "Version " + latest.version + " is a draft saved by " + (latest.author || "someone") + " on "
      + formatDate(latest.createdAt) + " and not published yet. ",
      el("button", {type: "button", className: "link", text: "Open it in the editor",
        onclick: function () { openVersionInEditor(latest.version); }}));
  }

  function renderHistory() {
    var ruleSet = state.ruleSet;
    var restoreTemplate = $("restore-control");
    var rows = (ruleSet.versions || []).map(function (v) {
      var actions = el("td", {className: "row-actions"}, [
        el("button", {type: "button", className: "link view", text: "View",
          onclick: function () { viewVersion(v.version); }}),
        v.version !== ruleSet.activeVersion && ruleSet.activeVersion
          ? el("button", {type: "button", className: "link diff", text: "Diff against active",
            onclick: function () { diffAgainstActive(v.version); }}) : null,
        el("button", {type: "button", className: "link open", text: "Open in editor",
          onclick: function () { openVersionInEditor(v.version); }})
      ]);
      // the restore control exists on the page only for people who may restore
      if (restoreTemplate && v.status === "RETIRED") {
        var restore = restoreTemplate.content.firstElementChild.cloneNode(true);
        restore.addEventListener("click", function () { restoreVersion(v.version); });
        actions.appendChild(restore);
      }
      return el("tr", {"data-version": v.version, className: v.status === "ACTIVE" ? "current" : null}, [
        el("td", {text: String(v.version)}),
        el("td", {}, [statusBadge(v.status)]),
        el("td", {text: v.author || "—"}),
        el("td", {className: "nowrap", text: formatDate(v.createdAt)}),
        el("td", {className: "nowrap", text: formatDate(v.publishedAt)}),
        el("td", {}, [v.comment || "", v.basedOn ? el("span", {className: "muted small",
          text: (v.comment ? " " : "") + "(based on version " + v.basedOn + ")"}) : null]),
        actions
      ]);
    });
    if (!rows.length) {
      rows = [el("tr", {}, [el("td", {colspan: 7, className: "muted", text: "No versions yet."})])];
    }
    document.querySelector("#history tbody").replaceChildren.apply(document.querySelector("#history tbody"), rows);
    fillCompareChoices(ruleSet);
  }

  /** Any two versions can be compared: the older one first by default, the active one second. */
  function fillCompareChoices(ruleSet) {
    var numbers = (ruleSet.versions || []).map(function (v) { return v.version; });
    ["diff-from", "diff-to"].forEach(function (id) {
      var select = $(id);
      select.replaceChildren.apply(select, numbers.map(function (n) {
        return el("option", {value: String(n), text: String(n) + (n === ruleSet.activeVersion ? " (active)" : "")});
      }));
    });
    if (numbers.length > 1) {
      $("diff-to").value = String(ruleSet.activeVersion || numbers[0]);
      $("diff-from").value = String(numbers.find(function (n) { return n !== ruleSet.activeVersion; }));
    }
  }

  function renderScenarios() {
    var scenarios = state.ruleSet.scenarios || [];
    var deleteTemplate = $("delete-scenario-control");
    var rows = scenarios.map(function (s) {
      var cells = [
        el("td", {text: s.name}),
        el("td", {}, [s.facts ? keyValues(s.facts) : el("span", {className: "error", text: "cannot be read"})]),
        el("td", {}, [s.expected ? keyValues(s.expected)
          : el("span", {className: "error", text: "cannot be read"})]),
        el("td", {text: s.author || "—"})
      ];
      // the delete control exists on the page only for people who may change scenarios
      if (deleteTemplate) {
        var remove = deleteTemplate.content.firstElementChild.cloneNode(true);
        remove.addEventListener("click", function () { deleteScenario(s); });
        cells.push(el("td", {className: "row-actions"}, [remove]));
      }
      return el("tr", {"data-scenario": s.id}, cells);
    });
    if (!rows.length) {
      rows = [el("tr", {}, [el("td", {colspan: deleteTemplate ? 5 : 4, className: "muted",
        text: "No scenarios yet." + (canEdit ? " Add one below." : "")})])];
    }
    var body = document.querySelector("#scenario-table tbody");
    body.replaceChildren.apply(body, rows);
  }

  function deleteScenario(scenario) {
    if (!window.confirm("Delete the scenario “" + scenario.name + "”? Test and Publish no longer check it.")) {
      return;
    }
    var message = $("scenario-message");
    api("DELETE", apiBase + "/scenarios/" + encodeURIComponent(scenario.id)).then(function (result) {
      if (!result.ok && result.status !== 404) {
        var problem = failure(result);
        say(message, "error", problem.text, problem.details);
        return;
      }
      state.ruleSet.scenarios = (state.ruleSet.scenarios || []).filter(function (s) { return s.id !== scenario.id; });
      renderScenarios();
      // a pass that unlocked Publish may have included it; test again against the scenarios that remain
      state.lastTest = null;
      updateControls();
      say(message, "success", "Scenario “" + scenario.name + "” deleted.");
    });
  }

  function updateControls() {
    var dirty = isDirty();
    var loaded = state.loaded;
    $("unsaved-note").hidden = !dirty || !loaded;
    $("editor-version").textContent = loaded ? "version " + loaded.version + " · " + statusWord(loaded.status) : "";
    $("editor-version").className = "badge" + (loaded ? " status-" + String(loaded.status).toLowerCase() : "");
    ["validate", "save-draft", "run-test", "simulate"].forEach(function (id) {
      if ($(id)) {
        $(id).disabled = state.busy || !state.ruleSet;
      }
    });
    renderNewerDraftNotice();
    var publish = $("publish");
    if (!publish) {
      return;
    }
    var test = state.lastTest;
    var testedThis = test && loaded && test.version === loaded.version;
    var hint;
    if (!loaded) {
      hint = "";
    } else if (dirty) {
      hint = "Save your changes as a draft and run Test: Publish unlocks when every scenario passes.";
    } else if (loaded.status !== "DRAFT") {
      hint = "Publish works on a saved draft. Change the rules and save them as a draft first.";
    } else if (!testedThis) {
      hint = "Run Test on draft version " + loaded.version + ": Publish unlocks when every scenario passes.";
    } else if (!test.passed) {
      hint = "Publish stays locked: " + plural(test.failing, "scenario fails", "scenarios fail")
        + " on draft version " + loaded.version + ".";
    } else {
      hint = "Every scenario passes. Publish makes draft version " + loaded.version + " the active version.";
    }
    publish.disabled = state.busy || dirty || !loaded || loaded.status !== "DRAFT" || !testedThis || !test.passed;
    $("publish-hint").textContent = hint;
  }

  // ------------------------------------------------ compile problems, next to their line

  function clearProblems() {
    problemMarks.forEach(function (mark) { mark.clear(); });
    problemMarks = [];
    annotations = [];
    editor.performLint();
    document.querySelector("#problems ol").replaceChildren();
    $("problems").hidden = true;
  }

  /** Drools repeats code, line and column at the start of its message; the label already says where. */
  function plainMessage(message) {
    return String(message || "").replace(/^\[ERR \d+\]\s*/, "").replace(/^Line \d+:\d+\s*/, "")
      .replace(/^./, function (c) { return c.toUpperCase(); });
  }

  function showProblems(problems) {
    clearProblems();
    var lastLine = editor.lastLine();
    var items = (problems || []).map(function (problem) {
      var where = problem.line > 0 ? Math.min(problem.line - 1, lastLine) : null;
      var label = problem.line > 0
        ? "Line " + problem.line + (problem.column > 0 ? ", column " + problem.column : "")
        : "Somewhere in the rules";
      if (where !== null) {
        var text = editor.getLine(where);
        annotations.push({
          from: CodeMirror.Pos(where, text.length - text.replace(/^\s+/, "").length),
          to: CodeMirror.Pos(where, text.length),
          message: plainMessage(problem.message),
          severity: "error"
        });
        var lineHandle = editor.addLineClass(where, "background", "problem-line");
        problemMarks.push({clear: function () { editor.removeLineClass(lineHandle, "background", "problem-line"); }});
        problemMarks.push(editor.addLineWidget(where, el("div", {className: "problem-note"}, [
          el("strong", {text: label + ": "}), plainMessage(problem.message)]), {coverGutter: false, noHScroll: true}));
      }
      return el("li", {"data-line": problem.line > 0 ? problem.line : null}, [
        where !== null ? el("button", {type: "button", className: "link", text: label,
          onclick: function () { jumpTo(where, problem.column); }}) : el("strong", {text: label}),
        ": ", plainMessage(problem.message)]);
    });
    editor.performLint();
    var list = document.querySelector("#problems ol");
    list.replaceChildren.apply(list, items);
    $("problems").hidden = !items.length;
    var first = (problems || []).filter(function (p) { return p.line > 0; })[0];
    if (first) {
      editor.scrollIntoView({line: Math.min(first.line - 1, lastLine), ch: 0}, 80);
    }
  }

  function jumpTo(line, column) {
    editor.focus();
    editor.setCursor({line: line, ch: column > 0 ? column - 1 : 0});
    editor.scrollIntoView(null, 80);
  }

  // ------------------------------------------------ actions

  function showFailure(result) {
    var problem = failure(result);
    var problems = result.data && Array.isArray(result.data.problems) ? result.data.problems : [];
    // compile problems get their own list and marks in the editor; the details would only repeat them
    say($("message"), "error", problem.text, problems.length ? [] : problem.details);
    if (problems.length) {
      showProblems(problems);
    }
  }

  /** Runs one action at a time: buttons wait, the status line says what is going on. */
  function busyWith(text, work) {
    if (state.busy) {
      return;
    }
    state.busy = true;
    updateControls();
    say($("message"), "info", text);
    root.setAttribute("aria-busy", "true");
    work().then(finish, function (error) {
      finish();
      say($("message"), "error", "Something went wrong in the page: " + error);
    });

    function finish() {
      state.busy = false;
      root.removeAttribute("aria-busy");
      updateControls();
    }
  }

  function needsSavedVersion(what) {
    if (!isDirty()) {
      return false;
    }
    say($("message"), "info", what + " works on a saved version. Save your changes as a draft first, then "
      + what.toLowerCase() + " it.");
    return true;
  }

  function validate() {
    busyWith("Checking the rules…", function () {
      return api("POST", apiBase + "/validate", {drl: editor.getValue()}).then(function (result) {
        if (!result.ok) {
          showFailure(result);
          return;
        }
        if (result.data.valid) {
          clearProblems();
          say($("message"), "success", "No problems found: the rules are written correctly. Nothing was saved.");
        } else {
          var problems = result.data.problems || [];
          showProblems(problems);
          say($("message"), "error", plural(problems.length, "problem", "problems")
            + " found. The line is marked in the editor; fix it and validate again.");
        }
      });
    });
  }

  function saveDraft() {
    var comment = $("comment").value.trim();
    if (!comment) {
      say($("message"), "error", "Write a short comment saying what you changed and why, so others can follow "
        + "the history.");
      $("comment").focus();
      return;
    }
    var drl = editor.getValue();
    busyWith("Saving the draft…", function () {
      return api("POST", apiBase + "/versions", {drl: drl, comment: comment,
        baseVersion: state.baseVersion}).then(function (result) {
        if (!result.ok) {
          if (result.status === 409) {
            return load().then(function () { explainConflict(failure(result).text); });
          }
          showFailure(result);
          return;
        }
        var saved = result.data;
        state.loaded = {version: saved.version, status: saved.status || "DRAFT", drl: drl};
        state.baseVersion = saved.version;
        state.lastTest = null;
        $("comment").value = "";
        clearProblems();
        say($("message"), "success", "Saved as draft version " + saved.version + ". The active version keeps "
          + "deciding until you publish. Next: Test, then Simulate.");
        return load();
      });
    });
  }

  /**
   * Someone saved since this editor was opened. Their version is not overwritten silently: the manager looks at it
   * first and then chooses to save on top of it.
   */
  function explainConflict(text) {
    var latest = state.ruleSet.latestVersion;
    var message = $("message");
    say(message, "error", text, ["Your text is still in the editor. Use View in the version history to see version "
      + latest + "."]);
    message.appendChild(el("button", {type: "button", className: "link", id: "save-on-top",
      text: "Save my text as the next version after version " + latest,
      onclick: function () {
        state.baseVersion = latest;
        saveDraft();
      }}));
  }

  function runTest() {
    if (needsSavedVersion("Test")) {
      return;
    }
    var version = state.loaded.version;
    busyWith("Running the scenarios against version " + version + "…", function () {
      return api("POST", apiBase + "/versions/" + version + "/test").then(function (result) {
        if (!result.ok) {
          showFailure(result);
          return;
        }
        var results = result.data.results || [];
        var failing = results.filter(function (r) { return !r.passed; }).length;
        state.lastTest = {version: version, passed: !!result.data.passed, failing: failing};
        renderTestResults(version, result.data.passed, results, failing);
        say($("message"), result.data.passed ? "success" : "error", result.data.passed
          ? "Test passed: every scenario gets the expected decision from version " + version + "."
          : "Test failed: " + plural(failing, "scenario does", "scenarios do") + " not get the expected decision.");
      });
    });
  }

  function renderTestResults(version, passed, results, failing) {
    var title = results.length === 0 ? "Test of version " + version + ": there are no scenarios yet"
      : passed ? "Test of version " + version + ": all " + plural(results.length, "scenario passes", "scenarios pass")
        : "Test of version " + version + ": " + failing + " of " + plural(results.length, "scenario fails",
          "scenarios fail");
    var body = results.length === 0 ? el("p", {className: "muted",
      text: "Add a scenario below to describe what the rules must decide."})
      : el("table", {className: "grid test-results"}, [
        el("thead", {}, [el("tr", {}, ["Scenario", "Result", "Expected", "Actual", failing ? "Why it fails" : null]
          .filter(Boolean).map(function (h) { return el("th", {text: h}); }))]),
        el("tbody", {}, results.map(function (r) {
          return el("tr", {className: r.passed ? "pass" : "fail"}, [
            el("td", {text: r.scenario}),
            el("td", {}, [el("span", {className: "badge " + (r.passed ? "pass" : "fail"),
              text: r.passed ? "Pass" : "Fail"})]),
            el("td", {}, [keyValues(r.expected)]),
            el("td", {}, [keyValues(r.actual)]),
            failing ? el("td", {text: r.passed ? "" : r.message || ""}) : null
          ].filter(Boolean));
        }))
      ]);
    showResults("test", title, [body]);
  }

  function simulate() {
    if (needsSavedVersion("Simulate")) {
      return;
    }
    var version = state.loaded.version;
    busyWith("Running version " + version + " on today's accounts and tasks…", function () {
      return api("POST", apiBase + "/versions/" + version + "/simulate").then(function (result) {
        if (!result.ok) {
          showFailure(result);
          return;
        }
        renderSimulation(result.data);
        say($("message"), "success", "Simulation finished. Nothing was written.");
      });
    });
  }

  function renderSimulation(sim) {
    var newly = sim.newlyFlagged || [];
    var noLonger = sim.noLongerFlagged || [];
    var assignees = sim.assigneeChanges || [];
    var notifications = sim.notifications || [];
    var approvals = sim.approvalChanges || [];
    var same = sim.version === sim.activeVersion;
    var evaluated = [[sim.accountsEvaluated, "account", "accounts"], [sim.tasksEvaluated, "open task", "open tasks"],
      [sim.renewalsEvaluated, "open renewal", "open renewals"]]
      .filter(function (count) { return count[0] > 0; })
      .map(function (count) { return plural(count[0], count[1], count[2]); });
    var intro = el("p", {className: "nothing-written"}, [
      "Version " + sim.version + " was run on " + (evaluated.length ? evaluated.join(", ").replace(/, ([^,]*)$/,
        " and $1") : "today's book (there was nothing to check)") + " and compared with "
      + (same ? "itself, the active version" : "the active version " + sim.activeVersion) + ". ",
      el("strong", {text: "Nothing was written:"}), " no account, task or e-mail was changed."]);
    var flagColumns = ["Account", "Flag", "Severity", "Reason"];
    function flagRow(f) {
      return [f.accountName || f.accountId, f.code, f.severity, f.reason];
    }
    showResults("simulation", "Simulation of version " + sim.version, [
      intro,
      section("Accounts that would be newly flagged", "simulate-newly-flagged", flagColumns, newly.map(flagRow),
        "No account would get a new flag."),
      section("Accounts that would no longer be flagged", "simulate-no-longer-flagged", flagColumns,
        noLonger.map(flagRow), "No flag would go away."),
      section("Open tasks whose assignee would change", "simulate-assignees", ["Task", "Account", "Now", "Would be"],
        assignees.map(function (c) {
          return [c.taskName || c.taskId, c.accountName, formatAssignee(c.from), formatAssignee(c.to)];
        }), "Every open task keeps its assignee."),
      approvals.length || sim.renewalsEvaluated ? section("Discounts whose approval would change", "simulate-approvals",
        ["Account", "Discount", "Needs approval now", "Would need approval", "Why"], approvals.map(function (a) {
          return [a.accountName || a.processInstanceId, a.discountPct + "%", formatValue(a.from), formatValue(a.to),
            a.reason];
        }), "Every open discount keeps its approval decision.") : null,
      section("Notifications that would go out", "simulate-notifications", ["To", "Kind", "Subject"],
        notifications.map(function (n) { return [formatAssignee(n.recipient), n.template, n.subject]; }),
        "No notification would be sent.")
    ]);
  }

  function section(title, id, columns, rows, emptyText) {
    return el("div", {className: "sim-section", id: id}, [
      el("h3", {text: title + " (" + rows.length + ")"}),
      rows.length ? el("table", {className: "grid"}, [
        el("thead", {}, [el("tr", {}, columns.map(function (c) { return el("th", {text: c}); }))]),
        el("tbody", {}, rows.map(function (cells) {
          return el("tr", {}, cells.map(function (c) { return el("td", {text: c === null || c === undefined ? "—" : String(c)}); }));
        }))
      ]) : el("p", {className: "muted", text: emptyText})
    ]);
  }

  function showResults(kind, title, nodes) {
    var results = $("results");
    results.hidden = false;
    results.setAttribute("data-kind", kind);
    $("results-title").textContent = title;
    var body = $("results-body");
    body.replaceChildren.apply(body, nodes.filter(Boolean));
  }

  function publish() {
    if (needsSavedVersion("Publish")) {
      return;
    }
    var version = state.loaded.version;
    busyWith("Publishing version " + version + "…", function () {
      return api("POST", apiBase + "/versions/" + version + "/publish").then(function (result) {
        if (!result.ok) {
          showFailure(result);
          state.lastTest = null;
          return load();
        }
        state.loaded.status = "ACTIVE";
        say($("message"), "success", "Version " + result.data.activeVersion + " is now active. Every decision "
          + "from now on is made with it.");
        return load();
      });
    });
  }

  function restoreVersion(version) {
    if (!window.confirm("Restore version " + version + "? It is copied as a new version and becomes active "
        + "right away.")) {
      return;
    }
    busyWith("Restoring version " + version + "…", function () {
      return api("POST", apiBase + "/versions/" + version + "/restore").then(function (result) {
        if (!result.ok) {
          showFailure(result);
          return;
        }
        var restored = result.data;
        var keepEdits = isDirty();
        say($("message"), "success", "Version " + version + " was restored as version " + restored.version
          + ", which is now active." + (keepEdits ? " Your unsaved changes are still in the editor." : ""));
        return load().then(function () {
          if (!keepEdits) {
            loadIntoEditor(state.ruleSet.activeVersion, "ACTIVE", state.ruleSet.drl);
          }
        });
      });
    });
  }

  // ------------------------------------------------ reading other versions: view and diff

  function openViewer(title, nodes) {
    var viewer = $("viewer");
    viewer.hidden = false;
    $("viewer-title").textContent = title;
    var body = $("viewer-body");
    body.replaceChildren.apply(body, nodes.filter(Boolean));
    viewer.scrollIntoView({block: "start", behavior: "smooth"});
  }

  function viewVersion(version) {
    api("GET", apiBase + "/versions/" + version).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      var v = result.data;
      var host = el("div", {className: "viewer-code"});
      openViewer("Version " + v.version + " (" + statusWord(v.status).toLowerCase() + ")", [
        el("p", {className: "muted", text: "Saved by " + (v.author || "—") + " on " + formatDate(v.createdAt)
          + (v.publishedAt ? ", published " + formatDate(v.publishedAt) : "")
          + (v.comment ? " — “" + v.comment + "”" : "")}),
        host]);
      CodeMirror(host, {value: v.drl || "", mode: "drl", lineNumbers: true, readOnly: true});
    });
  }

  function diffAgainstActive(version) {
    diffVersions(state.ruleSet.activeVersion, version);
  }

  function diffVersions(active, version) {
    api("GET", apiBase + "/diff?from=" + encodeURIComponent(active) + "&to=" + encodeURIComponent(version))
      .then(function (result) {
        if (!result.ok) {
          showFailure(result);
          return;
        }
        var lines = result.data.lines || [];
        var changed = lines.filter(function (l) { return l.type !== "same"; }).length;
        openViewer("Changes from version " + active + " to version " + version, [
          el("p", {className: "muted"}, [
            el("span", {className: "legend removed", text: "− only in version " + active}), " ",
            el("span", {className: "legend added", text: "+ only in version " + version})]),
          changed ? diffTable(lines) : el("p", {text: "The two versions are the same."})]);
      });
  }

  /** The diff with long unchanged stretches folded, keeping three lines of context around each change. */
  function diffTable(lines) {
    var context = 3;
    var keep = lines.map(function () { return false; });
    lines.forEach(function (line, i) {
      if (line.type !== "same") {
        for (var j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) {
          keep[j] = true;
        }
      }
    });
    var rows = [];
    var folded = 0;
    function flushFolded() {
      if (folded) {
        rows.push(el("tr", {className: "folded"}, [el("td", {colspan: 3,
          text: "… " + plural(folded, "unchanged line", "unchanged lines") + " …"})]));
        folded = 0;
      }
    }
    lines.forEach(function (line, i) {
      if (!keep[i]) {
        folded++;
        return;
      }
      flushFolded();
      var sign = line.type === "added" ? "+" : line.type === "removed" ? "−" : " ";
      rows.push(el("tr", {className: line.type}, [
        el("td", {className: "line-number", text: line.fromLine ? String(line.fromLine) : ""}),
        el("td", {className: "line-number", text: line.toLine ? String(line.toLine) : ""}),
        el("td", {className: "code", text: sign + " " + line.text})
      ]));
    });
    flushFolded();
    return el("table", {className: "diff"}, [el("tbody", {}, rows)]);
  }

  // ------------------------------------------------ scenarios

  function prefillScenarioForm(force) {
    var facts = $("scenario-facts");
    var expected = $("scenario-expected");
    if (!facts || !state.ruleSet) {
      return;
    }
    if (force || !facts.value.trim()) {
      facts.value = JSON.stringify(state.ruleSet.factsTemplate || {}, null, 2);
    }
    if (force || !expected.value.trim()) {
      expected.value = JSON.stringify(state.ruleSet.expectedTemplate || {}, null, 2);
    }
  }

  function parseJson(text, what) {
    try {
      var value = JSON.parse(text);
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        return {error: what + " must be a set of names and values between { and }."};
      }
      return {value: value};
    } catch (e) {
      return {error: what + " could not be read: " + e.message + ". Check quotes, commas and braces."};
    }
  }

  function addScenario(event) {
    event.preventDefault();
    var message = $("scenario-message");
    var name = $("scenario-name").value.trim();
    if (!name) {
      say(message, "error", "Give the scenario a name that says what it checks.");
      $("scenario-name").focus();
      return;
    }
    var facts = parseJson($("scenario-facts").value, "The facts");
    var expected = parseJson($("scenario-expected").value, "The expected decision");
    if (facts.error || expected.error) {
      say(message, "error", facts.error || expected.error);
      return;
    }
    var button = $("add-scenario-button");
    button.disabled = true;
    api("POST", apiBase + "/scenarios", {name: name, facts: facts.value, expected: expected.value})
      .then(function (result) {
        button.disabled = false;
        if (!result.ok) {
          var problem = failure(result);
          say(message, "error", problem.text, problem.details);
          return;
        }
        state.ruleSet.scenarios = (state.ruleSet.scenarios || []).concat([result.data]);
        renderScenarios();
        $("scenario-name").value = "";
        prefillScenarioForm(true);
        // the pass that unlocked Publish did not include this scenario
        state.lastTest = null;
        updateControls();
        say(message, "success", "Scenario “" + result.data.name + "” added. Run Test again to check the rules "
          + "against it.");
      });
  }

  // ------------------------------------------------ wiring

  editor.on("change", updateControls);
  if ($("validate")) {
    $("validate").addEventListener("click", validate);
    $("run-test").addEventListener("click", runTest);
    $("simulate").addEventListener("click", simulate);
  }
  $("compare").addEventListener("click", function () {
    diffVersions(Number($("diff-from").value), Number($("diff-to").value));
  });
  $("close-viewer").addEventListener("click", function () {
    $("viewer").hidden = true;
  });
  if ($("save-draft")) {
    $("save-draft").addEventListener("click", saveDraft);
  }
  if ($("publish")) {
    $("publish").addEventListener("click", publish);
  }
  if ($("add-scenario")) {
    $("add-scenario").addEventListener("submit", addScenario);
  }
  updateControls();
  load().then(function (found) {
    if (found) {
      loadIntoEditor(state.ruleSet.activeVersion, "ACTIVE", state.ruleSet.drl);
      $("message").hidden = true;
    }
  });
})();
