// Syntax highlighting for Drools rule files (DRL) in CodeMirror 5, as a "simple mode".
(function (CodeMirror) {
  "use strict";

  var keywords = ["rule", "when", "then", "end", "salience", "no-loop", "package", "import", "modify", "insert",
    "insertLogical", "retract", "delete", "update", "not", "exists", "and", "or", "eval", "from", "function",
    "global", "query", "declare", "extends", "forall", "accumulate", "collect", "over", "entry-point", "dialect",
    "agenda-group", "activation-group", "ruleflow-group", "lock-on-active", "auto-focus", "enabled",
    "date-effective", "date-expires", "duration", "timer", "attributes", "matches", "contains", "memberOf",
    "soundslike", "in", "str", "this", "new", "return", "if", "else", "static"];
  var atoms = ["true", "false", "null"];

  function words(list) {
    // longest first, so "no-loop" is not read as "no" and "insertLogical" not as "insert"
    var sorted = list.slice().sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?:" + sorted.map(function (w) { return w.replace(/-/g, "\\-"); }).join("|") + ")(?![\\w-])");
  }

  CodeMirror.defineSimpleMode("drl", {
    start: [
      {regex: /\/\/.*/, token: "comment"},
      {regex: /\/\*/, token: "comment", next: "comment"},
      {regex: /"(?:[^\\"]|\\.)*?(?:"|$)/, token: "string"},
      {regex: /'(?:[^\\']|\\.)*?(?:'|$)/, token: "string"},
      {regex: /(?:0x[\da-f]+|\d+(?:\.\d+)?(?:e[-+]?\d+)?)[lfdbi]?/i, token: "number"},
      {regex: words(atoms), token: "atom"},
      {regex: words(keywords), token: "keyword"},
      {regex: /\$[\w$]*/, token: "variable-2"},
      {regex: /[A-Z][\w$]*/, token: "variable-3"},
      {regex: /[a-z_][\w$]*/i, token: "variable"},
      {regex: /[-+\/*=<>!&|%:]+/, token: "operator"},
      {regex: /[{[(]/, indent: true},
      {regex: /[}\])]/, dedent: true}
    ],
    comment: [
      {regex: /.*?\*\//, token: "comment", next: "start"},
      {regex: /.*/, token: "comment"}
    ],
    meta: {
      lineComment: "//",
      blockCommentStart: "/*",
      blockCommentEnd: "*/",
      dontIndentStates: ["comment"]
    }
  });

  CodeMirror.defineMIME("text/x-drl", "drl");
})(CodeMirror);
