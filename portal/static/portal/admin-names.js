/* Accessible names for admin inputs that Wagtail and wagtail-localize draw without one (WCAG 4.1.2).
   Added on every admin page by portal/wagtail_hooks.py; it only adds aria-labelledby or aria-label where
   no name exists, so a fix upstream makes it a no-op.
   - Draftail's editable box: Wagtail's <label> points at the hidden input holding the value; the box is
     named by that label (or by its block's heading inside a StreamField).
   - A block placed directly in a StreamField (e.g. a CharBlock): named by the block's panel heading.
   - wagtail-localize's translation editor: the "upload a PO file" input, and its action menu's toggle,
     whose hidden name it writes in English ("More actions"): given the admin's own translation.
   - The header's navigation of buttons, which Wagtail's template names in English (aria-label="Actions"):
     given its own message "Actions" in the admin's language. */
(function () {
    "use strict";
    var script = document.currentScript;
    var uploadLabel = (script && script.getAttribute("data-upload-label")) || "";
    var moreActions = (script && script.getAttribute("data-more-actions")) || "";
    var actions = (script && script.getAttribute("data-actions")) || "";
    var counter = 0;

    function hasName(element) {
        return element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby") ||
            (element.labels && element.labels.length > 0);
    }

    function idOf(element) {
        if (!element.id) {
            counter += 1;
            element.id = "erfa-name-" + counter;
        }
        return element.id;
    }

    function headingOf(element) {
        var section = element.closest("section[aria-labelledby]");
        return section ? section.getAttribute("aria-labelledby") : null;
    }

    function nameAll() {
        document.querySelectorAll(".Draftail-Editor .public-DraftEditor-content").forEach(function (box) {
            if (hasName(box)) { return; }
            var field = box.closest(".w-field");
            var label = field ? field.querySelector(".w-field__label") : null;
            var labelledBy = label ? idOf(label) : headingOf(box);
            if (labelledBy) { box.setAttribute("aria-labelledby", labelledBy); }
        });
        document.querySelectorAll("[data-streamfield-child] input:not([type=hidden]), [data-streamfield-child] textarea, [data-streamfield-child] select").forEach(function (input) {
            if (hasName(input)) { return; }
            var labelledBy = headingOf(input);
            if (labelledBy) { input.setAttribute("aria-labelledby", labelledBy); }
        });
        if (moreActions) {
            document.querySelectorAll(".js-translation-editor .w-sr-only").forEach(function (hidden) {
                // The text node itself changes, not the element's children: React keeps drawing into it,
                // and the observer below (child lists only) is not woken again.
                var text = hidden.firstChild;
                if (text && text.nodeType === Node.TEXT_NODE && text.data === "More actions") { text.data = moreActions; }
            });
        }
        if (actions) {
            document.querySelectorAll('nav#w-slim-header-buttons[aria-label="Actions"]').forEach(function (nav) {
                nav.setAttribute("aria-label", actions);
            });
        }
        if (uploadLabel) {
            document.querySelectorAll('.js-translation-editor input[type="file"]').forEach(function (input) {
                if (!hasName(input)) { input.setAttribute("aria-label", uploadLabel); }
            });
        }
    }

    nameAll();
    // The editors are drawn by JavaScript after load, and blocks are added while editing: name them as they
    // appear. Only child lists are watched, so the attributes set here do not wake the observer again.
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
}());
