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
});
