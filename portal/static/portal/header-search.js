// Suggests page titles under the header search box as the reader types.
// Progressive enhancement: without this script the box is an ordinary GET form.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var endpoint = input.getAttribute("data-suggest-url");
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { list.innerHTML = ""; return; }
    timer = window.setTimeout(function () {
      var ticket = ++latest;
      fetch(endpoint + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== latest) { return; }
          list.innerHTML = "";
          (data.results || []).forEach(function (result) {
            var option = document.createElement("option");
            option.value = result.title;
            list.appendChild(option);
          });
        })
        .catch(function () { list.innerHTML = ""; });
    }, 200);
  });
})();
