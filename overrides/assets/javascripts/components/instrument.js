/*
 * The assessment form: keeps every answer in a saved-assessment document, writes it to the
 * browser's storage on every change and announces "Saved"; restores it on reload and history
 * navigation; manages several named assessments per instrument.
 * Each instrument has an overview page (saved list, About, task list, summary: module
 * iom-instrument) and one page per section (its questions: iom-instrument-section); the same
 * component runs on both and uses whichever parts the page has. This file is the core both
 * need: reading the page, opening, showing and saving a document, "Saved", storage warnings,
 * progress, the open assessment's name, checking for problems, links to items. The parts are
 * split out so each page downloads only its own: editing the questions
 * (instrument-answers.js, section pages), the saved list and its commands
 * (instrument-manage.js, overview), the summary (instrument-summary.js, overview) and
 * downloads/import (instrument-transfer.js, loaded on first use). Parts add methods to the
 * prototype and commands to `commands`. Each part copes with a page that lacks what it works
 * on: with the theme's instant navigation (off, see mkdocs.yml) one page life loads both
 * page kinds' parts.
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
    if (this.initManage) this.initManage(); // the overview's saved list and downloads
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
   * <template> (text in .content), not a <script>: the theme's instant navigation, if turned
   * on, re-creates every <script> in the new page without its attributes.
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

  /**
   * The item fieldsets on this page only: none on the overview, one section's on a section
   * page, whose bundle has instrument-answers.js to read each (readItem).
   */
  Instrument.prototype.readItems = function () {
    var items = {};
    var $items = this.$root.querySelectorAll("[data-item]");
    for (var i = 0; i < $items.length; i++) items[$items[i].getAttribute("data-item")] = this.readItem($items[i]);
    return items;
  };

  /**
   * A link to an item (with `suffix`, to a field in it, such as "-na-reason"): on this page
   * a fragment, else its section page.
   */
  Instrument.prototype.itemHref = function (id, suffix) {
    var item = this.items[id];
    if (item) return "#" + item.anchor + (suffix || "");
    // Only the overview links to items on other pages; its JSON carries their anchors.
    var section = this.instrument.sectionOf[id];
    return (section ? section.url : "") + "#" + this.instrument.anchors[id] + (suffix || "");
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
    this.renderName();
    this.renderSummaryNow();
    if (!this.arrived) {
      this.arrived = true; // once per page: after the answers are in (a migration may delay them)
      // Only a section page has questions to focus (the overview's bundle lacks the part).
      if (this.focusItemInHash) this.focusItemInHash();
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
    // Items exist only on section pages, whose bundle has instrument-answers.js.
    Object.keys(this.items).forEach(function (id) {
      self.fillItem(id);
    });
    this.clearErrors();
  };

  /* ---- changes ---- */

  Instrument.prototype.handleInput = function (event) {
    if (!this.doc) return; // an older document is still being migrated
    var $target = event.target;
    if ($target.hasAttribute("data-about-field")) {
      if (event.type === "input" || $target.type === "date") {
        this.doc[$target.getAttribute("data-about-field")] = $target.value;
        this.changed();
        if ($target.getAttribute("data-about-field") === "name") this.renderName();
      }
      return;
    }
    if ($target.hasAttribute("data-import-file") || $target.hasAttribute("data-saved-list")) return;
    var $item = $target.closest("[data-item]");
    // An item is only on a section page, whose bundle has instrument-answers.js.
    if ($item) this.handleItemInput(event, $target, $item.getAttribute("data-item"));
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
      var counts = this.sectionCounts(summary, id);
      if ($progress && counts) $progress.textContent = this.progressText(counts);
    }
  };

  /** One section's counts in a summary (lib/assessment.js summarise), by section id. */
  Instrument.prototype.sectionCounts = function (summary, id) {
    return summary.sections.filter(function (s) {
      return s.id === id;
    })[0];
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

  Instrument.prototype.handleClick = function (event) {
    if (!this.doc) return; // an older document is still being migrated
    var $button = event.target.closest("[data-command]");
    if ($button && this.$root.contains($button)) {
      var command = $button.getAttribute("data-command");
      var handler = this.commands[command];
      if (handler) {
        event.preventDefault();
        handler.call(this, $button);
      } else if (this.withTransfer) {
        // Downloads and import: the overview's part loads them on first use.
        this.withTransfer(function (transfer) {
          if (transfer.commands[command]) transfer.commands[command].call(transfer, $button);
        });
      }
      return;
    }
    var $item = event.target.closest("a[data-focus-item]");
    if ($item) {
      // "Change" and priority links: go to the item and put focus on its rating. An item on
      // another page is left to the link; focusItemInHash does it when that page opens. An
      // item on this page means a section page, whose bundle has instrument-answers.js.
      var id = $item.getAttribute("data-focus-item");
      if (this.items[id]) this.focusItemLink(event, id);
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

  /** The commands every page has; instrument-answers.js and instrument-manage.js add theirs. */
  Instrument.prototype.commands = {
    check: function () {
      this.check(true);
    }
  };

  /* ---- the open assessment's name ---- */

  Instrument.prototype.displayName = function (doc) {
    return (doc.name && doc.name.trim()) || (doc.partnership && doc.partnership.trim()) || this.t("untitled");
  };

  /** Name the open assessment ("Open now: …"), and refresh the saved list where there is one. */
  Instrument.prototype.renderName = function () {
    var $current = this.$root.querySelector("[data-current-name]");
    if ($current) $current.textContent = this.displayName(this.doc);
    if (this.renderList) this.renderList(); // the overview's part; a section page has no list
  };

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** "14:05" */
  function clockTime(d) {
    return twoDigits(d.getHours()) + ":" + twoDigits(d.getMinutes());
  }
  Instrument.clockTime = clockTime; // for the saved list's dates (instrument-manage.js)

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
      var message = self.t(problem.code, { item: problem.item });
      // Beside the field too, when the item is on this page (a section page: its bundle has
      // instrument-answers.js); else only in the summary, linking to its section page.
      if (self.items[problem.item]) self.showItemError(problem.item, message);
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
    // The page content was replaced (instant navigation, if turned on): stop listening.
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
