/*
 * EU–IOM cooperation in figures: auto-height for embedded charts.
 *
 * Include once on a page that embeds the dashboard with <iframe data-eu-iom-embed="ID" …>.
 * The embedded page posts {type: "eu-iom-dashboard:height", version: 1, id: "ID", height: N}
 * to its parent whenever its content height changes. This script accepts a message only if
 * it comes from the dashboard's origin (the origin this script was loaded from), from the
 * window of an iframe whose data-eu-iom-embed attribute equals the message's id, and carries
 * a finite height; it then sets that iframe's height. Everything else is ignored.
 * No dependencies, no cookies, no network requests.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, document.baseURI).origin;
  var flag = '__euIomEmbed:' + origin;
  if (window[flag]) return;
  window[flag] = true;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object') return;
    if (data.type !== 'eu-iom-dashboard:height' || data.version !== 1) return;
    if (typeof data.id !== 'string' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-eu-iom-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.getAttribute('data-eu-iom-embed') !== data.id || frame.contentWindow !== event.source) continue;
      var height = Math.max(50, Math.min(20000, Math.ceil(data.height)));
      frame.style.aspectRatio = 'auto';
      frame.style.minHeight = '0';
      frame.style.height = height + 'px';
    }
  });
})();
