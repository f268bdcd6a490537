// newsdesk desk: the little script the pages need (no inline scripts: the CSP forbids them).
// Inbox keys (j/k/a/r/s/o), drag-and-drop in the issue builder, confirmations.
(function () {
  "use strict";

  function csrfToken() {
    var field = document.querySelector('input[name="csrf_token"]');
    return field ? field.value : "";
  }

  // --- confirmations -------------------------------------------------------------------------
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("confirm")) {
      if (!window.confirm(form.getAttribute("data-confirm") || "Sure?")) event.preventDefault();
    }
  }, true);

  // --- the inbox -----------------------------------------------------------------------------
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#inbox > li.candidate:not(.done)"));
  }
  function selected() { return document.querySelector("#inbox > li.candidate.selected"); }
  function select(row) {
    var old = selected();
    if (old) old.classList.remove("selected");
    if (!row) return;
    row.classList.add("selected");
    row.scrollIntoView({ block: "nearest" });
  }
  function step(delta) {
    var all = rows();
    if (!all.length) return;
    var at = all.indexOf(selected());
    var next = at < 0 ? 0 : Math.min(Math.max(at + delta, 0), all.length - 1);
    select(all[next]);
  }
  function press(selector) {
    var row = selected();
    if (!row) return;
    var button = row.querySelector(selector);
    if (button) {
      var following = rows()[rows().indexOf(row) + 1];
      button.click();
      if (following) select(following);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (document.body.getAttribute("data-page") !== "inbox") return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "j": step(1); break;
      case "k": step(-1); break;
      case "a": press("button.accept"); break;
      case "r": press("button.reject"); break;
      case "s": press("button.snooze"); break;
      case "o":
      case "Enter": {
        var row = selected();
        var link = row && row.querySelector("a.open");
        if (link) window.location.href = link.href;
        break;
      }
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("#inbox > li.candidate");
    if (row && !row.classList.contains("done")) select(row);
  });

  // --- the issue builder: drag to reorder and to move between columns ------------------------
  var dragged = null;

  function dropPosition(list, y) {
    var items = Array.prototype.slice.call(list.querySelectorAll("li.draft-item:not(.dragging)"));
    for (var i = 0; i < items.length; i++) {
      var box = items[i].getBoundingClientRect();
      if (y < box.top + box.height / 2) return { before: items[i], position: i + 1 };
    }
    return { before: null, position: items.length + 1 };
  }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("li.draft-item");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute("data-item"));
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".drop-here").forEach(function (el) { el.classList.remove("drop-here"); });
  });
  document.addEventListener("dragover", function (event) {
    var list = event.target.closest && event.target.closest("ol.draft-items");
    if (!list || !dragged) return;
    event.preventDefault();
    document.querySelectorAll(".drop-here").forEach(function (el) { if (el !== list) el.classList.remove("drop-here"); });
    list.classList.add("drop-here");
  });
  document.addEventListener("drop", function (event) {
    var list = event.target.closest && event.target.closest("ol.draft-items");
    if (!list || !dragged) return;
    event.preventDefault();
    var place = dropPosition(list, event.clientY);
    var item = dragged;
    list.insertBefore(item, place.before);
    var body = new URLSearchParams();
    body.set("column", list.getAttribute("data-column"));
    body.set("position", String(place.position));
    body.set("csrf_token", csrfToken());
    fetch("/draft/items/" + item.getAttribute("data-item") + "/move", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken(), "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (!response.ok) window.alert("The move was not saved (" + response.status + "); the page reloads.");
      window.location.reload();
    });
  });
})();
