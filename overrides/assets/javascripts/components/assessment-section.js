/*
 * A section page of an assessment form (module iom-instrument-section): its questions, filled
 * from the open assessment and saved as they are answered: rating, N/A reason, text boxes
 * (each with a print copy: text boxes do not grow in print) and actions, added and removed.
 * Shows a problem beside its field, and puts focus on an item's rating when a link names it.
 * The open assessment and saving are the AssessmentPage's (assessment-page.js).
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var A = IOM.lib.assessment;
  var own = A.own;

  function Section($root) {
    this.$root = $root;
  }

  Section.prototype.init = function () {
    this.page = new IOM.AssessmentPage(this.$root, this.fill.bind(this));
    this.instrument = this.page.instrument;
    this.items = Object.create(null);
    var $items = this.$root.querySelectorAll("[data-item]");
    for (var i = 0; i < $items.length; i++) this.items[$items[i].getAttribute("data-item")] = readItem($items[i]);
    this.$root.addEventListener("input", this.handleInput.bind(this));
    this.$root.addEventListener("change", this.handleInput.bind(this));
    this.$root.addEventListener("click", this.handleClick.bind(this));
    this.fill();
    this.focusItemInHash();
  };

  /** The parts of one item fieldset the form works with. */
  function readItem($item) {
    var fields = {};
    var $fields = $item.querySelectorAll("[data-field]");
    for (var f = 0; f < $fields.length; f++) fields[$fields[f].getAttribute("data-field")] = $fields[f];
    return {
      $item: $item,
      $radios: $item.querySelectorAll(".iom-rating__input"),
      $naReason: $item.querySelector("[data-na-reason]"),
      $naReasonInput: $item.querySelector("[data-na-reason-input]"),
      $fields: fields,
      $actionList: $item.querySelector("[data-action-list]"),
      $addAction: $item.querySelector('[data-command="add-action"]')
    };
  }

  /* ---- showing the open document ---- */

  Section.prototype.response = function (id) {
    return own(this.page.session.doc.responses, id) || {};
  };

  Section.prototype.fill = function () {
    var self = this;
    Object.keys(this.items).forEach(function (id) {
      var item = self.items[id];
      var r = self.response(id);
      for (var i = 0; i < item.$radios.length; i++) item.$radios[i].checked = item.$radios[i].value === own(r, "rating");
      if (item.$naReasonInput) setText(item.$naReasonInput, own(r, "na_reason"));
      Object.keys(item.$fields).forEach(function (key) {
        setText(item.$fields[key], own(r, key));
      });
      self.updateNaReason(id);
      if (item.$actionList) self.renderActions(id);
    });
    this.page.renderName();
    this.renderProgress();
    if (this.page.errorsShown) this.check(false);
  };

  /** Set a text box (unless it already holds that text: the caret stays) and its print copy. */
  function setText($input, value) {
    value = typeof value === "string" ? value : "";
    if ($input.value !== value) $input.value = value;
    mirror($input);
  }

  function mirror($input) {
    if ($input.tagName !== "TEXTAREA") return;
    var $copy = $input.nextElementSibling;
    if (!$copy || !$copy.classList.contains("iom-print-value")) {
      $copy = IOM.ui.el("div", "iom-print-value");
      $copy.setAttribute("aria-hidden", "true");
      $input.parentNode.insertBefore($copy, $input.nextSibling);
    }
    $copy.textContent = $input.value;
  }

  Section.prototype.updateNaReason = function (id) {
    var item = this.items[id];
    if (item.$naReason) item.$naReason.hidden = own(this.response(id), "rating") !== A.NA;
  };

  Section.prototype.actions = function (id) {
    var list = own(this.response(id), "actions");
    return Array.isArray(list) ? list : [];
  };

  /** The action rows of an item, from the document (kept when they already match). */
  Section.prototype.renderActions = function (id) {
    var item = this.items[id];
    var actions = this.actions(id);
    var $rows = item.$actionList.children;
    while ($rows.length > actions.length) item.$actionList.removeChild(item.$actionList.lastElementChild);
    for (var i = 0; i < actions.length; i++) {
      var $row = $rows[i] || item.$actionList.appendChild(this.actionRow(id, i + 1));
      var $inputs = $row.querySelectorAll("[data-action-field]");
      for (var j = 0; j < $inputs.length; j++) {
        var key = $inputs[j].getAttribute("data-action-field");
        var value = own(actions[i], key);
        if (key === "status") $inputs[j].value = value || this.instrument.statuses[0];
        else setText($inputs[j], value);
      }
    }
  };

  /** A new action row from the page's template, numbered n. */
  Section.prototype.actionRow = function (id, n) {
    var values = { prefix: this.items[id].$item.id + "-action-" + n, n: n, item: id };
    var fill = function (text) {
      return text.replace(/\{(prefix|n|item)\}/g, function (m, name) {
        return values[name];
      });
    };
    var $row = this.$root.querySelector("[data-action-template]").content.querySelector("[data-action-row]").cloneNode(true);
    var $all = $row.querySelectorAll("[id], [for]");
    for (var i = 0; i < $all.length; i++) {
      ["id", "for"].forEach(function (attr) {
        if ($all[i].hasAttribute(attr)) $all[i].setAttribute(attr, fill($all[i].getAttribute(attr)));
      });
    }
    var walker = document.createTreeWalker($row, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) walker.currentNode.textContent = fill(walker.currentNode.textContent);
    return $row;
  };

  /** "4 of 9 questions rated" for this section. */
  Section.prototype.renderProgress = function () {
    var summary = A.summarise(this.page.session.doc, this.instrument);
    var $sections = this.$root.querySelectorAll("[data-section]");
    for (var i = 0; i < $sections.length; i++) {
      var counts = summary.bySection[$sections[i].getAttribute("data-section")];
      var $progress = $sections[i].querySelector("[data-section-progress]");
      if ($progress && counts) $progress.textContent = this.page.progressText(counts);
    }
  };

  /* ---- changes ---- */

  Section.prototype.handleInput = function (event) {
    var $target = event.target;
    var $item = $target.closest("[data-item]");
    if (!$item) return;
    var id = $item.getAttribute("data-item");
    var typed = event.type === "input";
    if ($target.classList.contains("iom-rating__input")) {
      if (typed || !$target.checked) return;
      this.change(id, "rating", $target.value, $target, false);
      this.updateNaReason(id);
    } else if ($target.hasAttribute("data-na-reason-input") || $target.hasAttribute("data-field")) {
      if (!typed) return;
      mirror($target);
      this.change(id, $target.getAttribute("data-field") || "na_reason", $target.value, $target, true);
    } else if ($target.hasAttribute("data-action-field")) {
      var key = $target.getAttribute("data-action-field");
      // Text boxes report every keystroke as input; selects and dates report change.
      var whole = key === "status" || key === "due";
      if (typed === whole) return;
      var index = Array.prototype.indexOf.call(this.items[id].$actionList.children, $target.closest("[data-action-row]"));
      var actions = JSON.parse(JSON.stringify(this.actions(id)));
      while (actions.length <= index) actions.push(this.newAction());
      actions[index][key] = $target.value;
      mirror($target);
      this.change(id, "actions", actions, $target, typed);
    }
  };

  /** Save one field of an item's answer; refresh the progress and any problems shown. */
  Section.prototype.change = function (id, key, value, $field, typing) {
    this.page.change(["responses", id, key], value, $field, typing);
    this.renderProgress();
    if (this.page.errorsShown) this.check(false);
  };

  Section.prototype.newAction = function () {
    return { action: "", owner: "", due: "", status: this.instrument.statuses[0] || "open" };
  };

  Section.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    var command = $button && $button.getAttribute("data-command");
    if (command === "download-copy") {
      this.page.downloadJson();
    } else if (command === "add-action" || command === "remove-action") {
      var id = $button.closest("[data-item]").getAttribute("data-item");
      var actions = this.actions(id).slice();
      var index = Array.prototype.indexOf.call(this.items[id].$actionList.children, $button.closest("[data-action-row]"));
      if (command === "add-action") actions.push(this.newAction());
      else if (index >= 0) actions.splice(index, 1);
      this.change(id, "actions", actions, $button, false);
      this.renderActions(id);
      var $rows = this.items[id].$actionList.children;
      var $next = command === "add-action" ? $rows[$rows.length - 1] : $rows[Math.min(index, $rows.length - 1)];
      (($next && $next.querySelector("[data-action-field]")) || this.items[id].$addAction).focus();
    }
  };

  /* ---- problems and focus ---- */

  /** This page's N/A answers without a reason, beside their boxes and in the error summary. */
  Section.prototype.check = function (moveFocus) {
    var self = this;
    this.clearItemErrors();
    return this.page.check(
      function (id) {
        return !!self.items[id];
      },
      function (id, suffix) {
        return "#" + self.items[id].$item.id + suffix;
      },
      this.showItemError.bind(this),
      moveFocus
    );
  };

  Section.prototype.showItemError = function (id, message) {
    var item = this.items[id];
    var $error = item.$item.querySelector('[data-error-for="na_reason"]');
    if (!$error) return;
    $error.textContent = message;
    $error.hidden = false;
    item.$naReasonInput.setAttribute("aria-invalid", "true");
    item.$naReasonInput.setAttribute("aria-describedby", $error.id);
    item.$naReason.classList.add("iom-field--error");
  };

  Section.prototype.clearItemErrors = function () {
    var $errors = this.$root.querySelectorAll("[data-error-for]");
    for (var i = 0; i < $errors.length; i++) {
      $errors[i].hidden = true;
      $errors[i].textContent = "";
    }
    var $invalid = this.$root.querySelectorAll("[data-na-reason-input][aria-invalid]");
    for (var j = 0; j < $invalid.length; j++) {
      $invalid[j].removeAttribute("aria-invalid");
      $invalid[j].removeAttribute("aria-describedby");
    }
    var $marked = this.$root.querySelectorAll(".iom-field--error");
    for (var k = 0; k < $marked.length; k++) $marked[k].classList.remove("iom-field--error");
  };

  /**
   * Arriving from a "Change" or error link (…/sa-1/#sa-1-2, …/#et-2-q03-na-reason): focus
   * the item's rating, or the field named, with this page's problems shown beside theirs.
   */
  Section.prototype.focusItemInHash = function () {
    var name = decodeURIComponent(window.location.hash.slice(1));
    if (!name) return;
    var self = this;
    var ids = Object.keys(this.items).filter(function (id) {
      return self.items[id].$item.id === name;
    });
    if (/-na-reason$/.test(name)) this.check(false);
    var $target = ids.length ? this.ratingToFocus(this.items[ids[0]]) : document.getElementById(name);
    if ($target && this.$root.contains($target) && /^(INPUT|TEXTAREA|SELECT)$/.test($target.tagName)) $target.focus();
  };

  /** An item's checked rating, else its first. */
  Section.prototype.ratingToFocus = function (item) {
    return item.$item.querySelector(".iom-rating__input:checked") || item.$radios[0];
  };

  IOM.components["iom-instrument-section"] = Section;
})();
