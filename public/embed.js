/*
 * Isnad embed loader: include once on a page that embeds the explorer in iframes.
 *   <iframe src="https://example.org/isnad/?embed=1&view=timeline" title="Isnad" style="width:100%;border:0"></iframe>
 *   <script src="https://example.org/isnad/embed.js" async></script>
 * It sizes every iframe whose src points at the explorer (same origin and path as this script) to
 * its content's height. With data-isnad-follow="hash" on an iframe, the frame's view is kept in the
 * host page's URL hash, so the host's links and Back button reach the embedded view too.
 * Messages are accepted only from those frames' windows and origin, and only in the documented shape.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src);
  var origin = base.origin;
  var VERSION = 1;
  var HASH_KEY = 'isnad=';

  function frames() {
    return Array.prototype.filter.call(document.querySelectorAll('iframe[src]'), function (f) {
      try {
        var u = new URL(f.src, location.href);
        return u.origin === origin && u.pathname.indexOf(base.pathname) === 0;
      } catch (e) {
        return false;
      }
    });
  }

  function frameOf(source) {
    var all = frames();
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === source) return all[i];
    return null;
  }

  function isSearch(s) {
    return typeof s === 'string' && s.length <= 4000 && (s === '' || s.charAt(0) === '?') && !/[\u0000-\u001F\u007F]/.test(s);
  }

  function hashSearch() {
    var h = location.hash.slice(1);
    if (h.indexOf(HASH_KEY) !== 0) return null;
    try {
      var s = decodeURIComponent(h.slice(HASH_KEY.length));
      return isSearch(s) ? s : null;
    } catch (e) {
      return null;
    }
  }

  function navigate(frame, search) {
    frame.contentWindow.postMessage({ type: 'isnad:navigate', version: VERSION, search: search }, origin);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var frame = frameOf(event.source);
    var data = event.data;
    if (!frame || !data || typeof data !== 'object' || data.version !== VERSION || typeof data.type !== 'string') return;
    var follow = frame.getAttribute('data-isnad-follow') === 'hash';
    if (data.type === 'isnad:height') {
      var h = data.height;
      if (typeof h === 'number' && isFinite(h) && h >= 0 && h <= 100000) frame.style.height = Math.ceil(h) + 'px';
    } else if (data.type === 'isnad:ready') {
      var wanted = follow && hashSearch();
      if (wanted !== null && wanted !== false) navigate(frame, wanted);
    } else if (data.type === 'isnad:state' && follow && isSearch(data.search)) {
      var next = '#' + HASH_KEY + encodeURIComponent(data.search.replace(/(^|[?&])embed=1(&|$)/, '$1').replace(/[?&]$/, ''));
      if (location.hash !== next) history.replaceState(history.state, '', next);
    }
  });

  window.addEventListener('hashchange', function () {
    var s = hashSearch();
    if (s === null) return;
    frames().forEach(function (f) {
      if (f.getAttribute('data-isnad-follow') === 'hash')
        navigate(f, s.indexOf('embed=1') >= 0 ? s : (s ? s + '&' : '?') + 'embed=1');
    });
  });
})();
