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

  /**
   * The figures and results as [section, item, value, unit] rows, for an analyst to compute
   * with: every amount and count is a number cell ("£55,000" as typed is 55000), money in
   * pounds to the penny, and the value column's header names the currency and price year.
   */
  Scenarios.prototype.csvRows = function () {
    var c = this.c;
    var t = this.t;
    var inputs = c.collect();
    var r = c.calculate({ quiet: true });
    var pennies = function (n) {
      return Math.round(n * 100) / 100;
    };
    // Counts and percentages are not rounded; 15 significant digits (all a spreadsheet keeps)
    // only drops binary noise such as 90.00000000000001.
    var exact = function (n) {
      return Number(n.toPrecision(15));
    };
    // A typed figure as the number the sums use. Text that is no number is kept as typed:
    // that happens only when the form has errors, and the results then say so.
    var typed = function (text, whenBlank) {
      var read = c.lib.readNumber(text);
      if (read.blank) return whenBlank;
      return read.invalid ? text : read.value;
    };
    var crimes = Array.prototype.filter
      .call(c.$crimeRows, function ($row) {
        return inputs.crimes[$row.getAttribute("data-crime")].rate;
      })
      .map(function ($row) {
        var crime = inputs.crimes[$row.getAttribute("data-crime")];
        var label = (crime.label && crime.label.trim()) || $row.getAttribute("data-crime-label");
        return { label: label, crime: crime };
      });

    var notStated = t("csv-not-stated");
    var priced = c.lib.priceYears(
      crimes.map(function (row) {
        return row.crime.year;
      }),
      notStated
    );
    var prices;
    if (priced.years.length === 1 && !priced.unstated) prices = t("csv-prices-year", { year: priced.years[0] });
    else if (priced.years.length === 0) prices = t("csv-prices-not-stated");
    else prices = t("csv-prices-mixed");
    var uprating = typed(inputs.uprating, 1);
    // Uprated results are no longer in the unit costs' price year; the header says so.
    if (typeof uprating === "number" && uprating !== 1) prices = t("csv-prices-uprated", { prices: prices, factor: uprating });

    var rows = [[t("csv-section"), t("csv-item"), t("csv-value", { prices: prices }), t("csv-unit")]];
    var input = function (item, value, unit) {
      rows.push([t("csv-inputs"), item, value, unit]);
    };
    var money = function (item, value) {
      rows.push([t("csv-results"), item, pennies(value), t("csv-a-year")]);
    };
    var count = function (item, value, unit) {
      rows.push([t("csv-results"), item, exact(value), unit]);
    };
    var words = function (item, text) {
      rows.push([t("csv-results"), item, text, ""]);
    };
    rows.push([t("csv-scenario"), t("csv-name"), c.$name.value.trim(), ""]);
    input(t("csv-cohort"), typed(inputs.cohort, ""), t("csv-offenders"));
    inputs.staff.forEach(function (s, i) {
      if (!s.posts && !s.cost) return;
      var post = t(s.role ? "csv-post-role" : "csv-post", { n: i + 1, role: s.role });
      input(t("csv-posts", { post: post }), typed(s.posts, ""), t("csv-fte"));
      input(t("csv-post-cost", { post: post }), typed(s.cost, ""), t("csv-a-year"));
    });
    // Left blank, these count as £0 in the sums, so they are 0 here too.
    input(t("csv-interventions"), typed(inputs.interventions, 0), t("csv-a-year"));
    input(t("csv-other"), typed(inputs.other, 0), t("csv-a-year"));
    crimes.forEach(function (row) {
      var crime = row.crime;
      input(t("csv-rate", { crime: row.label }), typed(crime.rate, ""), t("csv-offences"));
      input(t("csv-multiplier", { crime: row.label }), typed(crime.multiplier, 1), t("csv-times"));
      input(t("csv-unit-cost", { crime: row.label }), typed(crime.cost, ""), t("csv-per-crime"));
      input(t("csv-price-year", { crime: row.label }), (crime.year || "").trim() || notStated, "");
    });
    input(t("csv-uprating"), uprating, t("csv-times"));
    input(t("csv-reduction"), typed(inputs.reduction, ""), t("csv-per-cent"));
    if (!r) {
      words(t("csv-not-calculated"), t("csv-correct-first"));
      return rows;
    }
    money(t("csv-total-cost"), r.totalCost);
    money(t("csv-cost-per-offender"), r.costPerOffender);
    count(t("csv-baseline-offences"), r.baselineOffences, t("csv-offences-a-year"));
    money(t("csv-baseline-cost"), r.baselineCost);
    if (r.breakEven.possible) {
      count(t("csv-break-even-offences"), r.breakEven.offences, t("csv-offences-a-year"));
      count(t("csv-break-even-percent"), r.breakEven.percent, t("csv-per-cent"));
    } else {
      words(t("csv-break-even"), t("csv-not-possible"));
    }
    count(t("csv-prevented"), r.expected.offencesPrevented, t("csv-offences-a-year"));
    money(t("csv-savings"), r.expected.savings);
    money(t("csv-net"), r.expected.net);
    money(t("csv-net-per-offender"), r.expected.netPerOffender);
    c.lib.netTable(r, 10).forEach(function (row) {
      var item = t("csv-at", { percent: c.lib.formatNumber(row.percent, 2) });
      rows.push([t("csv-by-reduction"), item, pennies(row.net), t("csv-a-year")]);
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
