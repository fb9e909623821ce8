/*
 * An assessment as spreadsheet rows (lib/csv.js writes them): answers, one row per item in
 * form order then any answers kept from an earlier version; actions, one row per action.
 * `t(key)` gives the column names the page carries. Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var A = IOM.lib.assessment;
  var own = A.own;

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  /** Items in form order ({id, title, section}), then the ids kept from an earlier version. */
  function items(doc, instrument) {
    var ins = A.describe(instrument);
    var rows = [];
    ins.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        rows.push({ id: id, title: ins.titles[id] || "", section: section.title });
      });
    });
    A.summarise(doc, ins).earlier.forEach(function (id) {
      rows.push({ id: id, title: "", section: "" });
    });
    return rows;
  }

  function answers(doc, instrument, t) {
    var ins = A.describe(instrument);
    var header = [t("csv-instrument"), t("csv-version"), t("csv-partnership"), t("csv-section"), t("csv-item-id"), t("csv-item"), t("csv-rating")];
    if (ins.na) header.push(t("csv-na-reason"));
    ins.fields.forEach(function (key) {
      header.push(ins.fieldLabels[key]);
    });
    header.push(t("csv-actions-count"));
    var rows = [header];
    items(doc, ins).forEach(function (row) {
      var r = own(doc.responses, row.id);
      var rating = own(r, "rating");
      var line = [ins.id, ins.version, text(own(doc, "partnership")), row.section, row.id, row.title, ins.labels[rating] || text(rating)];
      if (ins.na) line.push(rating === A.NA ? text(own(r, "na_reason")) : "");
      ins.fields.forEach(function (key) {
        line.push(text(own(r, key)));
      });
      line.push(A.actionsOf(r).length);
      rows.push(line);
    });
    return rows;
  }

  function actions(doc, instrument, t) {
    var ins = A.describe(instrument);
    var rows = [[t("csv-item-id"), t("csv-item"), t("csv-action"), t("csv-owner"), t("csv-due"), t("csv-status")]];
    items(doc, ins).forEach(function (row) {
      A.actionsOf(own(doc.responses, row.id)).forEach(function (a) {
        var status = own(a, "status");
        rows.push([row.id, row.title, text(a.action), text(a.owner), text(a.due), ins.statusLabels[status] || text(status)]);
      });
    });
    return rows;
  }

  IOM.lib.assessmentCsv = { answers: answers, actions: actions };
})();
