// The agent desk's few lines of script (no inline script: the CSP forbids it).
// Every htmx request carries the session's CSRF token; F2 / F3 are ready / pause.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (meta) { e.detail.headers['X-CSRF-Token'] = meta.content; }
  });
  var keys = { F2: 'btn-ready', F3: 'btn-pause' };
  document.addEventListener('keydown', function (e) {
    var id = keys[e.key];
    if (!id) { return; }
    var button = document.getElementById(id);
    if (button) { e.preventDefault(); button.click(); }
  });
}());
