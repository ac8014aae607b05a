// Resumable uploads for the submission form (protocol: docs/uploads.md). Each chosen file is announced,
// sent in chunks with its offset (a chunk that fails is retried from the offset the server reports),
// then the form is posted with the finished uploads' ids. Without JavaScript the form posts the files itself.
// While files are sent the Save button is disabled (a second submit is ignored, so it cannot restart them),
// leaving the page asks first, and the bar shows the bytes of all chosen files. Words come from the page.
(function () {
  var CHUNK = 8 * 1024 * 1024;
  var RETRIES = 5;

  function countdown(el) {
    var deadline = Number(el.dataset.countdown);
    var skew = Number(el.dataset.now) - Date.now(); // show server time, not the visitor's clock
    function tick() {
      var left = deadline - (Date.now() + skew);
      if (left <= 0) { el.textContent = ' · ' + el.dataset.labelClosed; return; }
      var s = Math.floor(left / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
      var format = d ? el.dataset.formatDays : el.dataset.format;
      el.textContent = ' · ' + el.dataset.labelLeft + ' ' + format.replace('{0}', d).replace('{1}', h).replace('{2}', m).replace('{3}', s % 60);
      setTimeout(tick, 1000);
    }
    tick();
  }
  document.querySelectorAll('[data-countdown]').forEach(countdown);

  var form = document.querySelector('form[data-upload-form]');
  if (!form) return;
  var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  var box = form.querySelector('[data-upload-progress]');
  var bar = box.querySelector('progress');
  var percent = box.querySelector('[data-upload-percent]');
  var label = box.querySelector('[data-upload-label]');
  var error = form.querySelector('[data-upload-error]');
  var saveButtons = form.querySelectorAll('button[type=submit]');
  var uploading = false;
  var sentBefore = 0, totalBytes = 0; // bytes of the files already sent, and of all chosen files

  function warnBeforeLeaving(event) { event.preventDefault(); event.returnValue = ''; }

  function busy(on) {
    uploading = on;
    saveButtons.forEach(function (button) { button.disabled = on; });
    if (on) window.addEventListener('beforeunload', warnBeforeLeaving);
    else window.removeEventListener('beforeunload', warnBeforeLeaving);
  }

  function request(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('RequestVerificationToken', token);
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      if (onProgress) xhr.upload.onprogress = function (e) { onProgress(e.loaded); };
      xhr.onload = function () {
        var json = null;
        try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
        resolve({ status: xhr.status, json: json, offset: Number(xhr.getResponseHeader('Upload-Offset') || 0),
          retryAfter: Number(xhr.getResponseHeader('Retry-After') || 1) });
      };
      xhr.onerror = function () { reject(new Error('network')); };
      xhr.send(body);
    });
  }

  function show(done, total, name) {
    var file = total ? Math.floor(done * 100 / total) : 100;
    var overall = totalBytes ? Math.floor((sentBefore + done) * 100 / totalBytes) : 100;
    bar.value = overall;
    percent.textContent = box.dataset.format.replace('{0}', name).replace('{1}', file).replace('{2}', overall);
  }

  async function upload(file, kind) {
    var started = await request('POST', '/submissions/uploads', { 'Content-Type': 'application/json' },
      JSON.stringify({ roundId: Number(form.dataset.round), kind: kind, fileName: file.name, length: file.size }));
    if (started.status !== 201) throw new Error(started.json && started.json.error || started.status);
    var id = started.json.id, offset = 0, failures = 0;
    while (true) {
      var end = Math.min(offset + CHUNK, file.size);
      var base = offset;
      try {
        var sent = await request('PATCH', '/submissions/uploads/' + id,
          { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
          file.slice(offset, end), function (loaded) { show(base + loaded, file.size, file.name); });
        if (sent.status === 200) return id;
        if (sent.status === 204) { offset = sent.offset; failures = 0; continue; }
        if (sent.status === 409 || sent.status === 408) { offset = sent.offset; }
        else if (sent.status === 423) {
          // Another request (an earlier attempt still arriving) writes this upload: wait for it, then ask where to go on.
          await new Promise(function (done) { setTimeout(done, sent.retryAfter * 1000); });
          offset = (await request('HEAD', '/submissions/uploads/' + id, {}, null)).offset;
        }
        else throw new Error(sent.json && sent.json.error || sent.status);
      } catch (e) {
        if (e.message !== 'network') throw e;
        var head = await request('HEAD', '/submissions/uploads/' + id, {}, null);
        offset = head.offset;
      }
      if (++failures > RETRIES) throw new Error(file.name);
    }
  }

  form.addEventListener('submit', async function (event) {
    if (uploading) { event.preventDefault(); return; }
    var inputs = Array.prototype.filter.call(form.querySelectorAll('input[type=file][data-upload-kind]'), function (i) { return i.files.length > 0; });
    if (inputs.length === 0) return;
    event.preventDefault();
    busy(true);
    box.hidden = false;
    error.hidden = true;
    sentBefore = 0;
    totalBytes = 0;
    inputs.forEach(function (input) { Array.prototype.forEach.call(input.files, function (file) { totalBytes += file.size; }); });
    try {
      for (var i = 0; i < inputs.length; i++) {
        for (var f = 0; f < inputs[i].files.length; f++) {
          label.textContent = inputs[i].labels[0].textContent;
          var id = await upload(inputs[i].files[f], inputs[i].dataset.uploadKind);
          sentBefore += inputs[i].files[f].size;
          var hidden = document.createElement('input');
          hidden.type = 'hidden'; hidden.name = 'Input.UploadIds'; hidden.value = id;
          form.appendChild(hidden);
        }
        inputs[i].value = '';
      }
      busy(false);
      saveButtons.forEach(function (button) { button.disabled = true; }); // the form is on its way
      form.submit();
    } catch (e) {
      busy(false);
      error.textContent = e.message;
      error.hidden = false;
    }
  });
})();
