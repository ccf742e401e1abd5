/* unlib — small enhancements only: every page works without this file. */
(function () {
  "use strict";

  // A "copy link" button beside permanent links (the labels come translated from the page).
  function addCopyButton(link) {
    if (!navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = link.getAttribute("data-copy-label") || "Copy";
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.getAttribute("data-copy")).then(function () {
        var done = link.getAttribute("data-copied-label") || "Copied";
        button.textContent = done;
        status.textContent = done;
        window.setTimeout(function () {
          button.textContent = link.getAttribute("data-copy-label") || "Copy";
          status.textContent = "";
        }, 2000);
      });
    });
    link.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", status);
  }

  document.querySelectorAll("a[data-copy]").forEach(addCopyButton);
})();
