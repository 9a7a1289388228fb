/* realpolitik web app: event details, the dyad chart and the network graph.
   All data comes from <script type="application/json"> blocks rendered by the
   server; text is only ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";

  function readData(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function segment(value) { return encodeURIComponent(String(value)); }

  var QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function actorText(code, name, text) {
    if (!code) { return "—"; }
    var words = code;
    if (name && name !== code) { words += " · " + name; }
    if (text && text !== name) { words += " (“" + text + "”)"; }
    return words;
  }

  function money(quantities) {
    if (!quantities || !quantities.length) { return "—"; }
    return quantities.map(function (q) {
      var value = typeof q.value === "number" ? q.value.toLocaleString("en-US") : "";
      return (q.text || value) + (q.currency ? " " + q.currency : "");
    }).join("; ");
  }

  function showEvent(panel, event) {
    var fields = {
      code: event.cameo + (event.plover ? " · PLOVER " + event.plover : ""),
      label: event.label || "—",
      source: actorText(event.source_code, event.source_name, event.source_text),
      target: actorText(event.target_code, event.target_name, event.target_text),
      goldstein: event.goldstein === null ? "—" : (event.goldstein > 0 ? "+" : "") + event.goldstein.toFixed(1),
      quad: event.quad_class ? event.quad_class + " · " + QUADS[event.quad_class] : "—",
      mode: event.mode,
      date: (event.date || "—") + (event.date_text ? " (“" + event.date_text + "”)" : ""),
      attribution: event.attribution_text ? event.attribution_text + (event.attribution_anonymous ? " (anonymous)" : "") : "—",
      money: money(event.quantities),
      confidence: event.confidence === null ? "—" : event.confidence.toFixed(2)
    };
    Object.keys(fields).forEach(function (key) {
      var cell = panel.querySelector('[data-field="' + key + '"]');
      if (cell) { cell.textContent = fields[key]; }
    });
    panel.querySelector("dl").hidden = false;
    panel.querySelector("[data-empty]").hidden = true;
    document.querySelectorAll(".selected").forEach(function (node) { node.classList.remove("selected"); });
    document.querySelectorAll('[data-event="' + CSS.escape(event.event_id) + '"]').forEach(function (node) {
      node.classList.add("selected");
    });
  }

  function setupDocument() {
    var panel = document.getElementById("event-detail");
    var events = readData("events-data");
    if (!panel || !events) { return; }
    var byId = {};
    events.forEach(function (event) { byId[event.event_id] = event; });
    document.querySelectorAll("a.cue, tr[data-event]").forEach(function (node) {
      node.addEventListener("click", function (click) {
        var event = byId[node.getAttribute("data-event")];
        if (!event) { return; }
        if (node.tagName === "A") { click.preventDefault(); }
        showEvent(panel, event);
      });
    });
    var selected = readData("selected-event");
    if (selected && byId[selected]) {
      showEvent(panel, byId[selected]);
      var cue = document.querySelector('a.cue[data-event="' + CSS.escape(selected) + '"]');
      if (cue) { cue.scrollIntoView({ block: "center" }); }
    }
  }

  function dyadSpec(points, width, format) {
    var middle = "(scale('x', datum.period) + scale('x', datum.next)) / 2";
    var when = "utcFormat(datum.period, '" + format + "')";
    var pointer = { value: "pointer" };
    function bars(field, colour) {
      return { type: "rect", from: { data: "points" }, encode: { update: {
        x: { scale: "x", field: "period", offset: 1 }, x2: { scale: "x", field: "next", offset: -1 },
        y: { scale: "count", value: 0 }, y2: { scale: "count", field: field },
        fill: { value: colour }, href: { field: "link" }, cursor: pointer,
        tooltip: { signal: "{'period': " + when + ", 'cooperation': datum.cooperation, 'conflict': datum.conflict}" }
      } } };
    }
    function label(text, y, colour) {
      return { type: "text", encode: { update: { x: { value: 0 }, y: { value: y }, text: { value: text },
        fill: { value: colour }, fontSize: { value: 12 }, fontWeight: { value: "bold" } } } };
    }
    return {
      $schema: "https://vega.github.io/schema/vega/v6.json",
      width: width, height: 370, padding: 5, autosize: "pad",
      data: [{ name: "points", values: points, format: { parse: { period: "date", next: "date" } },
        transform: [{ type: "formula", as: "conflict_down", expr: "-datum.conflict" }] }],
      scales: [
        { name: "x", type: "utc", range: "width",
          domain: { fields: [{ data: "points", field: "period" }, { data: "points", field: "next" }] } },
        { name: "tone", type: "linear", range: [190, 20], domain: [-10, 10] },
        { name: "count", type: "linear", range: [370, 240], nice: true, zero: true,
          domain: { data: "points", fields: ["cooperation", "conflict_down"] } }
      ],
      axes: [
        { orient: "left", scale: "tone", title: "mean Goldstein", tickCount: 5, grid: true, gridColor: "#eef0f4" },
        { orient: "left", scale: "count", title: "events", tickMinStep: 1, grid: true, gridColor: "#eef0f4",
          encode: { labels: { update: { text: { signal: "abs(datum.value)" } } } } },
        { orient: "bottom", scale: "x", format: format, formatType: "utc", labelOverlap: true }
      ],
      marks: [
        label("Mean Goldstein per period (asserted events)", 8, "#1f5fbf"),
        label("Cooperation (up) and conflict (down), events per period", 228, "#475467"),
        { type: "rule", encode: { update: { x: { value: 0 }, x2: { signal: "width" },
          y: { scale: "tone", value: 0 }, stroke: { value: "#98a2b3" } } } },
        { type: "line", from: { data: "points" }, encode: { update: {
          x: { signal: middle }, y: { scale: "tone", field: "goldstein_mean" },
          defined: { signal: "datum.goldstein_mean !== null" },
          stroke: { value: "#1f5fbf" }, strokeWidth: { value: 2 } } } },
        { type: "symbol", from: { data: "points" }, encode: { update: {
          x: { signal: middle }, y: { scale: "tone", field: "goldstein_mean" }, size: { value: 55 },
          fill: { value: "#1f5fbf" }, opacity: { signal: "datum.goldstein_mean === null ? 0 : 1" },
          href: { field: "link" }, cursor: pointer,
          tooltip: { signal: "{'period': " + when + ", 'mean Goldstein': format(datum.goldstein_mean, '+.2f'), 'Goldstein sum': format(datum.goldstein_sum, '+.1f'), 'events': datum.events}" }
        } } },
        bars("cooperation", "#1a7f4b"),
        bars("conflict_down", "#b42318")
      ]
    };
  }

  function setupDyadChart() {
    var holder = document.getElementById("dyad-chart");
    if (!holder || !window.vega) { return; }
    var points = readData(holder.getAttribute("data-source")) || [];
    if (!points.length) { holder.textContent = "No dated events in this period."; return; }
    var format = holder.getAttribute("data-by") === "month" ? "%b %Y" : "%d %b %Y";
    var width = Math.max(320, holder.clientWidth - 70);
    var view = new window.vega.View(window.vega.parse(dyadSpec(points, width, format)), {
      renderer: "svg", container: holder, hover: true
    });
    view.runAsync().catch(function (error) {
      holder.textContent = "The chart could not be drawn: " + error.message;
    });
  }

  function setupGraph() {
    var holder = document.getElementById("graph");
    if (!holder || typeof window.cytoscape !== "function") { return; }
    var data = readData(holder.getAttribute("data-source"));
    if (!data || !data.nodes.length) { holder.textContent = "No actors to draw."; return; }
    var level = holder.getAttribute("data-level") || "country";
    var most = Math.max.apply(null, data.nodes.map(function (n) { return n.events; }));
    var busiest = Math.max.apply(null, data.edges.map(function (e) { return e.events; }).concat([1]));
    var elements = data.nodes.map(function (node) {
      return { data: { id: node.id, label: node.label, size: 14 + 36 * Math.sqrt(node.events / most) } };
    }).concat(data.edges.map(function (edge, index) {
      return { data: { id: "edge" + index, source: edge.source, target: edge.target,
        width: 1 + 5 * edge.events / busiest, color: edge.sign > 0 ? "#1a7f4b" : (edge.sign < 0 ? "#b42318" : "#98a2b3") } };
    }));
    var graph = window.cytoscape({
      container: holder,
      elements: elements,
      maxZoom: 1.5,
      minZoom: 0.2,
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
          "background-color": "#1f5fbf", color: "#1d2430", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", opacity: 0.6,
          "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "data(color)", "arrow-scale": 0.7 } },
        { selector: ":selected", style: { "background-color": "#e08a2e", "line-color": "#e08a2e" } }
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false, padding: 30 }
    });
    graph.on("tap", "node", function (tap) {
      window.location.href = "/actors/" + segment(tap.target.id()) + "?level=" + segment(level);
    });
    graph.on("tap", "edge", function (tap) {
      var edge = tap.target;
      window.location.href = "/dyads/" + segment(edge.source().id()) + "/" + segment(edge.target().id()) + "?level=" + segment(level);
    });
  }

  setupDocument();
  setupDyadChart();
  setupGraph();
})();
