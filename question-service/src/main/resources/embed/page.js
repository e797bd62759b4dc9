(function () {
  var last = 0;
  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last && window.parent !== window) {
      last = height;
      window.parent.postMessage({ type: 'prepline:height', height: height, title: document.title }, '*');
    }
  }
  new ResizeObserver(post).observe(document.body);
  window.addEventListener('load', post);
})();
