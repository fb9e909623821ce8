/*
 * What both pages of an assessment form share (the overview, assessment-overview.js, and each
 * section page, assessment-section.js, each own one of these): the instrument and words the
 * page carries, the open assessment (lib/session.js) kept in step with other tabs, what saving
 * did ("Saved", storage full or blocked, beside the field and at the top, with a download so
 * nothing is lost), the open assessment's name, progress, and the problems "Check your
 * answers" finds (lib/check.js) with their messages, beside their fields.
 * `show` is called whenever the document shown changes (opened, or changed in another tab).
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var A = IOM.lib.assessment;

  var ANNOUNCE_DELAY = 800; // ms of quiet typing before "Saved" is announced
  var TYPING_DELAY = 300; // ms of quiet typing before it is saved

  function AssessmentPage($root, show) {
    this.$root = $root;
    this.show = show;
    this.t = ui.messages($root);
    this.instrument = ui.instrument($root);
    this.levels = ui.levels(this.instrument, this.t);
    this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix"));
    this.session = IOM.lib.session.open({ store: this.store, instrument: this.instrument, migrate: IOM.lib.migrate });
    this.say = ui.status($root.querySelector("[data-status]"));
    this.errors = ui.errorSummary($root);
    this.$warning = $root.querySelector("[data-storage-warning]");
    this.$inline = ui.el("p", "iom-error-message iom-storage-inline");
    this.$inline.id = "iom-storage-inline";
    this.atRisk = false; // changes this browser has not kept, and no download since
    this.session.subscribe(this.handleSession.bind(this));
    ui.watch(this.session);
    window.addEventListener("beforeunload", this.handleLeave.bind(this));
    if (!this.store.persistent) this.warn("storage-unavailable");
    this.migrateIfNeeded();
  }

  /** A change made on this page, by the control $field; typing is saved once it pauses. */
  AssessmentPage.prototype.change = function (path, value, $field, typing) {
    this.$field = $field;
    this.$root.setAttribute("data-pending", "");
    this.session.change(path, value, typing ? TYPING_DELAY : 0);
  };

  AssessmentPage.prototype.handleSession = function (event) {
    if (event.source === "saved") return this.saved(event.result);
    if (!this.session.hasPending()) this.$root.removeAttribute("data-pending");
    if (!event.changed) return this.migrateIfNeeded();
    clearTimeout(this.announceTimer); // news from elsewhere outdates our own "Saved"
    this.show();
    if (event.source === "elsewhere") this.say(this.t("updated-elsewhere"));
    if (event.source === "removed") this.say(this.t(this.store.count() ? "removed-elsewhere" : "cleared-elsewhere"));
    this.migrateIfNeeded();
  };

  /** lib/migrate.js loads only for a document saved under an earlier version of the form. */
  AssessmentPage.prototype.migrateIfNeeded = function () {
    if (!this.session.needsMigrate || this.migrating) return;
    var session = this.session;
    this.migrating = IOM.loadPart("iom-migrate").then(
      function () {
        session.useMigrate(IOM.lib.migrate);
      },
      function (error) {
        if (window.console) console.error("[iom] migrate:", error); // the answers show as saved
      }
    );
  };

  /** What a save did: "Saved" once typing pauses, or why not, beside the field and at the top. */
  AssessmentPage.prototype.saved = function (result) {
    if (result.reason === "removed") return;
    var self = this;
    clearTimeout(this.announceTimer);
    if (!result.ok || !result.persistent) {
      this.atRisk = true;
      this.warn(!result.ok && result.reason === "full" ? "storage-full" : "storage-unavailable");
      this.$inline.textContent = this.t(!result.ok && result.reason === "full" ? "not-saved-full" : "not-saved-blocked");
      var $place = this.$field && this.$field.closest(".iom-field, .iom-rating, .iom-action");
      if ($place && $place.lastElementChild !== this.$inline) {
        this.describe(null);
        $place.appendChild(this.$inline);
        this.describe(this.$field);
      }
      return;
    }
    this.$root.removeAttribute("data-pending");
    this.$root.setAttribute("data-saved", this.session.doc.updated);
    if (this.warning === "storage-full") {
      this.$warning.hidden = true;
      this.warning = null;
      this.describe(null);
      this.$inline.remove();
    }
    this.announceTimer = setTimeout(function () {
      var now = new Date();
      self.say(self.t("saved", { time: pad(now.getHours()) + ":" + pad(now.getMinutes()) }));
    }, ANNOUNCE_DELAY);
  };

  /** Let the field the message is beside name it (aria-describedby), and only that field. */
  AssessmentPage.prototype.describe = function ($field) {
    var id = this.$inline.id;
    if (this.$described) {
      var ids = (this.$described.getAttribute("aria-describedby") || "").split(" ").filter(function (one) {
        return one && one !== id;
      });
      if (ids.length) this.$described.setAttribute("aria-describedby", ids.join(" "));
      else this.$described.removeAttribute("aria-describedby");
    }
    this.$described = $field;
    if ($field) $field.setAttribute("aria-describedby", ((($field.getAttribute("aria-describedby") || "") + " " + id).trim()));
  };

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  AssessmentPage.prototype.warn = function (key) {
    if (!this.$warning) return;
    this.warning = key;
    this.$warning.querySelector("[data-storage-warning-text]").textContent = this.t(key);
    this.$warning.hidden = false;
  };

  /** Leaving with answers this browser has not kept, and no copy downloaded: ask first. */
  AssessmentPage.prototype.handleLeave = function (event) {
    if (!this.atRisk) return;
    event.preventDefault();
    event.returnValue = "";
  };

  /** "self-assessment-2010-spring-review-2026-11-22": downloads are named after the assessment. */
  AssessmentPage.prototype.fileName = function () {
    this.session.flush();
    var doc = this.session.doc;
    var day = A.isDate(doc.date) ? doc.date : new Date().toISOString().slice(0, 10);
    return this.instrument.id + "-" + (A.slug(doc.name || doc.partnership) || "assessment") + "-" + day;
  };

  /** The open assessment as a JSON file, as imported on the overview. */
  AssessmentPage.prototype.downloadJson = function () {
    var name = this.fileName() + ".json";
    ui.download(name, "application/json", JSON.stringify(this.session.doc, null, 2) + "\n");
    this.atRisk = false;
    this.say(this.t("downloaded", { file: name }));
  };

  AssessmentPage.prototype.displayName = function (doc) {
    return (A.hasText(doc.name) && doc.name.trim()) || (A.hasText(doc.partnership) && doc.partnership.trim()) || this.t("untitled");
  };

  /** "Open now: …" */
  AssessmentPage.prototype.renderName = function () {
    var $current = this.$root.querySelector("[data-current-name]");
    if ($current) $current.textContent = this.displayName(this.session.doc);
  };

  /** "7 of 12 elements rated", saying how many are N/A when some are. */
  AssessmentPage.prototype.progressText = function (counts) {
    var noun = this.instrument.noun;
    if (counts.na) return this.t("progress-na", { rated: counts.rated, total: counts.total - counts.na, na: counts.na, noun: noun });
    return this.t("progress", { rated: counts.rated, total: counts.total, noun: noun });
  };

  /* ---- "Check your answers" (lib/check.js): messages, the fields they are about ---- */

  /** Every problem with the open assessment, each with its message and its field's id. */
  AssessmentPage.prototype.problems = function () {
    var self = this;
    var found = IOM.lib.check.run(this.session.doc, this.instrument);
    found.errors.concat(found.warnings).forEach(function (p) {
      p.message = self.t("check-" + p.code, {
        item: p.item,
        level: p.level ? self.levels.label(p.level) : "",
        field: self.instrument.fieldLabels[p.key] || "",
        n: p.n,
        due: p.due
      });
      p.field = self.fieldId(p);
    });
    return found;
  };

  /**
   * The id of the control a problem's link lands on, as the templates make them
   * (instrument_macros.html): an item's first rating, its reason or text box, its "Add an
   * action" button, a field of its action n; a detail's box on the overview.
   */
  AssessmentPage.prototype.fieldId = function (p) {
    if (!p.item) return "iom-about-" + p.key;
    var base = A.anchor(p.item);
    if (p.n) return base + "-action-" + p.n + "-" + p.key;
    if (p.key === "rating") return base + "-rating-" + this.instrument.levels[0].value;
    if (p.key === "na_reason") return base + "-na-reason";
    if (p.key === "actions") return base + "-add-action";
    return base + "-" + p.key;
  };

  /** Show each problem's message beside its field (GOV.UK error message), marking the field. */
  AssessmentPage.prototype.showBeside = function (problems) {
    var self = this;
    this.clearBeside();
    var slots = [];
    problems.forEach(function (p) {
      var $field = document.getElementById(p.field);
      if (!$field || !self.$root.contains($field)) return;
      var box = p.key === "rating" ? ".iom-rating" : p.key === "actions" ? ".iom-actions" : ".iom-field";
      var $box = $field.closest(box);
      var $slot = $box && $box.querySelector('[data-error-for="' + p.key + '"]');
      if (!$slot) return;
      if (slots.indexOf($slot) < 0) {
        slots.push($slot);
        ui.empty($slot);
        $slot.appendChild(ui.el("span", "iom-visually-hidden", self.t("error-prefix") + " "));
        $box.classList.add("iom-field--error");
        // A radio group is described as a whole; a box or button by itself.
        var $described = p.key === "rating" ? $box : $field;
        ui.describedBy($described, $slot.id, true);
        if (p.key !== "rating" && p.key !== "actions") $field.setAttribute("aria-invalid", "true");
        $slot.hidden = false;
      } else {
        $slot.appendChild(document.createTextNode(" "));
      }
      $slot.appendChild(document.createTextNode(p.message));
    });
  };

  /** Take every message showBeside put beside a field away, and what marked the field. */
  AssessmentPage.prototype.clearBeside = function () {
    var $slots = this.$root.querySelectorAll("[data-error-for]:not([hidden])");
    for (var i = 0; i < $slots.length; i++) {
      var id = $slots[i].id;
      $slots[i].hidden = true;
      ui.empty($slots[i]);
      var $box = $slots[i].parentNode.closest(".iom-field--error");
      if ($box) $box.classList.remove("iom-field--error");
      var $described = this.$root.querySelectorAll('[aria-describedby~="' + id + '"]');
      for (var k = 0; k < $described.length; k++) {
        ui.describedBy($described[k], id, false);
        $described[k].removeAttribute("aria-invalid");
      }
    }
  };

  IOM.AssessmentPage = AssessmentPage;
})();
