/* Prepline question embed: turns <div data-prepline-question="slug" data-key="pk_..."></div> into an iframe of the
   question that grows and shrinks with its content. Heights are taken only from Prepline's own frames. */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script.src).origin;

  function mount(host) {
    var slug = host.getAttribute('data-prepline-question');
    if (!slug || host.getAttribute('data-prepline-mounted')) {
      return;
    }
    var key = host.getAttribute('data-key');
    var frame = document.createElement('iframe');
    frame.src = origin + '/embed/v1/questions/' + encodeURIComponent(slug) + (key ? '?key=' + encodeURIComponent(key) : '');
    frame.title = 'Interview question from Prepline';
    frame.style.cssText = 'display:block;width:100%;max-width:100%;height:480px;border:0;';
    host.setAttribute('data-prepline-mounted', 'true');
    host.appendChild(frame);
  }

  function resize(event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'prepline:height') {
      return;
    }
    var frames = document.querySelectorAll('[data-prepline-question] > iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Number(data.height);
        if (height > 0 && height < 100000) {
          frames[i].style.height = Math.ceil(height) + 'px';
        }
        if (typeof data.title === 'string' && data.title) {
          frames[i].title = data.title.slice(0, 200);
        }
      }
    }
  }

  function mountAll() {
    var hosts = document.querySelectorAll('[data-prepline-question]');
    for (var i = 0; i < hosts.length; i++) {
      mount(hosts[i]);
    }
  }

  window.addEventListener('message', resize);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
