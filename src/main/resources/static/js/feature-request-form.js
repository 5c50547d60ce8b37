// Account page, "Log a feature request": as the account manager types, open requests of the same area with a
// similar title are offered; picking one links the new request to it instead of opening a second review.
(function () {
  "use strict";
  var form = document.querySelector("form.feature-request-form");
  if (!form) {
    return;
  }
  var title = form.querySelector("#fr-title");
  var area = form.querySelector("#fr-area");
  var list = form.querySelector("#fr-similar");
  var timer = null;
  var asked = 0;

  function money(amount) {
    return "$" + Math.round(Number(amount)).toLocaleString("en-US");
  }

  function option(value, text, checked) {
    var label = document.createElement("label");
    label.className = "similar-choice";
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "duplicateOf";
    radio.value = value;
    radio.checked = checked;
    label.appendChild(radio);
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }

  function show(similar) {
    list.textContent = "";
    if (similar.length === 0) {
      list.hidden = true;
      return;
    }
    var heading = document.createElement("p");
    heading.textContent = "Open requests that look the same: link yours to one of them instead of opening a new review.";
    list.appendChild(heading);
    similar.forEach(function (s) {
      var accounts = s.requestingAccounts === 1 ? " account" : " accounts";
      var choice = option(s.id, "Same as \u201c" + s.title + "\u201d (" + money(s.arrAtStake) + " ARR at stake, "
          + s.requestingAccounts + accounts + ")", false);
      choice.setAttribute("data-similar", s.id);
      list.appendChild(choice);
    });
    list.appendChild(option("", "None of these: open a new request", true));
    list.hidden = false;
  }

  function ask() {
    var text = title.value.trim();
    if (text.length < 3) {
      show([]);
      return;
    }
    var mine = ++asked;
    var query = "title=" + encodeURIComponent(text.slice(0, 200))
        + (area.value ? "&productArea=" + encodeURIComponent(area.value) : "");
    fetch("/api/feature-requests/similar?" + query, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (similar) {
          if (mine === asked) {
            show(similar);
          }
        })
        .catch(function () { show([]); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  }

  title.addEventListener("input", later);
  area.addEventListener("change", ask);
})();
