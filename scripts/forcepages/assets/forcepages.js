/* forcepages chart loader: draws each chart from its JSON file when it scrolls into view.
   No inline scripts and no eval, so the site works under Content-Security-Policy: script-src 'self'. */
(function () {
  "use strict";
  var me = document.currentScript && document.currentScript.src;
  var plotlyUrl = me ? new URL("plotly-basic.min.js", me).href : "assets/plotly-basic.min.js";
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = plotlyUrl;
        s.async = true;
        s.onload = function () { resolve(window.Plotly); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function fail(el) {
    el.setAttribute("data-state", "failed");
    var p = el.querySelector(".fp-chart__fallback");
    if (p) { p.textContent = el.getAttribute("data-failed") || "The chart could not be drawn. The same figures are in the data table."; }
  }

  function draw(el) {
    if (el.getAttribute("data-state")) { return; }
    el.setAttribute("data-state", "loading");
    Promise.all([loadPlotly(), fetch(el.getAttribute("data-src")).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    })]).then(function (parts) {
      var Plotly = parts[0], fig = parts[1];
      var fallback = el.querySelector(".fp-chart__fallback");
      if (fallback) { fallback.remove(); }
      var name = (el.getAttribute("data-src") || "chart").split("/").pop().replace(/\.json$/, "");
      /* the words come from the page (data-png, data-svg) where it is not in English */
      var buttons = [["png", el.getAttribute("data-png") || "Download the chart as a PNG picture", Plotly.Icons.camera],
                     ["svg", el.getAttribute("data-svg") || "Download the chart as an SVG picture", Plotly.Icons.disk]].map(function (b) {
        return { name: b[1], title: b[1], icon: b[2], click: function (gd) { download(gd, b[0], name); } };
      });
      fig.layout.modebar = { color: "#505a5f", activecolor: "#0b0c0c", bgcolor: "#ffffff" };  /* 3:1 or more on white */
      return Plotly.newPlot(el, fig.data, fig.layout, {
        displaylogo: false, responsive: true, displayModeBar: true, scrollZoom: false, modeBarButtons: [buttons]
      }).then(function () { keyboardButtons(el); el.setAttribute("data-state", "drawn"); });
    }).catch(function () { fail(el); });
  }

  /* Save the chart as a picture. The PNG is drawn from Plotly's SVG (a data: address) on a canvas, as Plotly's own
     PNG export loads a blob: image, which a strict img-src policy blocks. */
  function save(url, filename) {
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function download(gd, format, name) {
    var size = gd._fullLayout ? { width: gd._fullLayout.width, height: gd._fullLayout.height } : {};
    return window.Plotly.toImage(gd, { format: "svg", width: size.width, height: size.height }).then(function (svg) {
      if (format === "svg") { save(svg, name + ".svg"); return; }
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = img.width * 2;
        canvas.height = img.height * 2;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        save(canvas.toDataURL("image/png"), name + ".png");
      };
      img.src = svg;
    });
  }

  /* Plotly's toolbar buttons are links without an address, which a keyboard cannot reach: make them buttons. */
  function keyboardButtons(el) {
    el.setAttribute("role", "group");
    Array.prototype.forEach.call(el.querySelectorAll("svg.main-svg"), function (svg) { svg.setAttribute("aria-hidden", "true"); });
    Array.prototype.forEach.call(el.querySelectorAll(".modebar-btn"), function (b) {
      b.setAttribute("role", "button");
      b.setAttribute("tabindex", "0");
      b.setAttribute("aria-label", b.getAttribute("data-title") || "Download");
      b.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); b.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
      });
    });
  }

  /* "Go to the data table" links open the table they lead to. */
  function openTables() {
    Array.prototype.forEach.call(document.querySelectorAll("a.fp-skip"), function (a) {
      a.addEventListener("click", function () {
        var t = document.getElementById(a.getAttribute("href").slice(1));
        if (t && t.tagName === "DETAILS") { t.open = true; }
      });
    });
  }

  function start() {
    openTables();
    var charts = Array.prototype.slice.call(document.querySelectorAll(".fp-chart[data-src]"));
    if (!charts.length) { return; }
    if (!("IntersectionObserver" in window)) { charts.forEach(draw); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { seen.unobserve(e.target); draw(e.target); }
      });
    }, { rootMargin: "200px 0px" });
    charts.forEach(function (el) { seen.observe(el); });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
