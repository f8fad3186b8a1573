// The agent desk's ticket form: the cascading area pickers (district → street → community → grid, from the tree
// the server put in data-areas) and its keyboard shortcuts. No inline script: the CSP forbids it.
(function () {
  'use strict';
  var LEVELS = ['area-district', 'area-street', 'area-community', 'area-grid'];

  function fill(select, nodes, wanted) {
    while (select.options.length > 1) { select.remove(1); }
    (nodes || []).forEach(function (n) {
      var o = document.createElement('option');
      o.value = n.n; o.textContent = n.n; o.selected = n.n === wanted;
      select.appendChild(o);
    });
  }

  function childrenOf(tree, depth) {
    var nodes = tree;
    for (var i = 0; i < depth; i++) {
      var value = document.getElementById(LEVELS[i]).value;
      var found = (nodes || []).filter(function (n) { return n.n === value; })[0];
      nodes = found ? found.c : [];
    }
    return nodes;
  }

  function setUp(form) {
    var tree = JSON.parse(form.getAttribute('data-areas') || '[]');
    function refresh(from, keepWanted) {
      for (var d = from + 1; d < LEVELS.length; d++) {
        var select = document.getElementById(LEVELS[d]);
        fill(select, childrenOf(tree, d), keepWanted ? select.getAttribute('data-value') : '');
      }
    }
    LEVELS.forEach(function (id, depth) {
      document.getElementById(id).addEventListener('change', function () { refresh(depth, false); });
    });
    refresh(0, true);
  }

  htmx.onLoad(function (root) {
    var form = root.id === 'ticket-form' ? root : root.querySelector && root.querySelector('#ticket-form');
    if (form && !form.hasAttribute('data-ready')) {
      form.setAttribute('data-ready', '');
      setUp(form);
    }
  });

  // A picked service clears the search list; Alt+S searches, Alt+D dispatches, Alt+A answers, Alt+T transfers.
  document.body.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target.id === 'chosen-service') {
      var results = document.getElementById('service-results');
      if (results) { results.innerHTML = ''; }
    }
  });
  var keys = { s: 'service-search', d: 'btn-dispatch', a: 'btn-answer', t: 'btn-transfer' };
  document.addEventListener('keydown', function (e) {
    if (e.key === 'F4') {
      var hangup = document.getElementById('btn-hangup');
      if (hangup) { e.preventDefault(); hangup.click(); }
      return;
    }
    if (!e.altKey || !keys[e.key]) { return; }
    var el = document.getElementById(keys[e.key]);
    if (!el) { return; }
    e.preventDefault();
    if (el.tagName === 'INPUT') { el.focus(); } else { el.click(); }
  });
}());

// Time in state and the after-call countdown on the state bar (data-since / data-until are epoch milliseconds).
(function () {
  'use strict';
  function mmss(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var m = Math.floor(s / 60);
    return (m < 10 ? '0' : '') + m + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
  }
  function tick() {
    var bar = document.getElementById('statebar');
    if (!bar) { return; }
    var now = Date.now();
    var since = Number(bar.getAttribute('data-since') || now);
    var until = Number(bar.getAttribute('data-until') || 0);
    var shown = document.getElementById('state-since');
    if (shown) { shown.textContent = mmss(now - since); }
    var countdown = document.getElementById('state-countdown');
    if (countdown && until > 0) {
      countdown.textContent = until > now ? '剩余 ' + mmss(until - now) : '整理超时 ' + mmss(now - until);
      countdown.classList.toggle('overdue', until <= now);
    }
  }
  setInterval(tick, 1000);
  document.body.addEventListener('htmx:afterSwap', tick);
  document.addEventListener('DOMContentLoaded', tick);
}());
