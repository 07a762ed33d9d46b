/* forcepages: re-apply the colour scheme a reader chose earlier (saved by Material's palette toggle).
   Runs where Material's inline palette script would run, just after the header, from an external file. */
(function () {
  "use strict";
  var saved = window.__md_get ? window.__md_get("__palette") : null;
  if (!saved || !saved.color || !document.body) { return; }
  var colour = saved.color;
  if (colour.media === "(prefers-color-scheme)") {
    var light = window.matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
    if (input) {
      colour.media = input.getAttribute("data-md-color-media");
      colour.scheme = input.getAttribute("data-md-color-scheme");
      colour.primary = input.getAttribute("data-md-color-primary");
      colour.accent = input.getAttribute("data-md-color-accent");
    }
  }
  Object.keys(colour).forEach(function (name) { document.body.setAttribute("data-md-color-" + name, colour[name]); });
})();
