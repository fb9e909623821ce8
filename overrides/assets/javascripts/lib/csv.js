/*
 * CSV for spreadsheets: UTF-8 with a byte order mark (so Excel and LibreOffice read accents),
 * CRLF line ends, RFC 4180 quoting of commas, quotes and line breaks. Pure: no DOM.
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get
 * a leading apostrophe, the usual guard against formula injection from user text.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var BOM = "\ufeff";
  var FORMULA_START = /^[=+\-@\t\r]/;
  var NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

  /** One cell. A number is written as a number (a negative one is a value, not a formula). */
  function cell(value) {
    if (typeof value === "number") return isFinite(value) ? String(value) : "";
    var text = value === null || value === undefined ? "" : String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function row(values) {
    return values.map(cell).join(",");
  }

  /** A whole CSV file (as a string starting with the BOM) from rows of values. */
  function build(rows) {
    return BOM + rows.map(row).join("\r\n") + "\r\n";
  }

  IOM.lib.csv = { BOM: BOM, cell: cell, row: row, build: build };
})();
