// Autosave for "Share a learning": the form works without this (its "Save draft" button); this only
// saves a few seconds after typing stops and says so in the form's live region.
(function () {
  "use strict";
  var DELAY = 3000;

  function start(form) {
    var status = form.querySelector("[data-autosave-status]");
    var timer = null;
    var busy = false;
    var again = false;
    // A "Save draft" or "Submit" pressed while an autosave is on its way: sent when that save has answered.
    // The first autosave creates the draft; the form sent before its answer would have created a second one.
    var waiting = false;
    var submitter = null;

    function say(text) {
      if (status) status.textContent = text;
    }

    function save() {
      if (busy) { again = true; return; }
      busy = true;
      say(form.dataset.saving);
      var data = new FormData(form);
      data.delete("action");
      fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
      })
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          say(answer.message || "");
          if (answer.saved && answer.autosave_url) {
            // The first save created the draft: from now on the form and its saves go to that draft.
            form.dataset.autosaveUrl = answer.autosave_url;
            form.action = answer.edit_url;
            if (window.history && window.location.pathname !== answer.edit_url) {
              window.history.replaceState(null, "", answer.edit_url);
            }
          }
        })
        .catch(function () { say(form.dataset.failed); })
        .finally(function () {
          busy = false;
          if (waiting) {
            waiting = false;
            again = false;
            form.requestSubmit(submitter);
          } else if (again) { again = false; save(); }
        });
    }

    function changed() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      window.clearTimeout(timer);
      if (busy) {
        event.preventDefault();
        waiting = true;
        submitter = event.submitter || null;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.learning-form[data-autosave-url]").forEach(start);
  });
})();
