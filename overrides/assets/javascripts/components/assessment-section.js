/*
 * A section page of an assessment form (module iom-instrument-section): its questions, filled
 * from the open assessment and saved as they are answered: rating, N/A reason, text boxes
 * (each with a print copy: text boxes do not grow in print) and actions, added and removed;
 * then "Have you completed this section?", whose Yes is refused while the section has a
 * problem (lib/check.js), each then listed at the top and shown beside its field. A link
 * that names an item or a field (from the overview's task list, "Change" or "Check your
 * answers") puts focus on it. The open assessment and saving are the AssessmentPage's
 * (assessment-page.js).
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var A = IOM.lib.assessment;
  var own = A.own;

  function Section($root) {
    this.$root = $root;
  }

  Section.prototype.init = function () {
    this.page = new IOM.AssessmentPage(this.$root, this.fill.bind(this));
    this.instrument = this.page.instrument;
    this.t = this.page.t;
    this.sectionId = this.$root.getAttribute("data-section-page");
    this.$completed = this.$root.querySelector("[data-completed-question]");
    this.$completedError = this.$root.querySelector("[data-completed-error]");
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
    this.renderCompleted();
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
    if ($target.hasAttribute("data-completed-answer")) {
      if (event.type === "change" && $target.checked) this.answerCompleted($target.value === "yes", $target);
      return;
    }
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
    this.renderCompleted();
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

  /* ---- "Have you completed this section?" and this page's problems ---- */

  /** This page's errors (lib/check.js), each with its message and field. */
  Section.prototype.errors = function () {
    var self = this;
    return this.page.problems().errors.filter(function (p) {
      return !!self.items[p.item];
    });
  };

  /**
   * Yes is kept only when the section has no problem; otherwise the answer goes back to what
   * was saved, and every problem is listed at the top (focus moves there) and beside its field.
   */
  Section.prototype.answerCompleted = function (yes, $radio) {
    var errors = yes ? this.errors() : [];
    if (errors.length) {
      this.refused = true;
      this.renderCompleted();
      this.check(true, "error-title-completed");
      return;
    }
    this.refused = false;
    this.page.change(["completed", this.sectionId], yes, $radio, false);
    this.renderCompleted();
    if (yes) this.page.say(this.t("completed-yes"));
  };

  /**
   * The question as saved, and why Yes cannot stand (refused just now, or said before a
   * problem appeared): the problems, named under the question. Problems already shown at the
   * top and beside their fields follow each change.
   */
  Section.prototype.renderCompleted = function () {
    if (!this.$completed) return;
    var confirmed = IOM.lib.check.confirmed(this.page.session.doc, this.sectionId);
    var saved = A.own(A.own(this.page.session.doc, "completed"), this.sectionId);
    var $answers = this.$completed.querySelectorAll("[data-completed-answer]");
    for (var i = 0; i < $answers.length; i++) {
      $answers[i].checked = $answers[i].value === "yes" ? confirmed : saved === false;
    }
    var errors = this.refused || confirmed || this.page.errorsShown ? this.errors() : [];
    if (!errors.length) this.refused = false;
    var blocked = (this.refused || confirmed) && errors.length > 0;
    var $error = this.$completedError;
    var $fieldset = this.$completed.querySelector("fieldset");
    ui.empty($error);
    if (blocked) {
      $error.appendChild(ui.el("span", "iom-visually-hidden", this.t("error-prefix") + " "));
      $error.appendChild(document.createTextNode(this.t("completed-blocked")));
      var $list = ui.el("ul", "iom-completed__problems");
      errors.forEach(function (p) {
        $list.appendChild(ui.el("li", "", p.message));
      });
      $error.appendChild($list);
    }
    $error.hidden = !blocked;
    this.$completed.classList.toggle("iom-field--error", blocked);
    ui.describedBy($fieldset, $error.id, blocked);
    if (this.page.errorsShown) this.check(false, this.summaryTitle);
  };

  /** This page's problems in the error summary, each linking to its field, and beside it. */
  Section.prototype.check = function (moveFocus, titleKey) {
    var errors = this.errors();
    this.summaryTitle = titleKey || this.summaryTitle || "error-title-check";
    this.page.showBeside(errors);
    this.page.errorsShown = errors.length > 0;
    if (!errors.length) {
      this.page.errors.hide();
      this.summaryTitle = null;
      return errors;
    }
    this.page.errors.show(
      this.t(this.summaryTitle),
      errors.map(function (p) {
        return { message: p.message, href: "#" + p.field };
      }),
      moveFocus
    );
    return errors;
  };

  /**
   * Arriving from a link that names an item (…/sa-1/#sa-1-2: its rating) or a field
   * (…/#et-2-q03-na-reason, from "Check your answers"): focus it; for a field, with this
   * page's problems shown at the top and beside theirs.
   */
  Section.prototype.focusItemInHash = function () {
    var name = decodeURIComponent(window.location.hash.slice(1));
    if (!name) return;
    var self = this;
    var ids = Object.keys(this.items).filter(function (id) {
      return self.items[id].$item.id === name;
    });
    var $target = ids.length ? this.ratingToFocus(this.items[ids[0]]) : document.getElementById(name);
    if (!$target || !this.$root.contains($target) || !/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test($target.tagName)) return;
    if (!ids.length) this.check(false);
    $target.focus();
  };

  /** An item's checked rating, else its first. */
  Section.prototype.ratingToFocus = function (item) {
    return item.$item.querySelector(".iom-rating__input:checked") || item.$radios[0];
  };

  IOM.components["iom-instrument-section"] = Section;
})();
