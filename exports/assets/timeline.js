/* Rawabit network view, after page.js: the time filter, and a node's dated facts in date order.
 * A statement's date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (evidence item 4); an edge is in a
 * time range when one of its statements' dates falls in it, a year counting as all its months. */
(function () {
  "use strict";
  var R = window.rawabit;
  if (!R) { return; }
  var data = R.data, edges = data.edges, el = R.el;
  var byId = function (id) { return document.getElementById(id); };

  function span(date) { return date.length === 4 ? [date + "-01", date + "-12"] : [date.slice(0, 7), date.slice(0, 7)]; }
  var spans = edges.map(function (e) {
    return e[4].filter(function (ev) { return ev[4]; }).map(function (ev) { return span(ev[4]); });
  });
  var first = null, last = null;
  spans.forEach(function (list) {
    list.forEach(function (s) {
      if (first === null || s[0] < first) { first = s[0]; }
      if (last === null || s[1] > last) { last = s[1]; }
    });
  });

  /* Every month from the first to the last, so the slider moves evenly through time. */
  var months = [];
  if (first !== null) {
    var y = +first.slice(0, 4), m = +first.slice(5, 7);
    for (;;) {
      var month = y + "-" + (m < 10 ? "0" : "") + m;
      months.push(month);
      if (month >= last || months.length > 2400) { break; }
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
  }

  var from = byId("rwb-time-from"), to = byId("rwb-time-to"), undated = byId("rwb-time-undated");
  var label = byId("rwb-time-range");
  var state = { from: 0, to: Math.max(0, months.length - 1), undated: true };

  function inRange(j) {
    var list = spans[j];
    if (!list.length) { return state.undated; }
    if (state.from === 0 && state.to === months.length - 1) { return true; }
    var lo = months[state.from], hi = months[state.to];
    return list.some(function (s) { return s[0] <= hi && s[1] >= lo; });
  }

  if (months.length) {
    byId("rwb-time").hidden = false;
    [from, to].forEach(function (input) { input.max = String(months.length - 1); });
    to.value = String(months.length - 1);
    var show = function () { label.textContent = months[state.from] + " – " + months[state.to]; };
    var moved = function (ev) {
      var a = +from.value, b = +to.value;
      if (a > b) { if (ev.target === from) { b = a; to.value = String(b); } else { a = b; from.value = String(a); } }
      state.from = a; state.to = b;
      show();
      R.refresh();
    };
    from.addEventListener("input", moved);
    to.addEventListener("input", moved);
    undated.addEventListener("change", function () { state.undated = undated.checked; R.refresh(); });
    show();
    R.addEdgeFilter(function (item) { return inRange(item.id); });
  }

  /* A node's dated facts, oldest first: the date, then the fact (a click shows its evidence). */
  R.addNodePanel(function (i, body) {
    var dated = [];
    edges.forEach(function (e, j) {
      if (e[0] !== i && e[1] !== i) { return; }
      var seen = {};
      e[4].forEach(function (ev) {
        if (ev[4] && !seen[ev[4]]) { seen[ev[4]] = true; dated.push([ev[4], j]); }
      });
    });
    if (!dated.length) { return; }
    dated.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
    body.appendChild(el("h3", "التسلسل الزمني (" + dated.length + ")"));
    var list = el("ol", null, { id: "rwb-timeline" });
    dated.forEach(function (d) {
      var li = R.factLine(d[1]);
      li.insertBefore(document.createTextNode(" · "), li.firstChild);
      li.insertBefore(el("span", d[0], { dir: "ltr", "class": "rwb-date" }), li.firstChild);
      li.setAttribute("data-date", d[0]);
      list.appendChild(li);
    });
    body.appendChild(list);
  });

  R.time = { months: months, state: state, inRange: inRange };
})();
