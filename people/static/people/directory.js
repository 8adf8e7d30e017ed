// Suggestions while typing in the directory search. Without JavaScript the form is an ordinary GET search.
(function () {
  "use strict";
  var input = document.querySelector("[data-autocomplete-url]");
  if (!input || !window.fetch) return;
  var box = input.parentNode.querySelector("[data-autocomplete-results]");
  var timer = null;
  var lastQuery = "";
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  box.parentNode.appendChild(status);

  function clear() {
    box.hidden = true;
    box.textContent = "";
  }

  function render(results) {
    box.textContent = "";
    if (!results.length) {
      clear();
      status.textContent = "";
      return;
    }
    var list = document.createElement("ul");
    results.forEach(function (person) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = person.url;
      link.textContent = person.name;
      var details = [person.job_title, person.organisation].filter(Boolean).join(", ");
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
    status.textContent = input.dataset.suggestionsLabel ? input.dataset.suggestionsLabel.replace("{count}", results.length) : String(results.length);
  }

  function lookup() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 2) {
      clear();
      return;
    }
    var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === query) render(data.results || []); })
      .catch(clear);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clear();
    if (event.key === "ArrowDown" && !box.hidden) {
      var first = box.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  box.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(box.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? links[index - 1] : input).focus(); }
    if (event.key === "Escape") { clear(); input.focus(); }
  });
})();
