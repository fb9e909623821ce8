/*
 * The assessment form's questions, on a section page (module iom-instrument-section): reads
 * each item fieldset, fills it from the open document (rating, N/A reason, evidence fields,
 * actions, with a print copy of every text box), saves what is typed or chosen there, adds
 * and removes actions, shows a problem beside its field, and puts focus on an item's rating
 * when a link names it (arriving with a hash, or a "Change" link on the same page). The overview has no questions, so its bundle
 * leaves this out. Part of the component in instrument.js, which runs first and owns saving:
 * this file adds methods to its prototype and commands to its `commands`. On an overview
 * (reached by instant navigation, if turned on) it finds no items and does nothing.
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var Instrument = IOM.components["iom-instrument-section"];
  var proto = Instrument.prototype;

  /** The parts of one item fieldset the form works with (for the core's readItems). */
  proto.readItem = function ($item) {
    var fields = {};
    var $fields = $item.querySelectorAll("[data-field]");
    for (var f = 0; f < $fields.length; f++) fields[$fields[f].getAttribute("data-field")] = $fields[f];
    return {
      $item: $item,
      anchor: $item.id,
      $radios: $item.querySelectorAll(".iom-rating__input"),
      $naReason: $item.querySelector("[data-na-reason]"),
      $naReasonInput: $item.querySelector("[data-na-reason-input]"),
      $fields: fields,
      $actionList: $item.querySelector("[data-action-list]"),
      $addAction: $item.querySelector('[data-command="add-action"]')
    };
  };

  /* ---- showing the open document in the items ---- */

  proto.fillItem = function (id) {
    var item = this.items[id];
    var r = this.doc.responses[id] || {};
    for (var i = 0; i < item.$radios.length; i++) item.$radios[i].checked = item.$radios[i].value === r.rating;
    if (item.$naReasonInput) setText(item.$naReasonInput, typeof r.na_reason === "string" ? r.na_reason : "");
    Object.keys(item.$fields).forEach(function (key) {
      setText(item.$fields[key], typeof r[key] === "string" ? r[key] : "");
    });
    this.updateNaReason(id);
    if (item.$actionList) this.renderActions(id);
  };

  /** Set a text box's value and the print copy beside it (text boxes do not grow in print). */
  function setText($input, value) {
    $input.value = value;
    mirror($input);
  }

  function mirror($input) {
    if ($input.tagName !== "TEXTAREA") return;
    var $copy = $input.nextElementSibling;
    if (!$copy || !$copy.classList.contains("iom-print-value")) {
      $copy = document.createElement("div");
      $copy.className = "iom-print-value";
      $copy.setAttribute("aria-hidden", "true");
      $input.parentNode.insertBefore($copy, $input.nextSibling);
    }
    $copy.textContent = $input.value;
  }

  proto.updateNaReason = function (id) {
    var item = this.items[id];
    if (!item.$naReason) return;
    var r = this.doc.responses[id];
    item.$naReason.hidden = !(r && r.rating === this.assessment.NA);
  };

  proto.renderActions = function (id) {
    var item = this.items[id];
    var actions = (this.doc.responses[id] && this.doc.responses[id].actions) || [];
    while (item.$actionList.firstChild) item.$actionList.removeChild(item.$actionList.firstChild);
    for (var i = 0; i < actions.length; i++) {
      var $row = this.actionRow(id, i + 1);
      var $inputs = $row.querySelectorAll("[data-action-field]");
      for (var j = 0; j < $inputs.length; j++) {
        var key = $inputs[j].getAttribute("data-action-field");
        var value = actions[i][key];
        if (key === "status") {
          $inputs[j].value = value || this.instrument.statuses[0];
        } else {
          setText($inputs[j], typeof value === "string" ? value : "");
        }
      }
      item.$actionList.appendChild($row);
    }
  };

  /** A new action row from the page's template, numbered n. */
  proto.actionRow = function (id, n) {
    var item = this.items[id];
    var values = { prefix: item.anchor + "-action-" + n, n: n, item: id };
    var $template = this.$root.querySelector("[data-action-template]");
    var $row = $template.content.querySelector("[data-action-row]").cloneNode(true);
    var fill = function (text) {
      return text.replace(/\{(prefix|n|item)\}/g, function (m, name) {
        return values[name];
      });
    };
    var $all = $row.querySelectorAll("*");
    for (var i = 0; i < $all.length; i++) {
      ["id", "for"].forEach(function (attr) {
        if ($all[i].hasAttribute(attr)) $all[i].setAttribute(attr, fill($all[i].getAttribute(attr)));
      });
    }
    var walker = document.createTreeWalker($row, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) walker.currentNode.textContent = fill(walker.currentNode.textContent);
    return $row;
  };

  /* ---- changes ---- */

  /** Input or change inside the item `id` (called by the core's handleInput). */
  proto.handleItemInput = function (event, $target, id) {
    var r = this.assessment.response(this.doc, this.instrument, id);
    if ($target.classList.contains("iom-rating__input")) {
      if (event.type !== "change" || !$target.checked) return;
      r.rating = $target.value;
      this.updateNaReason(id);
      this.changed(id);
    } else if ($target.hasAttribute("data-na-reason-input")) {
      if (event.type !== "input") return;
      r.na_reason = $target.value;
      mirror($target);
      this.changed(id);
    } else if ($target.hasAttribute("data-field")) {
      if (event.type !== "input") return;
      r[$target.getAttribute("data-field")] = $target.value;
      mirror($target);
      this.changed(id);
    } else if ($target.hasAttribute("data-action-field")) {
      var key = $target.getAttribute("data-action-field");
      // Text boxes report every keystroke as input; selects and dates report change.
      if (event.type === "change" && key !== "status" && key !== "due") return;
      var $row = $target.closest("[data-action-row]");
      var index = Array.prototype.indexOf.call(this.items[id].$actionList.children, $row);
      if (index < 0) return;
      while (r.actions.length <= index) r.actions.push(this.newAction());
      r.actions[index][key] = $target.value;
      mirror($target);
      this.changed(id);
    }
  };

  proto.newAction = function () {
    return { action: "", owner: "", due: "", status: this.instrument.statuses[0] || "open" };
  };

  proto.commands["add-action"] = function ($button) {
    var id = $button.closest("[data-item]").getAttribute("data-item");
    var r = this.assessment.response(this.doc, this.instrument, id);
    r.actions.push(this.newAction());
    this.renderActions(id);
    this.changed(id);
    var $rows = this.items[id].$actionList.children;
    $rows[$rows.length - 1].querySelector("[data-action-field]").focus();
  };

  proto.commands["remove-action"] = function ($button) {
    var id = $button.closest("[data-item]").getAttribute("data-item");
    var $row = $button.closest("[data-action-row]");
    var index = Array.prototype.indexOf.call(this.items[id].$actionList.children, $row);
    var r = this.assessment.response(this.doc, this.instrument, id);
    if (index >= 0) r.actions.splice(index, 1);
    this.renderActions(id);
    this.changed(id);
    var $rows = this.items[id].$actionList.children;
    var $next = $rows[Math.min(index, $rows.length - 1)];
    (($next && $next.querySelector("[data-action-field]")) || this.items[id].$addAction).focus();
  };

  /** A problem of the item `id` shown beside its N/A reason box (for the core's check). */
  proto.showItemError = function (id, message) {
    var item = this.items[id];
    var $error = item.$item.querySelector('[data-error-for="na_reason"]');
    if (!$error) return;
    $error.textContent = message;
    $error.hidden = false;
    item.$naReasonInput.setAttribute("aria-invalid", "true");
    item.$naReasonInput.setAttribute("aria-describedby", $error.id);
    item.$naReason.classList.add("iom-field--error");
  };

  /* ---- focus on an item ---- */

  /**
   * Arriving at a section page from a "Change" or error link (…/sa-1/#sa-1-2): put focus on
   * the item's rating, or on the field named, as the same link on one page would.
   */
  proto.focusItemInHash = function () {
    var name = decodeURIComponent(window.location.hash.slice(1));
    if (!name) return;
    var self = this;
    var ids = Object.keys(this.items).filter(function (id) {
      return self.items[id].anchor === name;
    });
    // From the overview's error summary (…/et-2/#et-2-q03-na-reason): show the problems of
    // this page beside their fields, as the overview's check would on one page, then focus.
    if (/-na-reason$/.test(name) && this.$root.hasAttribute("data-section-page")) this.check(false);
    var $target = ids.length ? this.ratingToFocus(ids[0]) : document.getElementById(name);
    if ($target && this.$root.contains($target) && /^(INPUT|TEXTAREA|SELECT)$/.test($target.tagName)) {
      $target.focus();
    }
  };

  /** An item's checked rating, else its first. */
  proto.ratingToFocus = function (id) {
    var item = this.items[id];
    return item.$item.querySelector(".iom-rating__input:checked") || item.$radios[0];
  };

  /** A click on a "Change" or priority link to the item `id`, which is on this page. */
  proto.focusItemLink = function (event, id) {
    var $radio = this.ratingToFocus(id);
    if (!$radio) return;
    // Following the link would only scroll; a keyboard user needs focus on the rating.
    event.preventDefault();
    event.stopPropagation();
    this.items[id].$item.scrollIntoView({ block: "start" });
    $radio.focus();
  };
})();
