/* The folding menu and filters panels (<details class="site-menu">, <details class="filters-panel">).
   erfa.css already shows their content on wide screens without JavaScript; this keeps their open state in
   step with what is shown, so assistive technology hears "expanded" where everything is in view, and folds
   them again when the screen becomes narrow. */
(function () {
    "use strict";
    var panels = [
        { selector: ".site-menu", query: window.matchMedia("(min-width: 60rem)") },
        { selector: ".filters-panel", query: window.matchMedia("(min-width: 64rem)") },
    ];
    panels.forEach(function (panel) {
        function apply() {
            document.querySelectorAll(panel.selector).forEach(function (details) {
                var summary = details.querySelector(":scope > summary");
                details.open = panel.query.matches;
                // On a wide screen the summary is a title, not a button to press.
                if (summary) {
                    if (panel.query.matches) summary.setAttribute("tabindex", "-1");
                    else summary.removeAttribute("tabindex");
                }
            });
        }
        apply();
        panel.query.addEventListener("change", apply);
        // Escape folds an open panel on a narrow screen and returns focus to its button, as a menu button does.
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || panel.query.matches) return;
            document.querySelectorAll(panel.selector + "[open]").forEach(function (details) {
                var summary = details.querySelector(":scope > summary");
                details.open = false;
                if (summary && details.contains(document.activeElement)) summary.focus();
            });
        });
    });
})();
