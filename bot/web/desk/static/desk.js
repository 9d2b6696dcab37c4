// Faro desk: small conveniences only; every page works without this file.
(function () {
  "use strict";
  // The language selector applies at once (its button stays for browsers without JS).
  var language = document.getElementById("language");
  if (language && language.form) {
    language.addEventListener("change", function () { language.form.submit(); });
    var apply = language.form.querySelector("button");
    if (apply) { apply.hidden = true; }
  }

  // On a request's page: notice new messages from the person without reloading by hand.
  // The poll returns only counts (no text, no names); the page itself is reloaded (and
  // audited as a view) when something changed and the caseworker is not typing.
  var box = document.getElementById("request");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-activity");
  var seen = parseInt(box.getAttribute("data-messages"), 10) || 0;
  var status = box.getAttribute("data-status");
  var news = document.getElementById("news");

  function typing() {
    var fields = document.querySelectorAll("textarea");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value.trim() !== "" || document.activeElement === fields[i]) { return true; }
    }
    return false;
  }

  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        if (data.messages !== seen || data.status !== status) {
          if (typing()) { if (news) { news.hidden = false; } }
          else { window.location.reload(); return; }
        }
        window.setTimeout(poll, 4000);
      })
      .catch(function () { window.setTimeout(poll, 15000); });
  }
  window.setTimeout(poll, 4000);
})();
