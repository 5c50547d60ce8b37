// The rule template behind a table, on the rule code page (rule developers only): load the active version's
// template, save an edited one as a draft. Testing, simulating and publishing it happen on the table page.
(function () {
  "use strict";

  var panel = document.getElementById("template-panel");
  var main = document.getElementById("rule-editor");
  if (!panel || !main) { return; }
  var base = main.getAttribute("data-api");
  var editor = document.getElementById("template-editor");
  var badge = document.getElementById("template-version");
  var message = document.getElementById("template-message");
  var latest = null;

  function meta(name) {
    var tag = document.querySelector("meta[name='" + name + "']");
    return tag ? tag.getAttribute("content") : null;
  }

  function say(text, kind, link) {
    message.hidden = false;
    message.className = "message " + (kind || "");
    message.textContent = text;
    if (link) {
      message.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      message.appendChild(a);
    }
  }

  function load() {
    fetch(base, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (ruleSet) {
        latest = ruleSet.latestVersion;
        badge.textContent = "template of version " + ruleSet.activeVersion + " (active)";
        return fetch(base + "/versions/" + ruleSet.activeVersion + "/template",
          {headers: {"Accept": "text/plain"}, credentials: "same-origin"});
      })
      .then(function (r) { return r.text(); })
      .then(function (text) { editor.value = text; })
      .catch(function () { say("The template could not be loaded; reload the page.", "error"); });
  }

  document.getElementById("save-template").addEventListener("click", function () {
    var headers = {"Accept": "application/json", "Content-Type": "application/json"};
    if (meta("_csrf_header")) { headers[meta("_csrf_header")] = meta("_csrf"); }
    var comment = document.getElementById("template-comment").value;
    fetch(base + "/versions", {
      method: "POST", headers: headers, credentials: "same-origin",
      body: JSON.stringify({template: editor.value, comment: comment, baseVersion: latest})
    }).then(function (r) {
      return r.json().then(function (data) { return {ok: r.ok, data: data}; }, function () { return {ok: r.ok, data: {}}; });
    }).then(function (answer) {
      if (answer.ok) {
        latest = answer.data.version;
        say("Saved as draft version " + answer.data.version + ". The active version keeps deciding until it is published.",
          "success", {href: panel.getAttribute("data-table-page"), text: "Test, simulate and publish it on the table page"});
      } else {
        var details = answer.data && answer.data.details && !answer.data.problems ? " " + answer.data.details.join("; ") : "";
        // problems name lines of the rules the template made of the active rows
        var problems = answer.data && answer.data.problems ? " In the rules made of the active rows: "
          + answer.data.problems.slice(0, 3).map(function (p) { return p.message; }).join("; ") : "";
        say((answer.data && answer.data.error ? answer.data.error : "The template was not saved.") + details + problems,
          "error");
      }
    }, function () { say("AccountFlow could not be reached; nothing was saved.", "error"); });
  });

  load();
})();
