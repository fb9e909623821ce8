/*
 * Scenarios for the value-for-money calculator: save, open and delete named scenarios in this
 * browser, download a scenario (JSON) or the figures and results (CSV), and import a JSON
 * scenario. Part of iom-breakeven, loaded on first use (components/breakeven.js withScenarios),
 * since most visits only calculate.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.breakevenParts = IOM.breakevenParts || {};

  /** component: the iom-breakeven component this part works for. */
  function Scenarios(component) {
    this.c = component;
    this.format = IOM.components["iom-breakeven"].format;
    this.pendingDelete = null;
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
      "export-csv": this.handleExportCsv
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
      this.nameError("Enter a name for the scenario");
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
    if (!result.ok) c.announce("Could not save: this browser’s storage is full or blocked. Download the scenario instead.");
    else if (!c.store.persistent) c.announce("Saved for this visit only: this browser does not allow saving.");
    else c.announce((existing ? "Replaced" : "Saved") + " scenario “" + name + "”");
  };

  Scenarios.prototype.handleOpen = function () {
    var c = this.c;
    var uid = c.$list.value;
    var doc = uid ? c.store.load(this.format.storeId, uid) : null;
    if (!doc) {
      c.announce("Choose a saved scenario to open");
      c.$list.focus();
      return;
    }
    c.fill(doc.inputs || {});
    c.$name.value = doc.name || "";
    c.saveDraft();
    c.calculate({ quiet: false });
    c.announce("Opened scenario “" + (doc.name || "") + "”");
  };

  Scenarios.prototype.handleDelete = function () {
    var c = this.c;
    var uid = c.$list.value;
    var doc = uid ? c.store.load(this.format.storeId, uid) : null;
    if (!doc) {
      c.announce("Choose a saved scenario to delete");
      c.$list.focus();
      return;
    }
    // Nothing is deleted until the user confirms, in words, which scenario goes.
    var $confirm = c.$root.querySelector("[data-confirm-delete]");
    $confirm.querySelector("[data-confirm-name]").textContent = doc.name || "";
    this.pendingDelete = uid;
    $confirm.hidden = false;
    $confirm.focus();
  };

  Scenarios.prototype.handleDeleteConfirm = function () {
    var c = this.c;
    var uid = this.pendingDelete;
    var doc = uid ? c.store.load(this.format.storeId, uid) : null;
    this.hideDeleteConfirm();
    if (!doc) return;
    c.store.remove(this.format.storeId, uid);
    c.refreshList();
    c.$list.focus();
    c.announce("Deleted scenario “" + (doc.name || "") + "”");
  };

  Scenarios.prototype.handleDeleteCancel = function () {
    this.hideDeleteConfirm();
    this.c.$list.focus();
  };

  Scenarios.prototype.hideDeleteConfirm = function () {
    this.pendingDelete = null;
    this.c.$root.querySelector("[data-confirm-delete]").hidden = true;
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
    IOM.dom.download(this.fileName("json"), "application/json", JSON.stringify(doc, null, 2));
    this.c.announce("Downloaded the scenario as JSON");
  };

  /** One CSV line; numbers are written as numbers (a negative net position stays a number). */
  function csvLine(values) {
    var csv = IOM.lib.csv;
    return values
      .map(function (value) {
        return typeof value === "number" ? String(Math.round(value * 100) / 100) : csv.cell(value);
      })
      .join(",");
  }

  Scenarios.prototype.csvRows = function () {
    var c = this.c;
    var inputs = c.collect();
    var r = c.calculate({ quiet: true });
    var rows = [["Section", "Item", "Value", "Unit"]];
    rows.push(["Scenario", "Name", c.$name.value.trim(), ""]);
    rows.push(["Inputs", "Number of offenders managed", inputs.cohort, "offenders"]);
    inputs.staff.forEach(function (s, i) {
      if (!s.posts && !s.cost) return;
      var label = "Post " + (i + 1) + (s.role ? " (" + s.role + ")" : "");
      rows.push(["Inputs", label + ": number of posts", s.posts, "full-time equivalent"]);
      rows.push(["Inputs", label + ": cost per post", s.cost, "£ a year"]);
    });
    rows.push(["Inputs", "Interventions", inputs.interventions, "£ a year"]);
    rows.push(["Inputs", "Premises and other costs", inputs.other, "£ a year"]);
    Array.prototype.forEach.call(c.$crimeRows, function ($row) {
      var key = $row.getAttribute("data-crime");
      var crime = inputs.crimes[key];
      if (!crime.rate) return;
      var label = (crime.label && crime.label.trim()) || $row.getAttribute("data-crime-label");
      rows.push(["Inputs", label + ": offences per offender a year", crime.rate, "offences"]);
      rows.push(["Inputs", label + ": multiplier for unrecorded crime", crime.multiplier || "1", "times"]);
      rows.push(["Inputs", label + ": unit cost", crime.cost, "£ per crime"]);
      rows.push(["Inputs", label + ": price year", crime.year, ""]);
    });
    rows.push(["Inputs", "Uprating factor", inputs.uprating || "1", "times"]);
    rows.push(["Inputs", "Expected reduction", inputs.reduction, "%"]);
    if (!r) {
      rows.push(["Results", "Not calculated", "Correct the problems in the form first", ""]);
      return rows;
    }
    rows.push(["Results", "Total cost", r.totalCost, "£ a year"]);
    rows.push(["Results", "Cost per managed offender", r.costPerOffender, "£ a year"]);
    rows.push(["Results", "Offences by the cohort before IOM", r.baselineOffences, "offences a year"]);
    rows.push(["Results", "Cost of those offences", r.baselineCost, "£ a year"]);
    if (r.breakEven.possible) {
      rows.push(["Results", "Offences to prevent to break even", r.breakEven.offences, "offences a year"]);
      rows.push(["Results", "Reduction needed to break even", r.breakEven.percent, "%"]);
    } else {
      rows.push(["Results", "Break-even", "Not possible", ""]);
    }
    rows.push(["Results", "Offences prevented at the expected reduction", r.expected.offencesPrevented, "offences a year"]);
    rows.push(["Results", "Savings at the expected reduction", r.expected.savings, "£ a year"]);
    rows.push(["Results", "Net position at the expected reduction", r.expected.net, "£ a year"]);
    rows.push(["Results", "Net position per managed offender", r.expected.netPerOffender, "£ a year"]);
    c.lib.netTable(r, 10).forEach(function (row) {
      rows.push(["Net position by reduction", "At " + Math.round(row.percent * 100) / 100 + "%", row.net, "£ a year"]);
    });
    return rows;
  };

  Scenarios.prototype.handleExportCsv = function () {
    var text = IOM.lib.csv.BOM + this.csvRows().map(csvLine).join("\r\n") + "\r\n";
    IOM.dom.download(this.fileName("csv"), "text/csv;charset=utf-8", text);
    this.c.announce("Downloaded the figures and results as CSV");
  };

  Scenarios.prototype.importError = function (message) {
    this.fieldError(this.c.$import, "iom-be-import-error", message);
  };

  Scenarios.prototype.handleImport = function () {
    var self = this;
    var c = this.c;
    var format = this.format;
    var file = c.$import.files && c.$import.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var doc = null;
      try {
        doc = JSON.parse(String(reader.result));
      } catch (error) {
        doc = null;
      }
      if (!doc || doc.format !== format.name || !doc.inputs || typeof doc.inputs !== "object") {
        self.importError("The selected file is not a scenario downloaded from this page");
        return;
      }
      if (doc.formatVersion > format.version) {
        self.importError("The selected file was made by a newer version of this calculator");
        return;
      }
      self.importError("");
      c.fill(doc.inputs);
      c.$name.value = doc.name || "";
      c.saveDraft();
      c.calculate({ quiet: false });
      c.announce("Imported scenario “" + (doc.name || "") + "”. Save it to keep it in this browser.");
      c.$import.value = "";
    };
    reader.onerror = function () {
      self.importError("The selected file could not be read");
    };
    reader.readAsText(file);
  };

  IOM.breakevenParts.scenarios = Scenarios;
})();
