// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // An error summary takes focus, so a screen reader reads it and the keyboard starts from it.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  // A search box that narrows a list in place (data-filter names the rows' container; rows carry data-search).
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var container = document.querySelector(input.getAttribute('data-filter'));
    input.addEventListener('input', function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      container.querySelectorAll('[data-search]').forEach(function (row) {
        var text = fold(row.getAttribute('data-search'));
        var checked = row.querySelector('input:checked');
        row.hidden = !checked && !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  });
});

// A list that refreshes itself never does so under the keyboard: while focus is inside it, the refresh waits.
document.addEventListener('htmx:beforeRequest', function (event) {
  var target = event.detail.elt;
  if (target.hasAttribute && target.hasAttribute('data-keep-focus') && target.contains(document.activeElement)) {
    event.preventDefault();
  }
});

function fold(text) {
  return (text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'dj');
}

// A document's form shows how much of the file is sent; without this file it is an ordinary form post.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.hasAttribute('data-upload') || !window.FormData) {
    return;
  }
  var file = form.querySelector('input[type=file]');
  if (!file || !file.files.length) {
    return; // the server says the file is missing
  }
  event.preventDefault();
  var progress = form.querySelector('progress');
  var xhr = new XMLHttpRequest();
  xhr.open('POST', form.action);
  xhr.upload.addEventListener('progress', function (e) {
    if (e.lengthComputable && progress) {
      progress.hidden = false;
      progress.value = Math.round(100 * e.loaded / e.total);
      progress.textContent = progress.value + ' %';
    }
  });
  xhr.addEventListener('load', function () { window.location.assign(xhr.responseURL || form.action); });
  xhr.addEventListener('error', function () { form.submit(); });
  xhr.send(new FormData(form));
});
