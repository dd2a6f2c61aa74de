// Progressive enhancement only: every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  document.querySelectorAll("form.js-once").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button && !button.disabled) {
        // a second tap must not send the form twice (the server would keep one anyway)
        window.setTimeout(function () { button.disabled = true; button.textContent = "Отправляем…"; }, 0);
      }
    });
  });
});
