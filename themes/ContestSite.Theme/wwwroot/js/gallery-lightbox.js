// The screenshot viewer of a gallery entry. Each thumbnail is a link to its largest size, so without
// JavaScript the links are the gallery; with it a link opens a modal <dialog> instead: the arrow keys
// (and the buttons) go to the previous and next screenshot, Escape or Close shuts it, and focus goes
// back to the thumbnail it came from. Sizes come from the stylesheet: the policy allows no inline style.
(function () {
  document.querySelectorAll('[data-lightbox]').forEach(function (list) {
    var dialog = document.getElementById(list.getAttribute('data-lightbox'));
    if (!dialog || typeof dialog.showModal !== 'function') return;
    var links = Array.prototype.slice.call(list.querySelectorAll('a.shot-link'));
    var image = dialog.querySelector('img');
    var caption = dialog.querySelector('figcaption');
    var current = 0;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumbnail = link.querySelector('img');
      image.src = link.getAttribute('href');
      image.alt = thumbnail ? thumbnail.alt : '';
      caption.textContent = image.alt;
    }

    links.forEach(function (link, index) {
      link.addEventListener('click', function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        show(index);
        dialog.showModal();
      });
    });
    dialog.querySelectorAll('[data-step]').forEach(function (button) {
      button.addEventListener('click', function () { show(current + Number(button.getAttribute('data-step'))); });
    });
    dialog.querySelector('[data-close]').addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowRight') { event.preventDefault(); show(current + 1); }
      if (event.key === 'ArrowLeft') { event.preventDefault(); show(current - 1); }
    });
    // A click on the backdrop (the dialog itself, outside its content) closes it too.
    dialog.addEventListener('click', function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener('close', function () { links[current].focus(); });
  });
})();
