// Keeps the score form's weighted total current while the judge types. The server already rendered the total of
// the saved scores, so without JavaScript the page is right after each save; this only adds the live update.
// Same formula as ScoreValidation.WeightedTotal on the server: each score as a share of its maximum, weighted,
// divided by the sum of weights, on a 0-100 scale, rounded to 4 then shown with 2 decimals (halves away from zero).
(function () {
  var box = document.querySelector('[data-live-total]');
  if (!box) return;
  var form = box.closest('form');
  var output = box.querySelector('#live-total');
  var note = box.querySelector('#live-total-note');
  if (!form || !output) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll('input[data-weight][data-max]'));
  var plainNumber = /^\d+(\.\d{1,2})?$/;

  function round(value, digits) {
    var factor = Math.pow(10, digits);
    // The epsilon keeps binary fractions such as 28.499999... from rounding the wrong way.
    return Math.round(value * factor + 1e-7) / factor;
  }

  function render() {
    var weights = 0, sum = 0, missing = 0, invalid = false;
    inputs.forEach(function (input) {
      var weight = parseFloat(input.getAttribute('data-weight'));
      var max = parseFloat(input.getAttribute('data-max'));
      weights += weight;
      var text = input.value.trim();
      if (text === '') { missing++; return; }
      var value = parseFloat(text);
      if (!plainNumber.test(text) || value > max) { invalid = true; return; }
      sum += weight * value / max;
    });
    if (invalid) {
      output.textContent = '—';
      if (note) note.textContent = box.getAttribute('data-invalid') || '';
      return;
    }
    if (weights <= 0 || missing === inputs.length) {
      output.textContent = '—';
      if (note) note.textContent = '';
      return;
    }
    output.textContent = round(round(100 * sum / weights, 4), 2).toFixed(2);
    if (note) note.textContent = missing > 0 ? (box.getAttribute('data-missing') || '').replace('{0}', missing) : '';
  }

  inputs.forEach(function (input) { input.addEventListener('input', render); });
  render();
})();
