/*
 * Downloads and import for the assessment form: the saved-assessment JSON document, a CSV of
 * answers (one row per item) and a CSV of actions; import of a JSON file with an error summary
 * for anything wrong, and nothing replaced without confirmation. Part of iom-instrument.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.instrumentParts = IOM.instrumentParts || {};

  function Transfer(component) {
    this.c = component;
    this.pending = null;
    this.$file = component.$root.querySelector("[data-import-file]");
    if (this.$file) this.$file.addEventListener("change", this.handleFile.bind(this));
    // (A file chosen before this part loaded is handed over by instrument.js.)
  }

  Transfer.prototype.baseName = function () {
    var c = this.c;
    var doc = c.doc;
    var slug = c.assessment.slug(doc.name || doc.partnership || "") || "assessment";
    var day = doc.date || new Date().toISOString().slice(0, 10);
    return c.instrument.id + "-" + slug + "-" + day;
  };

  Transfer.prototype.download = function (name, type, text) {
    IOM.dom.download(name, type, text);
    this.c.announce(this.c.t("downloaded", { file: name }));
  };

  /** Item ids in form order, then any answers kept from an earlier version. */
  Transfer.prototype.rows = function () {
    var c = this.c;
    var rows = [];
    c.instrument.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        rows.push({ id: id, title: c.instrument.titles[id], section: section.title });
      });
    });
    var summary = c.assessment.summarise(c.doc, c.instrument);
    summary.earlier.forEach(function (id) {
      rows.push({ id: id, title: "", section: "" });
    });
    return rows;
  };

  Transfer.prototype.answersCsv = function () {
    var c = this.c;
    var ins = c.instrument;
    var header = [c.t("csv-instrument"), c.t("csv-version"), c.t("csv-partnership"), c.t("csv-section"), c.t("csv-item-id"), c.t("csv-item"), c.t("csv-rating")];
    if (ins.na) header.push(c.t("csv-na-reason"));
    ins.fields.forEach(function (key) {
      header.push(ins.fieldLabels[key]);
    });
    header.push(c.t("csv-actions-count"));
    var rows = [header];
    this.rows().forEach(function (row) {
      var r = c.doc.responses[row.id] || {};
      var line = [ins.id, ins.version, c.doc.partnership || "", row.section, row.id, row.title, r.rating ? ins.labels[r.rating] || r.rating : ""];
      if (ins.na) line.push(r.rating === "na" && r.na_reason ? r.na_reason : "");
      ins.fields.forEach(function (key) {
        line.push(typeof r[key] === "string" ? r[key] : "");
      });
      line.push((r.actions || []).filter(function (a) {
        return !c.assessment.isEmptyAction(a);
      }).length);
      rows.push(line);
    });
    return IOM.lib.csv.build(rows);
  };

  Transfer.prototype.actionsCsv = function () {
    var c = this.c;
    var ins = c.instrument;
    var rows = [[c.t("csv-item-id"), c.t("csv-item"), c.t("csv-action"), c.t("csv-owner"), c.t("csv-due"), c.t("csv-status")]];
    this.rows().forEach(function (row) {
      var r = c.doc.responses[row.id] || {};
      (r.actions || []).forEach(function (a) {
        if (c.assessment.isEmptyAction(a)) return;
        rows.push([row.id, row.title, a.action || "", a.owner || "", a.due || "", ins.statusLabels[a.status] || a.status || ""]);
      });
    });
    return IOM.lib.csv.build(rows);
  };

  Transfer.prototype.commands = {
    "export-json": function () {
      this.download(this.baseName() + ".json", "application/json", JSON.stringify(this.c.doc, null, 2) + "\n");
    },
    "export-csv": function () {
      this.download(this.baseName() + "-answers.csv", "text/csv;charset=utf-8", this.answersCsv());
    },
    "export-actions": function () {
      this.download(this.baseName() + "-actions.csv", "text/csv;charset=utf-8", this.actionsCsv());
    },
    "import-new": function () {
      this.finishImport(this.c.store.newId());
    },
    "import-replace": function () {
      this.finishImport(this.c.uid);
    }
  };

  Transfer.prototype.handleFile = function () {
    var self = this;
    var c = this.c;
    var file = this.$file.files && this.$file.files[0];
    c.hideConfirms();
    this.pending = null;
    if (!file) return;
    if (file.size > c.assessment.MAX_BYTES) {
      this.showImportErrors(file.name, c.assessment.parseFile("", file.size, c.instrument).errors);
      return;
    }
    file.text().then(function (text) {
      var result = c.assessment.parseFile(text, file.size, c.instrument);
      if (result.errors.length) {
        self.showImportErrors(file.name, result.errors);
        return;
      }
      c.clearErrors();
      self.pending = { name: file.name, doc: result.doc };
      var answered = Object.keys(result.doc.responses).filter(function (id) {
        var r = result.doc.responses[id];
        return r && r.rating;
      }).length;
      var $confirm = c.showConfirm("import");
      $confirm.querySelector("[data-confirm-import-text]").textContent = c.t("import-confirm", {
        file: file.name,
        answered: answered,
        noun: c.instrument.noun,
        partnership: result.doc.partnership || c.t("import-no-partnership")
      });
    });
  };

  Transfer.prototype.showImportErrors = function (fileName, errors) {
    var c = this.c;
    var MAX_SHOWN = 10;
    var shown = errors.slice(0, MAX_SHOWN).map(function (error) {
      var values = { file: fileName };
      Object.keys(error).forEach(function (key) {
        values[key] = error[key];
      });
      return { message: c.t("import-" + error.code, values) };
    });
    if (errors.length > MAX_SHOWN) shown.push({ message: c.t("import-more", { count: errors.length - MAX_SHOWN }) });
    this.$file.value = "";
    c.showErrors(c.t("error-title-import"), shown, true);
    c.errorsShown = "import";
  };

  Transfer.prototype.finishImport = function (uid) {
    var c = this.c;
    if (!this.pending) return;
    var doc = this.pending.doc;
    this.cancel();
    c.hideConfirms();
    c.clearErrors();
    c.show(uid, doc);
    if (c.save()) c.renderList();
    c.announce(c.t("imported", { name: c.displayName(c.doc) }));
    if (this.$file) this.$file.focus();
  };

  Transfer.prototype.cancel = function () {
    this.pending = null;
    if (this.$file) this.$file.value = "";
  };

  IOM.instrumentParts.transfer = Transfer;
})();
