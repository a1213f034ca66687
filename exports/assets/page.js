/* Rawabit network view: builds the vis-network from the JSON in #rwb-data.
 * Every string from the data reaches the page through textContent only. */
(function () {
  "use strict";
  var times = window.__rwbTimes = { start: performance.now() };
  var data = JSON.parse(document.getElementById("rwb-data").textContent);
  times.parsed = performance.now();
  var byId = function (id) { return document.getElementById(id); };

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    return e;
  }
  function en(text) { return el("span", text, { lang: "en", dir: "ltr" }); }

  /* Arabic-insensitive matching: no diacritics or tatweel, one alef, yaa, haa. */
  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F]/g;
  function normalise(text) {
    return String(text || "").normalize("NFKC").replace(MARKS, "")
      .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627")
      .replace(/\u0649/g, "\u064A").replace(/\u0626/g, "\u064A")
      .replace(/\u0629/g, "\u0647").replace(/\u0624/g, "\u0648")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  var classes = data.classes, relations = data.relations, statuses = data.statuses;
  var nodes = data.nodes, edges = data.edges;
  var incident = nodes.map(function () { return []; });
  edges.forEach(function (e, j) { incident[e[0]].push(j); if (e[1] !== e[0]) { incident[e[1]].push(j); } });
  var haystack = nodes.map(function (n) {
    return [n[1], n[2]].concat(n[7] || []).map(normalise).join("\u0001");
  });

  function edgeLabel(e) {
    var text = relations[e[2]][1];
    return e[3] === 0 ? text : text + " (" + statuses[e[3]][1] + ")";
  }

  /* Big graphs: vis-network would measure every label before the first drawing and again after
   * every data change; the page draws the labels of the nodes in view itself (drawLabels). */
  var nodeItems = nodes.map(function (n, i) {
    var item = { id: i, x: n[4], y: n[5], value: n[6] + 1, group: classes[n[3]][0] };
    if (!data.big) { item.label = n[1]; }
    return item;
  });
  var pairSeen = {};
  var edgeItems = edges.map(function (e, j) {
    var item = { id: j, from: e[0], to: e[1], rel: e[2], status: e[3] };
    if (data.edgeLabels) { item.label = edgeLabel(e); }
    if (e[3] !== 0) { item.dashes = [6, 5]; item.color = { color: "#c2410c", highlight: "#9a3412", hover: "#9a3412" }; }
    if (!data.big) {
      var key = Math.min(e[0], e[1]) + "," + Math.max(e[0], e[1]);
      var k = pairSeen[key] = (pairSeen[key] || 0) + 1;
      if (k > 1) {
        var flip = (k % 2 === 0) !== (e[0] > e[1]);
        item.smooth = { enabled: true, type: flip ? "curvedCW" : "curvedCCW", roundness: 0.3 * Math.ceil((k - 1) / 2) };
      }
    }
    return item;
  });

  var classOn = {}, relOn = {}, hideUnasserted = false, edgeFilters = [], nodePanels = [];
  classes.forEach(function (c) { classOn[c[0]] = true; });
  relations.forEach(function (r, i) { relOn[i] = true; });
  var nodeClass = nodes.map(function (n) { return classes[n[3]][0]; });

  if (data.big) { quietLabels(); }
  var nodesDS = new vis.DataSet(nodeItems);
  var edgesDS = new vis.DataSet(edgeItems);
  times.datasets = performance.now();
  var nodeView = new vis.DataView(nodesDS, { filter: function (n) { return classOn[n.group]; } });
  var edgeView = new vis.DataView(edgesDS, {
    filter: function (e) {
      return relOn[e.rel] && !(hideUnasserted && e.status !== 0) && classOn[nodeClass[e.from]] && classOn[nodeClass[e.to]]
        && edgeFilters.every(function (f) { return f(e); });
    }
  });

  var groups = {};
  classes.forEach(function (c) {
    groups[c[0]] = { shape: c[4], color: { background: c[3], border: "#1d232b", highlight: { background: c[3], border: "#000000" }, hover: { background: c[3], border: "#000000" } } };
  });
  var font = data.font;
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !data.big, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big, keyboard: false, multiselect: false, tooltipDelay: 3600000 },
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { face: font, size: 16, color: "#111827", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { min: 9, max: 32, label: { enabled: true, min: 16, max: 24, maxVisible: 30, drawThreshold: 7 } }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      smooth: false, width: 1.3, selectionWidth: 2, hoverWidth: 1,
      color: { color: "#7b8794", highlight: "#1d4ed8", hover: "#1d4ed8", inherit: false },
      font: { face: font, size: 14, color: "#374151", strokeWidth: 4, strokeColor: "#ffffff", align: "horizontal" }
    },
    groups: groups
  };
  var container = byId("rwb-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  times.network = performance.now();
  var fast = data.big && fastDrawing(network, [nodeView, edgeView]);
  if (data.big) { network.on("afterDrawing", drawLabels); }

  network.once("afterDrawing", function () {
    window.__rwbDrawnAt = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });

  /* Side panel */
  var title = byId("rwb-panel-title"), body = byId("rwb-panel-body"), hint = byId("rwb-panel-hint");
  function nodeName(i) { return nodes[i][1]; }
  function factLine(j) {
    var e = edges[j];
    var li = el("li", null, { "class": "rwb-fact", dir: "rtl", "data-edge": String(j) });
    li.appendChild(el("bdi", nodeName(e[0])));
    li.appendChild(document.createTextNode(" ← " + relations[e[2]][1] + " ← "));
    li.appendChild(el("bdi", nodeName(e[1])));
    if (e[3] !== 0) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "[" + statuses[e[3]][1] + "]", { "class": "rwb-status" })); }
    li.addEventListener("click", function () { network.selectEdges([j]); showEdge(j); });
    return li;
  }
  function showNode(i) {
    var n = nodes[i], c = classes[n[3]];
    title.textContent = n[1];
    hint.textContent = "";
    body.textContent = "";
    var meta = el("p", null, { "class": "rwb-meta" });
    meta.appendChild(el("span", c[1]));
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(en(c[2] + (n[2] ? " · " + n[2] : "")));
    body.appendChild(meta);
    if (n[7] && n[7].length) { body.appendChild(el("p", "أسماء أخرى: " + n[7].join("، "), { "class": "rwb-meta", dir: "rtl" })); }
    body.appendChild(el("p", n[0], { "class": "rwb-iri", dir: "ltr" }));
    var list = el("ul", null, { id: "rwb-facts" });
    incident[i].forEach(function (j) { list.appendChild(factLine(j)); });
    body.appendChild(el("h3", "الوقائع (" + incident[i].length + ")"));
    body.appendChild(list);
    nodePanels.forEach(function (add) { add(i, body); });
  }
  function showEdge(j) {
    var e = edges[j], r = relations[e[2]], s = statuses[e[3]];
    title.textContent = nodeName(e[0]) + " ← " + edgeLabel(e) + " ← " + nodeName(e[1]);
    hint.textContent = "";
    body.textContent = "";
    var meta = el("p", null, { "class": "rwb-meta" });
    meta.appendChild(en((nodes[e[0]][2] || nodes[e[0]][0]) + " — " + r[2] + " → " + (nodes[e[1]][2] || nodes[e[1]][0]) + " (" + s[2] + ")"));
    body.appendChild(meta);
    if (!e[4].length) { body.appendChild(el("p", "لا توجد جملة شاهدة — no evidence recorded", { "class": "rwb-meta" })); }
    e[4].forEach(function (ev) {
      var box = el("div", null, { "class": "rwb-evidence" });
      box.appendChild(el("blockquote", ev[0] || "—", { dir: "auto", "class": "rwb-sentence" }));
      var art = data.articles[ev[1]] || ["", ""];
      var where = el("div", null, { "class": "rwb-meta rwb-article" });
      where.appendChild(el("span", "المقال: "));
      where.appendChild(el("bdi", art[0] || "—"));
      if (art[2]) { where.appendChild(el("span", " · " + art[2].slice(0, 10), { dir: "ltr", "class": "rwb-date" })); }
      box.appendChild(where);
      var src = el("div", null, { "class": "rwb-meta" });
      if (art[1]) { src.appendChild(el("span", art[1], { dir: "ltr", "class": "rwb-path" })); }
      if (ev[3] >= 0) { src.appendChild(en(" · sentence " + ev[3])); }
      if (ev[4]) { src.appendChild(el("span", " · " + ev[4], { dir: "ltr", "class": "rwb-date" })); }
      box.appendChild(src);
      var conf = ev[2] === null ? "—" : ev[2].toFixed(2);
      var c = el("div", "الثقة: " + conf, { "class": "rwb-meta rwb-confidence" });
      c.appendChild(document.createTextNode(" "));
      c.appendChild(en("confidence " + conf));
      box.appendChild(c);
      body.appendChild(box);
    });
  }
  function clearPanel() { title.textContent = "اختر عقدة أو علاقة"; body.textContent = ""; }

  /* Hover tooltip (English names) */
  var tip = byId("rwb-tooltip");
  function showTip(point, parts) {
    tip.textContent = "";
    tip.appendChild(el("bdi", parts[0]));
    tip.appendChild(document.createTextNode(" "));
    tip.appendChild(en(parts[1]));
    tip.style.left = (container.offsetLeft + point.x + 14) + "px";
    tip.style.top = (container.offsetTop + point.y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverEdge", function (p) {
    var e = edges[p.edge];
    showTip(p.pointer.DOM, [edgeLabel(e), relations[e[2]][2] + (e[3] ? " (" + statuses[e[3]][2] + ")" : "")]);
  });
  network.on("hoverNode", function (p) {
    var n = nodes[p.node];
    showTip(p.pointer.DOM, [n[1], (n[2] ? n[2] + " · " : "") + classes[n[3]][2]]);
  });
  ["blurEdge", "blurNode", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, function () { tip.hidden = true; }); });

  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showEdge(p.edges[0]); } else { clearPanel(); }
  });

  /* Filters */
  function counts() {
    byId("rwb-counts").textContent = nodeView.length + " / " + nodes.length + " nodes · " + edgeView.length + " / " + edges.length + " edges";
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); counts(); }
  function checkbox(text, english, count, glyph, onChange) {
    var li = el("li"), label = el("label", null, { "class": "rwb-check" });
    var box = el("input", null, { type: "checkbox" });
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    label.appendChild(box);
    if (glyph) { label.appendChild(glyph); }
    label.appendChild(el("span", text));
    label.appendChild(en(english));
    label.appendChild(el("span", "(" + count + ")", { "class": "rwb-count", dir: "ltr" }));
    li.appendChild(label);
    return li;
  }
  var perClass = classes.map(function () { return 0; });
  nodes.forEach(function (n) { perClass[n[3]] += 1; });
  var legend = byId("rwb-legend");
  classes.forEach(function (c, i) {
    if (!perClass[i]) { return; }
    var glyph = el("span", c[5], { "class": "rwb-glyph", "aria-hidden": "true" });
    glyph.style.color = c[3];
    var li = checkbox(c[1], c[2], perClass[i], glyph, function (on) { classOn[c[0]] = on; });
    li.setAttribute("data-class", c[0]);
    legend.appendChild(li);
  });
  var perRel = relations.map(function () { return 0; });
  edges.forEach(function (e) { perRel[e[2]] += 1; });
  var relList = byId("rwb-relations");
  relations.forEach(function (r, i) {
    var li = checkbox(r[1], r[2], perRel[i], null, function (on) { relOn[i] = on; });
    li.setAttribute("data-relation", r[0]);
    relList.appendChild(li);
  });
  function setAllRelations(on) {
    relations.forEach(function (r, i) { relOn[i] = on; });
    relList.querySelectorAll("input").forEach(function (b) { b.checked = on; });
    refresh();
  }
  byId("rwb-rel-all").addEventListener("click", function () { setAllRelations(true); });
  byId("rwb-rel-none").addEventListener("click", function () { setAllRelations(false); });
  byId("rwb-hide-unasserted").addEventListener("change", function (ev) { hideUnasserted = ev.target.checked; refresh(); });
  counts();

  /* Search */
  var input = byId("rwb-search"), results = byId("rwb-results");
  function search(query) {
    var q = normalise(query);
    if (!q) { return []; }
    var hits = [];
    for (var i = 0; i < nodes.length; i++) {
      var at = haystack[i].indexOf(q);
      if (at >= 0) { hits.push([at === 0 ? 0 : 1, -nodes[i][6], i]); }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.slice(0, 20).map(function (h) { return h[2]; });
  }
  function selectNode(i) {
    var c = nodeClass[i];
    if (!classOn[c]) {
      classOn[c] = true;
      var box = legend.querySelector('li[data-class="' + c + '"] input');
      if (box) { box.checked = true; }
      refresh();
    }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: false });
    showNode(i);
  }
  function showResults() {
    results.textContent = "";
    search(input.value).forEach(function (i) {
      var li = el("li"), b = el("button", null, { type: "button", "data-node": String(i) });
      b.appendChild(el("bdi", nodes[i][1]));
      b.appendChild(document.createTextNode(" "));
      b.appendChild(en((nodes[i][2] ? nodes[i][2] + " · " : "") + classes[nodes[i][3]][2]));
      b.addEventListener("click", function () { selectNode(i); results.textContent = ""; });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var first = search(input.value); if (first.length) { selectNode(first[0]); results.textContent = ""; } }
    if (ev.key === "Escape") { results.textContent = ""; }
  });


  /* ---- Big graphs (data.big): the same picture, drawn in batches ----
   * vis-network 9.1.2 (pyvis's copy) draws every node and arrow with its own canvas save/restore
   * and edge by edge, about a second per frame for 5,000 nodes and 20,000 edges, and recomputes
   * the fonts of every node and edge after each data change. Below: items without a label get no
   * font work (the page draws node labels itself, drawLabels), and the renderer draws all nodes,
   * edges and arrows in view, unselected, as one path per style into bitmaps kept until the view
   * or the data change; selected ones are drawn by vis-network between them. Each patch checks
   * that what it wraps exists, else vis-network's code runs. */
  function quiet(proto, skip) {
    var update = proto.updateLabelModule;
    if (typeof update !== "function" || update.rwbQuiet) { return; }
    proto.updateLabelModule = function (opts) {
      return skip(this, opts) ? undefined : update.apply(this, arguments);
    };
    proto.updateLabelModule.rwbQuiet = true;
  }
  function quietLabels() {
    var probe = document.createElement("div"), net;
    try {
      net = new vis.Network(probe, { nodes: [{ id: 0 }, { id: 1 }], edges: [{ id: 0, from: 0, to: 1 }] },
        { physics: { enabled: false }, layout: { improvedLayout: false } });
      /* Edges: no label, no font of their own: the fonts are never used. */
      quiet(Object.getPrototypeOf(net.body.edges[0]), function (edge, opts) {
        return edge.options.label === undefined && edge.labelModule && !(opts && opts.font);
      });
      /* Nodes without a label: only what the method does besides fonts, i.e. apply the group's
       * colour and shape to the node's own options (the page draws their labels, drawLabels). */
      var node = Object.getPrototypeOf(net.body.nodes[0]), Node = node.constructor;
      if (typeof Node.updateGroupOptions === "function") {
        quiet(node, function (n, opts) {
          var label = n.options.label;
          if ((label !== undefined && label !== null && label !== "") || (opts && (opts.label !== undefined || opts.font))) { return false; }
          if (opts) { Node.updateGroupOptions(n.options, Object.assign({}, opts, { color: opts.color || n._localColor || undefined }), n.grouplist); }
          n.options.label = undefined;
          return true;
        });
      }
    } catch (err) { /* keep vis-network's behaviour */ }
    if (net) { net.destroy(); }
  }

  var SHAPES = {
    dot: function (c, x, y, r) { c.moveTo(x + r, y); c.arc(x, y, r, 0, 2 * Math.PI); },
    square: function (c, x, y, r) { c.rect(x - r, y - r, 2 * r, 2 * r); },
    diamond: function (c, x, y, r) { c.moveTo(x, y + r); c.lineTo(x + r, y); c.lineTo(x, y - r); c.lineTo(x - r, y); c.closePath(); },
    triangle: function (c, x, y, r) { tri(c, x, y, r, 1); },
    triangleDown: function (c, x, y, r) { tri(c, x, y, r, -1); },
    star: function (c, x, y, r) {
      r *= 0.82; y += 0.1 * r;
      for (var k = 0; k < 10; k++) {
        var q = k % 2 === 0 ? 1.3 * r : 0.5 * r, a = 2 * k * Math.PI / 10;
        c[k ? "lineTo" : "moveTo"](x + q * Math.sin(a), y - q * Math.cos(a));
      }
      c.closePath();
    },
    hexagon: function (c, x, y, r) {
      c.moveTo(x + r, y);
      for (var k = 1; k < 6; k++) { c.lineTo(x + r * Math.cos(Math.PI / 3 * k), y + r * Math.sin(Math.PI / 3 * k)); }
      c.closePath();
    }
  };
  function tri(c, x, y, r, dir) {  /* vis-network's triangle (dir 1) and triangleDown (dir -1) */
    r *= 1.15; y += dir * 0.275 * r;
    var s2 = r, ir = Math.sqrt(3) / 6 * 2 * r, h = Math.sqrt(4 * r * r - r * r);
    c.moveTo(x, y - dir * (h - ir)); c.lineTo(x + s2, y + dir * ir); c.lineTo(x - s2, y + dir * ir); c.closePath();
  }
  function viewBox(canvas, margin) {
    var a = canvas.DOMtoCanvas({ x: -margin, y: -margin });
    var b = canvas.DOMtoCanvas({ x: canvas.frame.canvas.clientWidth + margin, y: canvas.frame.canvas.clientHeight + margin });
    return { left: a.x, top: a.y, right: b.x, bottom: b.y };
  }
  function inBox(box, x, y, r) { return x + r >= box.left && x - r <= box.right && y + r >= box.top && y - r <= box.bottom; }
  /* Skia fills and strokes one path of thousands of parts in seconds, of 64 parts in no time. */
  function inChunks(ctx, items, add, paint) {
    for (var i = 0; i < items.length; i += 64) {
      ctx.beginPath();
      for (var j = i; j < Math.min(i + 64, items.length); j++) { add(items[j]); }
      paint();
    }
  }
  function batch(groups, key, make) {
    var g = groups[key];
    if (!g) { g = groups[key] = make(); g.items = []; groups.list.push(g); }
    return g.items;
  }

  function fastDrawing(net, views) {
    var R = net.renderer;
    if (!R || !R.canvas || !R.body || !R.body.view || typeof CanvasRenderingContext2D.prototype.getTransform !== "function"
        || ["_drawNodes", "_drawEdges", "_drawArrows"].some(function (k) { return typeof R[k] !== "function"; })) {
      return false;
    }
    var drawNodes = R._drawNodes;
    function straight(edge) {
      return edge.connected && edge.from && edge.to && edge.from !== edge.to
        && !(edge.options.smooth && edge.options.smooth.enabled) && !edge.options.hidden;
    }
    function drawable(node) {
      var o = node.options;
      return SHAPES[o.shape] && !o.hidden && (o.label === undefined || o.label === "");
    }

    /* The base layer: every drawable node, straight edge and its arrow in view, unselected style. */
    function baseNodes(body, canvas, ctx) {
      var all = body.nodes, ids = body.nodeIndices, scale = body.view.scale;
      var box = viewBox(canvas, 20), groups = { list: [] };
      for (var i = 0; i < ids.length; i++) {
        var node = all[ids[i]], o = node.options;
        if (!drawable(node)) { continue; }
        if (node.rwbX !== node.x || node.rwbY !== node.y || node.rwbSize !== o.size) {
          /* What vis-network's drawing does: size and place the shape (clicks are matched against it). */
          var shape = node.shape;
          node.resize(ctx);
          node.updateBoundingBox(ctx);
          shape.left = node.x - shape.width / 2;
          shape.top = node.y - shape.height / 2;
          node.rwbX = node.x; node.rwbY = node.y; node.rwbSize = o.size;
        }
        if (!inBox(box, node.x, node.y, 1.5 * o.size)) { continue; }
        var line = Math.min(node.shape.width || 2 * o.size, o.borderWidth / scale);
        var key = o.shape + "|" + o.color.background + "|" + o.color.border + "|" + Math.round(line * 8);
        batch(groups, key, function () { return { path: SHAPES[o.shape], fill: o.color.background, stroke: o.color.border, line: line }; }).push(node);
      }
      groups.list.forEach(function (g) {
        ctx.fillStyle = g.fill;
        ctx.lineWidth = g.line;
        ctx.strokeStyle = g.stroke;
        inChunks(ctx, g.items, function (n) { g.path(ctx, n.x, n.y, n.options.size); }, function () {
          ctx.fill();
          if (g.line > 0) { ctx.stroke(); }
        });
      });
    }
    function baseEdges(body, canvas, ctx) {
      var all = body.edges, ids = body.edgeIndices, box = viewBox(canvas, 0), groups = { list: [] };
      for (var i = 0; i < ids.length; i++) {
        var e = all[ids[i]];
        if (!straight(e)) { continue; }
        var a = e.from, b = e.to;
        if (Math.max(a.x, b.x) < box.left || Math.min(a.x, b.x) > box.right || Math.max(a.y, b.y) < box.top || Math.min(a.y, b.y) > box.bottom) { continue; }
        var c = e.options.color, key = c.color + "|" + c.opacity + "|" + e.options.width + "|" + e.options.dashes;
        batch(groups, key, function () { return { edge: e }; }).push(e);
      }
      /* Dashed (not asserted, a tenth or so) under the rest, as interleaved drawing mostly leaves them. */
      groups.list.sort(function (x, y) { return !!y.edge.options.dashes - !!x.edge.options.dashes; });
      groups.list.forEach(function (g) {
        var values = plainly(g.edge, function () { return g.edge.getFormattingValues(); });
        if (values.hidden) { return; }
        ctx.save();
        ctx.strokeStyle = plainly(g.edge, function () { return g.edge.edgeType.getColor(ctx, values); });
        ctx.lineWidth = values.width;
        if (values.dashes !== false) { ctx.lineCap = "round"; ctx.setLineDash(Array.isArray(values.dashes) ? values.dashes : [5, 5]); }
        inChunks(ctx, g.items, function (e) { ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); }, function () { ctx.stroke(); });
        ctx.restore();
      });
    }
    function baseArrows(body, canvas, ctx) {
      var all = body.edges, ids = body.edgeIndices, scale = body.view.scale, box = viewBox(canvas, 20), groups = { list: [] };
      for (var i = 0; i < ids.length; i++) {
        var e = all[ids[i]], arrow = e.options.arrows && e.options.arrows.to;
        if (!straight(e) || !arrow || !arrow.enabled || !inBox(box, e.to.x, e.to.y, 0)) { continue; }
        var length = 15 * (arrow.scaleFactor || 1) + 3 * e.options.width;
        if (length * scale >= 6) { plainly(e, function () { e.drawArrows(ctx); }); continue; }
        /* Under 6 pixels long: a triangle at the target's radius, in one path per colour. */
        var c = e.options.color;
        batch(groups, c.color + "|" + c.opacity, function () { return { edge: e, length: length }; }).push(e);
      }
      groups.list.forEach(function (g) {
        ctx.fillStyle = plainly(g.edge, function () { return g.edge.edgeType.getColor(ctx, g.edge.getFormattingValues()); });
        inChunks(ctx, g.items, function (edge) {
          var a = edge.from, b = edge.to, dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
          var ux = dx / d, uy = dy / d, r = b.options.size, L = g.length;
          var tx = b.x - ux * r, ty = b.y - uy * r;
          ctx.moveTo(tx, ty);
          ctx.lineTo(tx - ux * L + uy * 0.3 * L, ty - uy * L - ux * 0.3 * L);
          ctx.lineTo(tx - ux * 0.9 * L, ty - uy * 0.9 * L);
          ctx.lineTo(tx - ux * L - uy * 0.3 * L, ty - uy * L + ux * 0.3 * L);
          ctx.closePath();
        }, function () { ctx.fill(); });
      });
    }
    /* Run f with the item drawn as unselected, not hovered. */
    function plainly(item, f) {
      var selected = item.selected, hover = item.hover;
      item.selected = false; item.hover = false;
      try { return f(); } finally { item.selected = selected; item.hover = hover; }
    }

    /* The base is kept as two bitmaps (edges; nodes and arrows) while the view, the canvas and the
     * data stay the same, so a selection or a panel only draws the selected items, in vis-network's
     * order: edges, selected edges, nodes, selected nodes, arrows of selected edges. */
    var layers = [document.createElement("canvas"), document.createElement("canvas")], layerKey = "", version = 0, based = false;
    function changed() { version += 1; }
    views.forEach(function (v) { ["add", "update", "remove"].forEach(function (ev) { v.on(ev, changed); }); });
    ["dragging", "dragEnd", "resize"].forEach(function (ev) { net.on(ev, changed); });
    net.on("beforeDrawing", function () { based = false; });
    function blit(ctx, layer) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(layer, 0, 0);
      ctx.restore();
    }

    R._drawEdges = function (ctx) {
      var body = this.body, view = body.view, frame = this.canvas.frame.canvas, canvas = this.canvas;
      var key = [view.scale, view.translation.x, view.translation.y, frame.width, frame.height, version].join(",");
      if (key !== layerKey) {
        layers.forEach(function (layer, k) {
          if (layer.width !== frame.width || layer.height !== frame.height) { layer.width = frame.width; layer.height = frame.height; }
          var lc = layer.getContext("2d");
          lc.setTransform(1, 0, 0, 1, 0, 0);
          lc.clearRect(0, 0, layer.width, layer.height);
          lc.setTransform(ctx.getTransform());
          if (k === 0) { baseEdges(body, canvas, lc); } else { baseNodes(body, canvas, lc); baseArrows(body, canvas, lc); }
        });
        layerKey = key;
      }
      blit(ctx, layers[0]);
      based = true;
      var all = body.edges, ids = body.edgeIndices;
      for (var i = 0; i < ids.length; i++) {
        var e = all[ids[i]];
        if (e.connected && (!straight(e) || e.selected || e.hover)) { e.draw(ctx); }
      }
    };
    R._drawNodes = function (ctx, alwaysShow) {
      if (alwaysShow === true) { return drawNodes.apply(this, arguments); }
      if (based) { blit(ctx, layers[1]); } else { baseNodes(this.body, this.canvas, ctx); }  /* else edges hidden (drag, zoom) */
      var all = this.body.nodes, ids = this.body.nodeIndices, labels = [];
      for (var i = 0; i < ids.length; i++) {
        var n = all[ids[i]];
        if (n.selected || n.hover || !drawable(n)) {
          var drawn = n.draw(ctx);
          if (drawn && drawn.drawExternalLabel) { labels.push(drawn.drawExternalLabel); }
        }
      }
      return { drawExternalLabels: function () { labels.forEach(function (f) { f(); }); } };
    };
    R._drawArrows = function (ctx) {
      var all = this.body.edges, ids = this.body.edgeIndices;
      for (var i = 0; i < ids.length; i++) {
        var e = all[ids[i]];
        if (e.connected && (!straight(e) || e.selected || e.hover)) { e.drawArrows(ctx); }
      }
    };
    return true;
  }

  /* Labels of big graphs, drawn like vis-network's: below the node, white halo, only when at
   * least 7 px tall on screen (at most 30 px), the biggest nodes first, at most 600 a frame. */
  function drawLabels(ctx) {
    var body = network.body, scale = body.view.scale, box = viewBox(network.canvas, 40), todo = [];
    body.nodeIndices.forEach(function (id) {
      var n = body.nodes[id], size = n.options.font.size;
      if (size * scale < 7 || !inBox(box, n.x, n.y, n.options.size)) { return; }
      todo.push(n);
    });
    todo.sort(function (a, b) { return (b.selected - a.selected) || (b.options.size - a.options.size) || (a.id - b.id); });
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    todo.slice(0, 600).forEach(function (n) {
      var f = n.options.font, px = Math.min(f.size, 30 / scale);
      ctx.font = (n.selected ? "bold " : "") + px + "px " + f.face;
      var y = n.y + (n.shape.height || 2 * n.options.size) / 2 + 2 / scale;
      if (f.strokeWidth > 0) {
        ctx.lineWidth = f.strokeWidth * px / f.size;
        ctx.strokeStyle = f.strokeColor;
        ctx.strokeText(nodes[n.id][1], n.x, y);
      }
      ctx.fillStyle = f.color;
      ctx.fillText(nodes[n.id][1], n.x, y);
    });
    ctx.restore();
  }

  window.rawabit = {
    data: data, network: network, fast: fast, nodes: nodesDS, edges: edgesDS, nodeView: nodeView, edgeView: edgeView,
    normalise: normalise, search: search, selectNode: selectNode, showNode: showNode, showEdge: showEdge,
    factLine: factLine, refresh: refresh, el: el, en: en,
    addEdgeFilter: function (f) { edgeFilters.push(f); },     /* f(edge item) -> keep it? */
    addNodePanel: function (f) { nodePanels.push(f); }        /* f(node index, panel body) adds to the panel */
  };
  if (data.focus >= 0) { selectNode(data.focus); }
  times.ready = performance.now();
})();
