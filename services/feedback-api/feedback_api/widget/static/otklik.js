/* Otklik portal widget: an accessible rating form posted to feedback-api with a publishable key.
   <div data-otklik-widget data-key="otk_..." data-service="UUID" data-channel="regional_portal"
        data-stage="result" data-touchpoint="UUID"></div>
   <script src="https://OTKLIK/widget/v1/otklik.js" async></script> */
(function () {
  "use strict";
  var script = document.currentScript;
  var api = script ? new URL(script.src).origin : "";
  var LABELS = ["", "очень плохо", "плохо", "удовлетворительно", "хорошо", "отлично"];
  var ERRORS = {
    403: "Этот сайт не может отправлять отзывы через виджет.",
    422: "Проверьте оценку и комментарий.",
    429: "Слишком много отзывов с вашего адреса. Попробуйте через минуту.",
  };
  var STYLE =
    ".otklik-w{font:16px/1.4 system-ui,sans-serif;color:#102a43;max-width:28rem}" +
    ".otklik-w fieldset{border:1px solid #829ab1;border-radius:6px;padding:.75rem}" +
    ".otklik-w legend{font-weight:700;padding:0 .25rem}" +
    ".otklik-w .otklik-stars{display:flex;gap:.25rem;flex-wrap:wrap}" +
    ".otklik-w .otklik-stars label{display:flex;flex-direction:column;align-items:center;" +
    "min-width:3rem;padding:.25rem;border:1px solid #829ab1;border-radius:4px;cursor:pointer}" +
    ".otklik-w input:focus-visible,.otklik-w textarea:focus-visible,.otklik-w button:focus-visible" +
    "{outline:3px solid #0b57d0;outline-offset:2px}" +
    ".otklik-w textarea{width:100%;box-sizing:border-box;min-height:4rem;font:inherit}" +
    ".otklik-w button{margin-top:.5rem;padding:.5rem 1rem;font:inherit;color:#fff;" +
    "background:#0b57d0;border:0;border-radius:4px;cursor:pointer}" +
    ".otklik-w [role=status]{margin-top:.5rem}";
  var count = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return String(Date.now()) + "-" + String(Math.random()).slice(2);
  }

  function render(host) {
    var id = "otklik-w-" + ++count;
    var data = host.dataset;
    var form = el("form", { "class": "otklik-w", novalidate: "" });
    var set = el("fieldset");
    set.appendChild(el("legend", {}, data.title || "Оцените качество услуги"));
    var stars = el("div", { "class": "otklik-stars", role: "radiogroup", "aria-required": "true" });
    for (var score = 1; score <= 5; score++) {
      var label = el("label", { "for": id + "-r" + score });
      var input = el("input", { type: "radio", name: "rating", value: String(score), id: id + "-r" + score });
      label.appendChild(input);
      label.appendChild(el("span", {}, score + " — " + LABELS[score]));
      stars.appendChild(label);
    }
    set.appendChild(stars);
    set.appendChild(el("label", { "for": id + "-c" }, "Комментарий (необязательно)"));
    set.appendChild(el("textarea", { id: id + "-c", name: "comment", maxlength: "2000" }));
    set.appendChild(el("button", { type: "submit" }, "Отправить отзыв"));
    var status = el("div", { role: "status", "aria-live": "polite" });
    set.appendChild(status);
    form.appendChild(set);
    var key = uuid();

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name=rating]:checked");
      if (!chosen) { status.textContent = "Выберите оценку от 1 до 5."; return; }
      var body = {
        channel: data.channel || "regional_portal",
        rating: Number(chosen.value),
        occurred_at: new Date().toISOString(),
      };
      var comment = form.querySelector("textarea").value.trim();
      if (comment) { body.comment = comment; }
      if (data.service) { body.service_id = data.service; }
      if (data.agency) { body.agency_id = data.agency; }
      if (data.stage) { body.stage = data.stage; }
      if (data.touchpoint) { body.touchpoint_id = data.touchpoint; }
      status.textContent = "Отправляем…";
      fetch(api + "/api/v1/feedback", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { "Content-Type": "application/json", "X-API-Key": data.key, "Idempotency-Key": key },
        body: JSON.stringify(body),
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.ok) {
            form.dataset.otklikSent = "true";
            set.replaceChildren(el("p", { role: "status" },
              "Спасибо! " + (answer.message || "Ваш отзыв принят.")));
          } else {
            status.textContent = ERRORS[response.status] || "Не удалось отправить отзыв. Попробуйте позже.";
          }
        });
      }).catch(function () {
        status.textContent = "Не удалось отправить отзыв: нет связи с сервисом.";
        form.dataset.otklikFailed = "true";
      });
    });
    host.replaceChildren(form);
  }

  function start() {
    if (!document.getElementById("otklik-w-style")) {
      var style = el("style", { id: "otklik-w-style" });
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    document.querySelectorAll("[data-otklik-widget]").forEach(render);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
