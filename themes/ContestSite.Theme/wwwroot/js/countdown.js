// Ticks the home page's countdown. The server already rendered the remaining time, so without
// JavaScript the page is right when loaded; this only keeps it current while it stays open.
// Time is counted from the server's clock (data-now), so a wrong clock on the visitor's computer
// does not change the deadline.
(function () {
  document.querySelectorAll('[data-countdown]').forEach(function (box) {
    var until = Date.parse(box.getAttribute('data-countdown'));
    var serverNow = Date.parse(box.getAttribute('data-now'));
    var format = box.getAttribute('data-format') || '{0} {1} {2}';
    var value = box.querySelector('.countdown-value');
    if (isNaN(until) || isNaN(serverNow) || !value) return;
    var skew = serverNow - Date.now();
    var timer = null;
    function render() {
      var left = Math.max(0, until - (Date.now() + skew));
      var minutes = Math.floor(left / 60000);
      var text = format.replace('{0}', Math.floor(minutes / 1440))
        .replace('{1}', Math.floor(minutes / 60) % 24)
        .replace('{2}', minutes % 60);
      if (value.textContent !== text) value.textContent = text;
      if (left === 0 && timer !== null) clearInterval(timer);
    }
    render();
    timer = setInterval(render, 1000);
  });
})();
