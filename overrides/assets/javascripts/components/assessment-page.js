/*
 * What both pages of an assessment form share (the overview, assessment-overview.js, and each
 * section page, assessment-section.js, each own one of these): the instrument and words the
 * page carries, the open assessment (lib/session.js) kept in step with other tabs, what saving
 * did ("Saved", storage full or blocked, beside the field and at the top, with a download so
 * nothing is lost), the open assessment's name, progress, and "Check for problems".
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

  /**
   * Show the problems of the items `mine` answers for (all on the overview) in the error
   * summary, each linking to its reason box; `beside(id, message)` shows one by its field.
   */
  AssessmentPage.prototype.check = function (mine, href, beside, moveFocus) {
    var self = this;
    var found = A.problems(this.session.doc, this.instrument).filter(function (p) {
      return mine(p.item);
    });
    this.errorsShown = found.length > 0;
    if (!found.length) {
      this.errors.hide();
      return found;
    }
    var errors = found.map(function (problem) {
      var message = self.t(problem.code, { item: problem.item });
      if (beside) beside(problem.item, message);
      return { message: message, href: href(problem.item, "-na-reason") };
    });
    this.errors.show(this.t("error-title-check"), errors, moveFocus);
    return found;
  };

  IOM.AssessmentPage = AssessmentPage;
})();
