// The list of rule sets: each with its active version, who published it, when and why.
(function () {
  "use strict";

  var pages = window.RulePages;
  var root = document.getElementById("rule-sets");
  var body = document.querySelector("#rule-set-table tbody");
  var el = pages.el;

  function row(ruleSet) {
    var link = root.getAttribute("data-page") + "/" + encodeURIComponent(ruleSet.name);
    var pending = ruleSet.latestVersion > (ruleSet.activeVersion || 0);
    return el("tr", {"data-rule-set": ruleSet.name}, [
      el("td", {}, [
        el("a", {href: link, className: "rule-set-name", text: ruleSet.name}),
        ruleSet.description ? el("div", {className: "muted small", text: ruleSet.description}) : null
      ]),
      el("td", {className: "nowrap", text: ruleSet.activeVersion ? "version " + ruleSet.activeVersion : "none yet"}),
      el("td", {text: ruleSet.activeAuthor || "—"}),
      el("td", {className: "nowrap", text: pages.formatDate(ruleSet.activePublishedAt)}),
      el("td", {text: ruleSet.activeComment || ""}),
      el("td", {className: "nowrap"}, [
        el("a", {href: link + "#history-title",
          text: ruleSet.versionCount === 1 ? "1 version" : (ruleSet.versionCount || 0) + " versions"}),
        pending ? el("div", {}, [el("span", {className: "badge status-draft",
          text: "draft version " + ruleSet.latestVersion + " waiting"})]) : null
      ])
    ]);
  }

  pages.api("GET", root.getAttribute("data-api")).then(function (result) {
    if (!result.ok) {
      var problem = pages.failure(result);
      body.replaceChildren();
      pages.say(document.getElementById("list-message"), "error", problem.text, problem.details);
      return;
    }
    var rows = (result.data || []).map(row);
    if (!rows.length) {
      rows = [el("tr", {}, [el("td", {colspan: 6, className: "muted", text: "There are no rule sets yet."})])];
    }
    body.replaceChildren.apply(body, rows);
  });
})();
