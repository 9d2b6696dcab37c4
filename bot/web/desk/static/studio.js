// Faro studio: live counts against the phone's limits, a preview, and a publish that
// refreshes itself while it runs. Every page works without this file.
(function () {
  "use strict";
  var item = document.getElementById("studio-item");
  if (item) {
    var footer = item.getAttribute("data-footer") || "";
    var preview = document.getElementById("preview");
    var fields = item.querySelectorAll("[data-limit]");
    var update = function () {
      for (var i = 0; i < fields.length; i++) {
        var field = fields[i];
        var limit = parseInt(field.getAttribute("data-limit"), 10);
        var length = field.value.trim().length;
        if (field.getAttribute("data-with-footer")) { length += 2 + footer.length; }
        if (field.getAttribute("data-with-answer")) {
          // A city paragraph goes out joined to the answer: the message is both.
          length += 2 + document.getElementById("answer").value.trim().length;
        }
        var out = item.querySelector('[data-count="' + field.id + '"]');
        if (!out) { continue; }
        out.textContent = length + " / " + limit;
        var over = length > limit;
        out.className = over ? "count over" : "count";
        field.setAttribute("aria-invalid", over ? "true" : "false");
        if (over) { out.textContent += " — " + item.getAttribute("data-too-long"); }
      }
      var answer = document.getElementById("answer");
      if (preview && answer) { preview.textContent = answer.value.trim() + "\n\n" + footer; }
    };
    for (var j = 0; j < fields.length; j++) { fields[j].addEventListener("input", update); }
    update();
  }
  var publishes = document.getElementById("publishes");
  if (publishes && publishes.getAttribute("data-running") === "1") {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
