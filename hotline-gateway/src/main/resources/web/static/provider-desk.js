// The provider desks' countdowns (no inline script: the CSP forbids it). Every element with data-deadline (epoch
// millis) shows the time left, refreshed each second; boards swapped in by SSE or htmx are picked up as they come.
(function () {
  'use strict';
  function left(ms) {
    if (ms <= 0) { return '已超时'; }
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    s = s % 60;
    return '剩余 ' + (h > 0 ? h + ' 小时 ' : '') + m + ' 分 ' + (s < 10 ? '0' : '') + s + ' 秒';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var d = parseInt(el.getAttribute('data-deadline'), 10);
      if (d > 0) {
        el.textContent = left(d - now);
        el.classList.toggle('late', d - now < 60000);
      }
    });
  }
  tick();
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);
  // A live board replaces the cards: what the person was typing (a note, a reason) is carried over by element id.
  // A chosen photo cannot be set by script: the file input itself is moved into the new board.
  var typed = {}, chosen = {};
  document.addEventListener('htmx:sseBeforeMessage', function () {
    typed = {};
    chosen = {};
    document.querySelectorAll('#board textarea[id], #board input[id], #board select[id]').forEach(function (el) {
      if (el.type === 'file') {
        if (el.files && el.files.length > 0) { chosen[el.id] = el; }
      } else {
        typed[el.id] = el.value;
      }
    });
  });
  document.addEventListener('htmx:sseMessage', function () {
    Object.keys(typed).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && typed[id] !== '' && el.value !== typed[id]) { el.value = typed[id]; }
    });
    Object.keys(chosen).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && el !== chosen[id]) { el.replaceWith(chosen[id]); }
    });
  });
  document.addEventListener('htmx:sseMessage', function () { setTimeout(tick, 0); });
}());
