/* forcepages: small helpers Material for MkDocs expects on every page, in an external file so the
   site runs under Content-Security-Policy: script-src 'self' (no inline scripts, no eval).
   Storage keys are scoped to the site's root folder, worked out from this file's own address. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var scope = new URL(here ? "../" : ".", here || window.location.href);

  function key(name, where) { return (where || scope).pathname + "." + name; }

  window.__md_scope = scope;
  window.__md_hash = function (text) {
    var h = 0;
    for (var i = 0; i < text.length; i += 1) { h = ((h << 5) - h + text.charCodeAt(i)) | 0; }
    return h;
  };
  window.__md_get = function (name, storage, where) {
    try { return JSON.parse((storage || window.localStorage).getItem(key(name, where))); } catch (e) { return null; }
  };
  window.__md_set = function (name, value, storage, where) {
    try { (storage || window.localStorage).setItem(key(name, where), JSON.stringify(value)); } catch (e) { /* storage may be off */ }
  };

  /* Open a content tab named in the address (#__tabbed_...), as Material does inline. */
  document.addEventListener("DOMContentLoaded", function () {
    var id = window.location.hash.slice(1);
    var el = id ? document.getElementById(id) : null;
    if (el && el.name && el.name.indexOf("__tabbed_") === 0) { el.checked = true; }
  });
})();
