/*
 * The assessment form: keeps every answer in a saved-assessment document, writes it to the
 * browser's storage on every change and announces "Saved"; restores it on reload, history
 * navigation and instant navigation; manages several named assessments per instrument.
 * Each instrument has an overview page (saved list, About, task list, summary: module
 * iom-instrument) and one page per section (its questions: iom-instrument-section); the same
 * component runs on both and uses whichever parts the page has. The summary
 * (instrument-summary.js) and downloads/import (instrument-transfer.js) are split out.
 * Every text shown comes from the rendered markup ([data-message]).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};
  IOM.instrumentParts = IOM.instrumentParts || {};

  var ANNOUNCE_DELAY = 800; // ms of quiet typing before "Saved" is announced
  var SUMMARY_DELAY = 120;

  function Instrument($root) {
    this.$root = $root;
    this.moduleName = $root.getAttribute("data-module");
  }

  Instrument.prototype.init = function () {
    var lib = IOM.lib;
    this.assessment = lib.assessment;
    this.messages = readMessages(this.$root);
    this.instrument = this.readInstrument();
    this.store = lib.store.open(this.$root.getAttribute("data-storage-prefix"));
    this.$status = this.$root.querySelector("[data-status]");
    this.$savedList = this.$root.querySelector("[data-saved-list]");
    this.$template = this.$root.querySelector("[data-action-template]");
    this.items = this.readItems();
    if (!this.store.persistent) this.showStorageWarning("storage-unavailable");

    this.handleInput = this.handleInput.bind(this);
    this.handleClick = this.handleClick.bind(this);
    this.handlePageShow = this.handlePageShow.bind(this);
    this.handleCleared = this.handleCleared.bind(this);
    this.$root.addEventListener("input", this.handleInput);
    this.$root.addEventListener("change", this.handleInput);
    this.$root.addEventListener("click", this.handleClick);
    window.addEventListener("pageshow", this.handlePageShow);
    document.addEventListener("iom:data-cleared", this.handleCleared);

    // Downloads and import load on first use (most visits only rate), keeping the page light.
    this.transfer = null;
    this.transferLoading = null;
    var preload = this.withTransfer.bind(this, function () {});
    var $transfer = this.$root.querySelectorAll("[data-transfer]");
    for (var t = 0; t < $transfer.length; t++) {
      $transfer[t].addEventListener("focusin", preload);
      $transfer[t].addEventListener("pointerdown", preload);
    }
    var $file = this.$root.querySelector("[data-import-file]");
    if ($file) {
      $file.addEventListener("change", this.handleImportFile.bind(this));
    }
    this.openCurrent();
    IOM.instruments = IOM.instruments || {};
    IOM.instruments[this.instrument.id] = this; // for tests and the benchmark
  };

  /* ---- reading the rendered form ---- */

  function readMessages($root) {
    var messages = {};
    var $messages = $root.querySelectorAll(".iom-templates [data-message]");
    for (var i = 0; i < $messages.length; i++) {
      messages[$messages[i].getAttribute("data-message")] = $messages[i].textContent;
    }
    return messages;
  }

  /** A message with {placeholders} filled in. */
  Instrument.prototype.t = function (key, values) {
    var text = this.messages[key] || key;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  };

  /**
   * What the form is (scale, fields, sections, titles, links) comes from the JSON the page
   * carries: an overview page has no questions and a section page only some, so the form
   * itself cannot describe the whole instrument. Same shape as combine.js reads. It is in a
   * <template> (text in .content), not a <script>: instant navigation re-creates every
   * <script> in the new page without its attributes.
   */
  Instrument.prototype.readInstrument = function () {
    var $info = this.$root.querySelector("[data-instrument-info]");
    var instrument = JSON.parse($info.content.textContent);
    // Which section page holds each item, for links to items not on this page.
    instrument.sectionOf = {};
    instrument.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        instrument.sectionOf[id] = section;
      });
    });
    return instrument;
  };

  /** The item fieldsets on this page only: none on the overview, one section's on a section page. */
  Instrument.prototype.readItems = function () {
    var items = {};
    var $items = this.$root.querySelectorAll("[data-item]");
    for (var i = 0; i < $items.length; i++) {
      var $item = $items[i];
      var fields = {};
      var $fields = $item.querySelectorAll("[data-field]");
      for (var f = 0; f < $fields.length; f++) fields[$fields[f].getAttribute("data-field")] = $fields[f];
      items[$item.getAttribute("data-item")] = {
        $item: $item,
        anchor: $item.id,
        $radios: $item.querySelectorAll(".iom-rating__input"),
        $naReason: $item.querySelector("[data-na-reason]"),
        $naReasonInput: $item.querySelector("[data-na-reason-input]"),
        $fields: fields,
        $actionList: $item.querySelector("[data-action-list]"),
        $addAction: $item.querySelector('[data-command="add-action"]')
      };
    }
    return items;
  };

  /**
   * A link to an item (with `suffix`, to a field in it, such as "-na-reason"): on this page
   * a fragment, else its section page.
   */
  Instrument.prototype.itemHref = function (id, suffix) {
    // A section page's JSON has no anchors (it only links to its own items).
    var hash = "#" + (this.items[id] ? this.items[id].anchor : this.instrument.anchors[id]) + (suffix || "");
    if (this.items[id]) return hash;
    var section = this.instrument.sectionOf[id];
    return (section ? section.url : "") + hash;
  };

  /**
   * Arriving at a section page from a "Change" or error link (…/sa-1/#sa-1-2): put focus on
   * the item's rating, or on the field named, as the same link on one page would.
   */
  Instrument.prototype.focusItemInHash = function () {
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
  Instrument.prototype.ratingToFocus = function (id) {
    var item = this.items[id];
    return item.$item.querySelector(".iom-rating__input:checked") || item.$radios[0];
  };

  /* ---- opening and showing a document ---- */

  Instrument.prototype.openCurrent = function () {
    var id = this.instrument.id;
    var uid = this.store.current(id);
    var doc = this.store.load(id, uid);
    if (!doc) {
      var saved = this.store.list(id);
      if (saved.length) {
        uid = saved[0].uid;
        doc = saved[0].doc;
      }
    }
    if (!doc) {
      uid = this.store.newId();
      doc = this.assessment.create(this.instrument);
    }
    this.show(uid, doc);
  };

  /** Make `doc` (stored under `uid`) the open assessment and fill the form with it. */
  Instrument.prototype.show = function (uid, doc) {
    // Only a document saved under an earlier version of this form needs lib/migrate.js, so it
    // loads on demand: most visits never download it.
    if (!IOM.lib.migrate && !this.migrateUnavailable && this.assessment.isEarlierVersion(doc, this.instrument)) {
      var self = this;
      this.doc = null; // until it is shown, input is not saved over another document
      IOM.loadPart("iom-migrate")
        .catch(function (error) {
          self.migrateUnavailable = true; // show the answers as saved rather than not at all
          if (window.console) console.error("[iom] migrate:", error);
        })
        .then(function () {
          self.show(uid, doc);
        });
      return;
    }
    this.uid = uid;
    this.doc = IOM.lib.migrate ? IOM.lib.migrate.migrate(doc, this.instrument) : doc;
    if (!this.doc.responses || typeof this.doc.responses !== "object") this.doc.responses = {};
    // Remember which assessment is open, but write nothing for a page merely visited.
    this.currentWritten = false;
    if (this.store.load(this.instrument.id, uid)) this.rememberCurrent();
    this.fill();
    this.renderList();
    this.renderSummaryNow();
    if (!this.arrived) {
      this.arrived = true; // once per page: after the answers are in (a migration may delay them)
      this.focusItemInHash();
    }
  };

  Instrument.prototype.fill = function () {
    var doc = this.doc;
    var $about = this.$root.querySelectorAll("[data-about-field]");
    for (var i = 0; i < $about.length; i++) {
      var key = $about[i].getAttribute("data-about-field");
      $about[i].value = typeof doc[key] === "string" ? doc[key] : "";
    }
    var self = this;
    Object.keys(this.items).forEach(function (id) {
      self.fillItem(id);
    });
    this.clearErrors();
  };

  Instrument.prototype.fillItem = function (id) {
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

  Instrument.prototype.updateNaReason = function (id) {
    var item = this.items[id];
    if (!item.$naReason) return;
    var r = this.doc.responses[id];
    item.$naReason.hidden = !(r && r.rating === this.assessment.NA);
  };

  Instrument.prototype.renderActions = function (id) {
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
  Instrument.prototype.actionRow = function (id, n) {
    var item = this.items[id];
    var values = { prefix: item.anchor + "-action-" + n, n: n, item: id };
    var $row = this.$template.content.querySelector("[data-action-row]").cloneNode(true);
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

  Instrument.prototype.handleInput = function (event) {
    if (!this.doc) return; // an older document is still being migrated
    var $target = event.target;
    var $item = $target.closest("[data-item]");
    var id = $item && $item.getAttribute("data-item");
    var A = this.assessment;
    if ($target.hasAttribute("data-about-field")) {
      if (event.type === "input" || $target.type === "date") {
        this.doc[$target.getAttribute("data-about-field")] = $target.value;
        this.changed();
        if ($target.getAttribute("data-about-field") === "name") this.renderList();
      }
      return;
    }
    if ($target.hasAttribute("data-import-file") || $target.hasAttribute("data-saved-list") || !id) return;
    var r = A.response(this.doc, this.instrument, id);
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

  Instrument.prototype.newAction = function () {
    return { action: "", owner: "", due: "", status: this.instrument.statuses[0] || "open" };
  };

  /** Save now, announce "Saved" once typing pauses, refresh the summary soon. */
  Instrument.prototype.changed = function (itemId) {
    this.doc.updated = new Date().toISOString();
    if (this.save()) this.scheduleAnnounce();
    if (itemId && this.errorsShown) this.recheck(itemId);
    this.scheduleSummary();
  };

  Instrument.prototype.save = function () {
    var result = this.store.save(this.instrument.id, this.uid, this.doc);
    if (!result.ok) {
      this.showStorageWarning(result.reason === "full" ? "storage-full" : "storage-unavailable");
      return false;
    }
    if (this.storageWarning === "storage-full") this.hideStorageWarning();
    if (!this.currentWritten) this.rememberCurrent();
    this.$root.setAttribute("data-saved", this.doc.updated);
    return true;
  };

  Instrument.prototype.rememberCurrent = function () {
    this.currentWritten = this.store.setCurrent(this.instrument.id, this.uid).ok;
  };

  Instrument.prototype.scheduleAnnounce = function () {
    var self = this;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(function () {
      self.announce(self.t("saved", { time: clockTime(new Date()) }));
    }, ANNOUNCE_DELAY);
  };

  Instrument.prototype.announce = function (text) {
    if (this.$status) this.$status.textContent = text;
  };

  Instrument.prototype.scheduleSummary = function () {
    var self = this;
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(function () {
      self.renderSummaryNow();
    }, SUMMARY_DELAY);
  };

  Instrument.prototype.renderSummaryNow = function () {
    clearTimeout(this.summaryTimer);
    var summary = this.assessment.summarise(this.doc, this.instrument);
    this.renderSectionProgress(summary);
    // The summary part is only in the overview page's bundle; it skips parts a page lacks.
    if (IOM.instrumentParts.renderSummary) IOM.instrumentParts.renderSummary(this, summary);
  };

  /** "4 of 9 questions rated" under each section on the page (a section page shows one). */
  Instrument.prototype.renderSectionProgress = function (summary) {
    var $sections = this.$root.querySelectorAll("[data-section]");
    for (var i = 0; i < $sections.length; i++) {
      var id = $sections[i].getAttribute("data-section");
      var $progress = $sections[i].querySelector("[data-section-progress]");
      var counts = summary.sections.filter(function (s) {
        return s.id === id;
      })[0];
      if ($progress && counts) $progress.textContent = this.progressText(counts);
    }
  };

  /** "7 of 12 elements rated", saying how many are N/A when some are. */
  Instrument.prototype.progressText = function (counts) {
    var noun = this.instrument.noun;
    if (counts.na) {
      return this.t("progress-na", { rated: counts.rated, total: counts.total - counts.na, na: counts.na, noun: noun });
    }
    return this.t("progress", { rated: counts.rated, total: counts.total, noun: noun });
  };

  Instrument.prototype.showStorageWarning = function (key) {
    var $warning = this.$root.querySelector("[data-storage-warning]");
    if (!$warning) return;
    this.storageWarning = key;
    $warning.querySelector("[data-storage-warning-text]").textContent = this.t(key);
    $warning.hidden = false;
  };

  Instrument.prototype.hideStorageWarning = function () {
    var $warning = this.$root.querySelector("[data-storage-warning]");
    if ($warning) $warning.hidden = true;
    this.storageWarning = null;
  };

  /* ---- commands ---- */

  /** Run `use(transfer)` once the downloads-and-import part has loaded (at most once). */
  Instrument.prototype.withTransfer = function (use) {
    var self = this;
    if (!this.transferLoading) {
      this.transferLoading = (IOM.instrumentParts.transfer
        ? Promise.resolve()
        : IOM.loadPart("iom-instrument-transfer")
      ).then(function () {
        self.transfer = new IOM.instrumentParts.transfer(self);
        return self.transfer;
      });
      this.transferLoading.catch(function (error) {
        self.transferLoading = null; // let a later click try again
        if (window.console) console.error("[iom] downloads and import:", error);
      });
    }
    return this.transferLoading.then(use);
  };

  /** A file chosen before the part had loaded: hand it over once it has. */
  Instrument.prototype.handleImportFile = function () {
    var loaded = !!this.transfer;
    this.withTransfer(function (transfer) {
      if (!loaded) transfer.handleFile();
    });
  };

  Instrument.prototype.handleClick = function (event) {
    if (!this.doc) return; // an older document is still being migrated
    var $button = event.target.closest("[data-command]");
    if ($button && this.$root.contains($button)) {
      var command = $button.getAttribute("data-command");
      var handler = this.commands[command];
      if (handler) {
        event.preventDefault();
        handler.call(this, $button);
      } else {
        this.withTransfer(function (transfer) {
          if (transfer.commands[command]) transfer.commands[command].call(transfer, $button);
        });
      }
      return;
    }
    var $item = event.target.closest("a[data-focus-item]");
    if ($item) {
      // "Change" and priority links: go to the item and put focus on its rating. An item on
      // another page is left to the link; focusItemInHash does it when that page opens.
      var id = $item.getAttribute("data-focus-item");
      var item = this.items[id];
      var $radio = item && this.ratingToFocus(id);
      if ($radio) {
        // Instant navigation would handle the same-page link itself and drop the focus.
        event.preventDefault();
        event.stopPropagation();
        item.$item.scrollIntoView({ block: "start" });
        $radio.focus();
      }
      return;
    }
    var $link = event.target.closest(".iom-error-summary a[href^='#']");
    if ($link) {
      var $field = document.getElementById($link.getAttribute("href").slice(1));
      if ($field) {
        event.preventDefault();
        event.stopPropagation();
        $field.scrollIntoView({ block: "center" });
        $field.focus();
      }
    }
  };

  Instrument.prototype.commands = {
    "add-action": function ($button) {
      var id = $button.closest("[data-item]").getAttribute("data-item");
      var r = this.assessment.response(this.doc, this.instrument, id);
      r.actions.push(this.newAction());
      this.renderActions(id);
      this.changed(id);
      var $rows = this.items[id].$actionList.children;
      $rows[$rows.length - 1].querySelector("[data-action-field]").focus();
    },
    "remove-action": function ($button) {
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
    },
    open: function () {
      var uid = this.$savedList.value;
      var doc = this.store.load(this.instrument.id, uid);
      if (!doc) return;
      this.hideConfirms();
      this.show(uid, doc);
      this.announce(this.t("opened", { name: this.displayName(doc) }));
    },
    new: function () {
      this.hideConfirms();
      var uid = this.store.newId();
      this.show(uid, this.assessment.create(this.instrument));
      this.save();
      this.renderList();
      this.announce(this.t("created"));
      var $name = this.$root.querySelector('[data-about-field="name"]');
      if ($name) $name.focus();
    },
    duplicate: function () {
      this.hideConfirms();
      var copy = JSON.parse(JSON.stringify(this.doc));
      copy.name = this.t("copy-name", { name: this.displayName(this.doc) });
      copy.updated = new Date().toISOString();
      this.show(this.store.newId(), copy);
      this.save();
      this.renderList();
      this.announce(this.t("duplicated", { name: copy.name }));
    },
    delete: function () {
      this.showConfirm("delete");
    },
    "delete-confirm": function () {
      var name = this.displayName(this.doc);
      this.store.remove(this.instrument.id, this.uid);
      this.hideConfirms();
      this.openCurrentAfterDelete();
      this.announce(this.t("deleted", { name: name }));
      this.$root.querySelector('[data-command="delete"]').focus();
    },
    cancel: function ($button) {
      var $confirm = $button.closest("[data-confirm]");
      var kind = $confirm && $confirm.getAttribute("data-confirm");
      this.hideConfirms();
      if (kind === "import" && this.transfer) this.transfer.cancel();
      var $back = this.$root.querySelector(kind === "import" ? "[data-import-file]" : '[data-command="delete"]');
      if ($back) $back.focus();
    },
    check: function () {
      this.check(true);
    },
    print: function () {
      this.renderSummaryNow();
      window.print();
    }
  };

  Instrument.prototype.openCurrentAfterDelete = function () {
    var saved = this.store.list(this.instrument.id);
    if (saved.length) {
      this.show(saved[0].uid, saved[0].doc);
    } else {
      this.show(this.store.newId(), this.assessment.create(this.instrument));
    }
  };

  Instrument.prototype.showConfirm = function (kind, name) {
    this.hideConfirms();
    var $confirm = this.$root.querySelector('[data-confirm="' + kind + '"]');
    var $names = $confirm.querySelectorAll("[data-confirm-name]");
    for (var i = 0; i < $names.length; i++) $names[i].textContent = name || this.displayName(this.doc);
    $confirm.hidden = false;
    $confirm.focus();
    return $confirm;
  };

  Instrument.prototype.hideConfirms = function () {
    var $confirms = this.$root.querySelectorAll("[data-confirm]");
    for (var i = 0; i < $confirms.length; i++) $confirms[i].hidden = true;
  };

  Instrument.prototype.displayName = function (doc) {
    return (doc.name && doc.name.trim()) || (doc.partnership && doc.partnership.trim()) || this.t("untitled");
  };

  Instrument.prototype.renderList = function () {
    var $current = this.$root.querySelector("[data-current-name]");
    if ($current) $current.textContent = this.displayName(this.doc);
    if (!this.$savedList) return; // a section page names the open assessment only
    var self = this;
    var saved = this.store.list(this.instrument.id);
    if (!saved.some(function (s) { return s.uid === self.uid; })) {
      saved.unshift({ uid: this.uid, doc: this.doc });
    }
    while (this.$savedList.firstChild) this.$savedList.removeChild(this.$savedList.firstChild);
    saved.forEach(function (s) {
      var $option = document.createElement("option");
      $option.value = s.uid;
      var doc = s.uid === self.uid ? self.doc : s.doc;
      $option.textContent = self.t("list-option", { name: self.displayName(doc), updated: formatTime(doc.updated) });
      $option.selected = s.uid === self.uid;
      self.$savedList.appendChild($option);
    });
  };

  // Dates are formatted by hand, as en-GB shows them: the first toLocaleString() call on a page
  // sets up the browser's date formatting, which cost about 50 ms of blocking time on a slow phone.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** "14:05" */
  function clockTime(d) {
    return twoDigits(d.getHours()) + ":" + twoDigits(d.getMinutes());
  }

  /** "23 Nov 2026, 14:05" in local time, or "" for a missing or broken timestamp. */
  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() + ", " + clockTime(d);
  }

  /* ---- checking for problems ---- */

  /** Show every problem inline and in the error summary; move focus there if asked. */
  Instrument.prototype.check = function (moveFocus) {
    this.clearErrors();
    var self = this;
    var found = this.assessment.problems(this.doc, this.instrument);
    if (this.$root.hasAttribute("data-section-page")) {
      // A section page answers for its own items; the overview checks them all.
      found = found.filter(function (problem) {
        return self.items[problem.item];
      });
    }
    var $status = this.$root.querySelector("[data-check-status]");
    if (!found.length) {
      if ($status) $status.textContent = this.t("check-ok");
      return found;
    }
    if ($status) $status.textContent = "";
    var errors = found.map(function (problem) {
      var item = self.items[problem.item]; // absent when its section is on another page
      var message = self.t(problem.code, { item: problem.item });
      var $error = item && item.$item.querySelector('[data-error-for="na_reason"]');
      if ($error) {
        $error.textContent = message;
        $error.hidden = false;
        item.$naReasonInput.setAttribute("aria-invalid", "true");
        item.$naReasonInput.setAttribute("aria-describedby", $error.id);
        item.$naReason.classList.add("iom-field--error");
      }
      // Every problem is an N/A without a reason: link to the reason box.
      return { message: message, href: self.itemHref(problem.item, "-na-reason") };
    });
    this.showErrors(this.t("error-title-check"), errors, moveFocus);
    this.errorsShown = "check";
    return found;
  };

  Instrument.prototype.recheck = function () {
    if (this.errorsShown === "check") this.check(false);
  };

  /** The error summary at the top, with a link to each field; focus moves to it. */
  Instrument.prototype.showErrors = function (title, errors, moveFocus) {
    var $summary = this.$root.querySelector("[data-error-summary]");
    $summary.querySelector("[data-error-title]").textContent = title;
    var $list = $summary.querySelector("[data-error-list]");
    while ($list.firstChild) $list.removeChild($list.firstChild);
    errors.forEach(function (error) {
      var $li = document.createElement("li");
      if (error.href) {
        var $a = document.createElement("a");
        $a.href = error.href;
        $a.textContent = error.message;
        $li.appendChild($a);
      } else {
        $li.textContent = error.message;
      }
      $list.appendChild($li);
    });
    $summary.hidden = false;
    if (moveFocus !== false) {
      $summary.focus();
      $summary.scrollIntoView({ block: "start" });
    }
  };

  Instrument.prototype.clearErrors = function () {
    this.errorsShown = null;
    var $summary = this.$root.querySelector("[data-error-summary]");
    if ($summary) $summary.hidden = true;
    var $errors = this.$root.querySelectorAll("[data-error-for]");
    for (var i = 0; i < $errors.length; i++) {
      $errors[i].hidden = true;
      $errors[i].textContent = "";
    }
    var $invalid = this.$root.querySelectorAll("[aria-invalid]");
    for (var j = 0; j < $invalid.length; j++) {
      $invalid[j].removeAttribute("aria-invalid");
      $invalid[j].removeAttribute("aria-describedby");
    }
    var $marked = this.$root.querySelectorAll(".iom-field--error");
    for (var k = 0; k < $marked.length; k++) $marked[k].classList.remove("iom-field--error");
  };

  /* ---- coming back to the page ---- */

  Instrument.prototype.isAttached = function () {
    if (document.body.contains(this.$root)) return true;
    // Instant navigation replaced the page: stop listening.
    window.removeEventListener("pageshow", this.handlePageShow);
    document.removeEventListener("iom:data-cleared", this.handleCleared);
    return false;
  };

  Instrument.prototype.handlePageShow = function (event) {
    if (!this.isAttached() || !event.persisted) return;
    // Restored from the back/forward cache: storage may have changed in another page.
    this.openCurrent();
  };

  Instrument.prototype.handleCleared = function () {
    if (!this.isAttached()) return;
    this.show(this.store.newId(), this.assessment.create(this.instrument));
  };

  IOM.components["iom-instrument"] = Instrument;
  IOM.components["iom-instrument-section"] = Instrument;
})();
