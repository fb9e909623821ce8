/*
 * Scenarios for the value-for-money calculator: save, open and delete named scenarios in this
 * browser, download a scenario (JSON) or the figures and results (CSV), and import a JSON
 * scenario through lib/importer.js, asking before it replaces what is in the form. Part of
 * iom-breakeven, loaded on first use (components/breakeven.js withScenarios), since most
 * visits only calculate. Every word comes from the page (the component's t()).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.breakevenParts = IOM.breakevenParts || {};
  var ui = IOM.ui;

  /** component: the iom-breakeven component this part works for. */
  function Scenarios(component) {
    this.c = component;
    this.t = component.t;
    this.format = IOM.components["iom-breakeven"].format;
    this.pendingDelete = null;
    this.pendingImport = null;
  }

  /** Run the command a button names; returns false for a command this part does not have. */
  Scenarios.prototype.run = function (command) {
    var handler = {
      save: this.handleSave,
      open: this.handleOpen,
      delete: this.handleDelete,
      "delete-confirm": this.handleDeleteConfirm,
      "delete-cancel": this.handleDeleteCancel,
      "export-json": this.handleExportJson,
      "export-csv": this.handleExportCsv,
      "import-confirm": this.handleImportConfirm,
      "import-cancel": this.handleImportCancel
    }[command];
    if (!handler) return false;
    handler.call(this);
    return true;
  };

  /** Show `message` by `$input` in its error slot `errorId`, or clear it when empty. */
  Scenarios.prototype.fieldError = function ($input, errorId, message) {
    var $error = document.getElementById(errorId);
    this.c.markInvalid($input, $error, !!message);
    $error.textContent = message || "";
    $error.hidden = !message;
  };

  Scenarios.prototype.nameError = function (message) {
    this.fieldError(this.c.$name, "iom-be-scenario-name-error", message);
  };

  Scenarios.prototype.handleSave = function () {
    var c = this.c;
    var name = c.$name.value.trim();
    if (!name) {
      this.nameError(this.t("name-missing"));
      c.$name.focus();
      return;
    }
    this.nameError("");
    var existing = c.saved().filter(function (entry) {
      return entry.doc.name === name;
    })[0];
    var uid = existing ? existing.uid : c.store.newId();
    var result = c.store.save(this.format.storeId, uid, c.document(name));
    c.saveDraft();
    c.refreshList(uid);
    if (!result.ok) c.announce(this.t("save-failed"));
    else if (!c.store.persistent) c.announce(this.t("saved-for-visit"));
    else c.announce(this.t(existing ? "replaced" : "saved", { name: name }));
  };

  /** The saved scenario chosen in the list, or null (and the user told to choose one). */
  Scenarios.prototype.chosen = function (key) {
    var c = this.c;
    var doc = c.$list.value ? c.store.load(this.format.storeId, c.$list.value) : null;
    if (!doc) {
      c.announce(this.t(key));
      c.$list.focus();
    }
    return doc;
  };

  Scenarios.prototype.handleOpen = function () {
    var doc = this.chosen("choose-to-open");
    if (!doc) return;
    this.apply(doc);
    this.c.announce(this.t("opened", { name: doc.name || "" }));
  };

  /** Put a scenario's inputs and name into the form, keep it as the draft and calculate. */
  Scenarios.prototype.apply = function (doc) {
    var c = this.c;
    c.fill(doc.inputs || {});
    c.$name.value = typeof doc.name === "string" ? doc.name : "";
    c.saveDraft();
    c.calculate({ quiet: false });
  };

  Scenarios.prototype.handleDelete = function () {
    var doc = this.chosen("choose-to-delete");
    if (!doc) return;
    // Nothing is deleted until the user confirms, in words, which scenario goes.
    var $confirm = this.c.$root.querySelector("[data-confirm-delete]");
    $confirm.querySelector("[data-confirm-name]").textContent = doc.name || "";
    this.pendingDelete = this.c.$list.value;
    $confirm.hidden = false;
    $confirm.focus();
  };

  Scenarios.prototype.handleDeleteConfirm = function () {
    var c = this.c;
    var uid = this.pendingDelete;
    var doc = uid ? c.store.load(this.format.storeId, uid) : null;
    this.hideConfirm("[data-confirm-delete]");
    this.pendingDelete = null;
    if (!doc) return;
    c.store.remove(this.format.storeId, uid);
    c.refreshList();
    c.$list.focus();
    c.announce(this.t("deleted", { name: doc.name || "" }));
  };

  Scenarios.prototype.handleDeleteCancel = function () {
    this.hideConfirm("[data-confirm-delete]");
    this.pendingDelete = null;
    this.c.$list.focus();
  };

  Scenarios.prototype.hideConfirm = function (selector) {
    this.c.$root.querySelector(selector).hidden = true;
  };

  Scenarios.prototype.fileName = function (ext) {
    var name = (this.c.$name.value.trim() || "scenario")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return "iom-value-for-money-" + (name || "scenario") + "." + ext;
  };

  Scenarios.prototype.handleExportJson = function () {
    var doc = this.c.document(this.c.$name.value.trim());
    ui.download(this.fileName("json"), "application/json", JSON.stringify(doc, null, 2));
    this.c.announce(this.t("downloaded-json"));
  };

  /** The figures and results as [section, item, value, unit] rows; money and counts as numbers. */
  Scenarios.prototype.csvRows = function () {
    var c = this.c;
    var t = this.t;
    var inputs = c.collect();
    var r = c.calculate({ quiet: true });
    var round = function (n) {
      return Math.round(n * 100) / 100;
    };
    var rows = [[t("csv-section"), t("csv-item"), t("csv-value"), t("csv-unit")]];
    var input = function (item, value, unit) {
      rows.push([t("csv-inputs"), item, value, unit]);
    };
    var result = function (item, value, unit) {
      rows.push([t("csv-results"), item, typeof value === "number" ? round(value) : value, unit]);
    };
    rows.push([t("csv-scenario"), t("csv-name"), c.$name.value.trim(), ""]);
    input(t("csv-cohort"), inputs.cohort, t("csv-offenders"));
    inputs.staff.forEach(function (s, i) {
      if (!s.posts && !s.cost) return;
      var post = t(s.role ? "csv-post-role" : "csv-post", { n: i + 1, role: s.role });
      input(t("csv-posts", { post: post }), s.posts, t("csv-fte"));
      input(t("csv-post-cost", { post: post }), s.cost, t("csv-a-year"));
    });
    input(t("csv-interventions"), inputs.interventions, t("csv-a-year"));
    input(t("csv-other"), inputs.other, t("csv-a-year"));
    Array.prototype.forEach.call(c.$crimeRows, function ($row) {
      var crime = inputs.crimes[$row.getAttribute("data-crime")];
      if (!crime.rate) return;
      var label = (crime.label && crime.label.trim()) || $row.getAttribute("data-crime-label");
      input(t("csv-rate", { crime: label }), crime.rate, t("csv-offences"));
      input(t("csv-multiplier", { crime: label }), crime.multiplier || "1", t("csv-times"));
      input(t("csv-unit-cost", { crime: label }), crime.cost, t("csv-per-crime"));
      input(t("csv-price-year", { crime: label }), crime.year, "");
    });
    input(t("csv-uprating"), inputs.uprating || "1", t("csv-times"));
    input(t("csv-reduction"), inputs.reduction, "%");
    if (!r) {
      result(t("csv-not-calculated"), t("csv-correct-first"), "");
      return rows;
    }
    result(t("csv-total-cost"), r.totalCost, t("csv-a-year"));
    result(t("csv-cost-per-offender"), r.costPerOffender, t("csv-a-year"));
    result(t("csv-baseline-offences"), r.baselineOffences, t("csv-offences-a-year"));
    result(t("csv-baseline-cost"), r.baselineCost, t("csv-a-year"));
    if (r.breakEven.possible) {
      result(t("csv-break-even-offences"), r.breakEven.offences, t("csv-offences-a-year"));
      result(t("csv-break-even-percent"), r.breakEven.percent, "%");
    } else {
      result(t("csv-break-even"), t("csv-not-possible"), "");
    }
    result(t("csv-prevented"), r.expected.offencesPrevented, t("csv-offences-a-year"));
    result(t("csv-savings"), r.expected.savings, t("csv-a-year"));
    result(t("csv-net"), r.expected.net, t("csv-a-year"));
    result(t("csv-net-per-offender"), r.expected.netPerOffender, t("csv-a-year"));
    c.lib.netTable(r, 10).forEach(function (row) {
      rows.push([t("csv-by-reduction"), t("csv-at", { percent: round(row.percent) }), round(row.net), t("csv-a-year")]);
    });
    return rows;
  };

  Scenarios.prototype.handleExportCsv = function () {
    ui.download(this.fileName("csv"), "text/csv;charset=utf-8", IOM.lib.csv.build(this.csvRows()));
    this.c.announce(this.t("downloaded-csv"));
  };

  Scenarios.prototype.importError = function (message) {
    this.fieldError(this.c.$import, "iom-be-import-error", message);
  };

  /** A chosen file: read and checked (lib/importer.js), then offered; nothing changes yet. */
  Scenarios.prototype.handleImport = function () {
    var self = this;
    var c = this.c;
    var file = c.$import.files && c.$import.files[0];
    this.hideConfirm("[data-confirm-import]");
    this.pendingImport = null;
    if (!file) return;
    var shape = { staffRows: c.$staffRows.length, crimes: c.crimeKeys() };
    IOM.lib.importer
      .read(file, {
        kind: "json",
        maxBytes: Number(c.$import.getAttribute("data-max-bytes")),
        validate: function (value) {
          return IOM.lib.scenarioFile.validate(value, shape);
        }
      })
      .then(function (read) {
        c.$import.value = "";
        if (read.errors.length) {
          var messages = ui.fileErrors(self.t, read.name, read.errors, null, 3);
          self.importError(
            messages
              .map(function (m) {
                return m.message;
              })
              .join(" ")
          );
          return;
        }
        self.importError("");
        self.pendingImport = read;
        var $confirm = c.$root.querySelector("[data-confirm-import]");
        $confirm.querySelector("[data-confirm-import-text]").textContent = self.t("import-confirm", {
          name: typeof read.value.name === "string" && read.value.name ? read.value.name : self.t("unnamed"),
          file: read.name
        });
        $confirm.hidden = false;
        $confirm.focus();
      });
  };

  Scenarios.prototype.handleImportConfirm = function () {
    var read = this.pendingImport;
    this.pendingImport = null;
    this.hideConfirm("[data-confirm-import]");
    if (!read) return;
    this.apply(read.value);
    this.c.announce(this.t("imported", { name: read.value.name || "" }));
    this.c.$import.focus();
  };

  Scenarios.prototype.handleImportCancel = function () {
    this.pendingImport = null;
    this.hideConfirm("[data-confirm-import]");
    this.c.$import.focus();
  };

  IOM.breakevenParts.scenarios = Scenarios;
})();
