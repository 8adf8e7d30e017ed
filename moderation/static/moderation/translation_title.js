// wagtail-localize's translation editor writes the heading "<source> to <target> translation" in
// English, in its own bundle, out of reach of gettext. Erfa's template hands over the translated
// heading; this replaces the English one once the editor has drawn it.
(function () {
    "use strict";
    var holder = document.getElementById("erfa-translation-title");
    if (!holder) {
        return;
    }
    var english = holder.dataset.english;
    var translated = holder.dataset.translated;
    function replace() {
        var headings = document.querySelectorAll("section h3");
        for (var i = 0; i < headings.length; i++) {
            if (headings[i].textContent === english) {
                headings[i].textContent = translated;
            }
        }
    }
    replace();
    new MutationObserver(replace).observe(document.body, { childList: true, subtree: true });
})();
