// Typeahead for inputs with data-suggest: fills the input's <datalist> with titles as one types.
// Without JavaScript the search form works the same, only without suggestions.
(function () {
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var timer = null, last = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 1 || typed === last) return;
        last = typed;
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (item) {
              var option = document.createElement('option');
              option.value = item.title;
              return option;
            }));
          })
          .catch(function () { });
      }, 150);
    });
  });
})();
