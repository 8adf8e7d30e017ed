// Suggestions under a search box while the reader types; each suggestion is a link to its page.
// Progressive enhancement: without this script the box is an ordinary GET search form.
//
// Configured on the input, so the header search and the people directory share one script:
//   data-autocomplete-url      the JSON endpoint, answering {"results": [{"url": …, …}]}  (required)
//   data-autocomplete-title    the result field that names the page (default "title")
//   data-autocomplete-details  result fields shown under the name, space-separated (optional)
//   data-autocomplete-status   what a screen reader hears, with {count} (e.g. "{count} suggestions below…")
// The suggestions go into the [data-autocomplete-results] element beside the input, made if missing.
(function () {
  "use strict";
  if (!window.fetch) { return; }

  function field(result, name) {
    var value = result[name];
    return value === undefined || value === null ? "" : String(value);
  }

  function enhance(input) {
    var endpoint = input.getAttribute("data-autocomplete-url");
    var titleField = input.getAttribute("data-autocomplete-title") || "title";
    var detailFields = (input.getAttribute("data-autocomplete-details") || "").split(/\s+/).filter(Boolean);
    var container = input.parentNode;
    var box = container.querySelector("[data-autocomplete-results]");
    if (!box) {
      box = document.createElement("div");
      box.className = "autocomplete";
      box.setAttribute("data-autocomplete-results", "");
      box.hidden = true;
      input.insertAdjacentElement("afterend", box);
    }
    box.id = box.id || input.id + "-suggestions";
    input.setAttribute("aria-controls", box.id);
    // A polite live region, present from the start so that its changes are announced. Not role="status":
    // every page has the header box, and the page's own status messages should stay the only ones.
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.id = input.id + "-status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    box.insertAdjacentElement("afterend", status);
    var timer = null;
    var lastQuery = "";

    function links() { return Array.prototype.slice.call(box.querySelectorAll("a")); }

    function clear() {
      box.hidden = true;
      box.textContent = "";
      lastQuery = "";
    }

    function render(results) {
      box.textContent = "";
      results = results.filter(function (result) { return result.url; });
      if (!results.length) {
        clear();
        status.textContent = "";
        return;
      }
      var list = document.createElement("ul");
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = field(result, titleField);
        var details = detailFields.map(function (name) { return field(result, name); }).filter(Boolean).join(", ");
        if (details) {
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = details;
          link.appendChild(meta);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      box.appendChild(list);
      box.hidden = false;
      var message = input.getAttribute("data-autocomplete-status");
      status.textContent = message ? message.replace("{count}", results.length) : String(results.length);
    }

    function lookup() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { clear(); return; }
      var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        // Only the answer to what is in the box now: a slower earlier answer must not replace it.
        .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
        .catch(clear);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { clear(); }
      if (event.key === "ArrowDown" && !box.hidden && links().length) {
        event.preventDefault();
        links()[0].focus();
      }
    });
    box.addEventListener("keydown", function (event) {
      var all = links();
      var index = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && index < all.length - 1) { event.preventDefault(); all[index + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? all[index - 1] : input).focus(); }
      if (event.key === "Escape") { clear(); input.focus(); }
    });
    // Leaving the box and its suggestions, by Tab or by a click elsewhere, closes them.
    container.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && next !== input && !box.contains(next)) { clear(); }
    });
    document.addEventListener("click", function (event) {
      if (event.target !== input && !box.contains(event.target)) { clear(); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete-url]"), enhance);
})();
