/*
 * CSV for spreadsheets: UTF-8 with a byte order mark (so Excel and LibreOffice read accents),
 * CRLF line ends, RFC 4180 quoting of commas, quotes and line breaks. Pure: no DOM.
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get
 * a leading apostrophe, OWASP's guard against formula injection from user text; unguard()
 * takes it off again on import. Text that already starts with apostrophes before such a
 * character gets one more, so unguard() gives back exactly what was written.
 *
 * parse() reads what a spreadsheet saves back: with or without the byte order mark, comma,
 * semicolon (Excel in many European settings) or tab between cells, CRLF, LF or CR line
 * ends, quoted cells holding line breaks.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var BOM = "\ufeff";
  var FORMULA_START = /^'*[=+\-@\t\r]/;
  var GUARDED = /^'+[=+\-@\t\r]/;
  var NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

  function guard(text) {
    return FORMULA_START.test(text) ? "'" + text : text;
  }

  function unguard(text) {
    return GUARDED.test(text) ? text.slice(1) : text;
  }

  /** One cell. A number is written as a number (a negative one is a value, not a formula). */
  function cell(value) {
    if (typeof value === "number") return isFinite(value) ? String(value) : "";
    var text = guard(value === null || value === undefined ? "" : String(value));
    return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function row(values) {
    return values.map(cell).join(",");
  }

  /** A whole CSV file (as a string starting with the BOM) from rows of values. */
  function build(rows) {
    return BOM + rows.map(row).join("\r\n") + "\r\n";
  }

  /** The separator of a sheet: the one of , ; and tab found most often in its first line. */
  function separatorOf(text) {
    var first = text.split(/\r\n|\n|\r/, 1)[0].replace(/"[^"]*"/g, "");
    var best = ",";
    var most = 0;
    [",", ";", "\t"].forEach(function (sep) {
      var count = first.split(sep).length - 1;
      if (count > most) {
        most = count;
        best = sep;
      }
    });
    return best;
  }

  /**
   * Rows of cells (text, unguarded is the caller's) → {rows} or, for a quote that is never
   * closed, {error: {code: "csv-quotes", row}} (rows counted from 1, as a spreadsheet does).
   */
  function parse(text) {
    if (text.charAt(0) === BOM) text = text.slice(1);
    var sep = separatorOf(text);
    var rows = [];
    var cells = [];
    var value = "";
    var quoted = false;
    var quoteRow = 0;
    var i = 0;
    var n = text.length;
    while (i < n) {
      var c = text.charAt(i);
      if (quoted) {
        if (c === '"') {
          if (text.charAt(i + 1) === '"') {
            value += '"';
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          value += c;
        }
        i++;
        continue;
      }
      if (c === '"' && value === "") {
        quoted = true;
        quoteRow = rows.length + 1;
      } else if (c === sep) {
        cells.push(value);
        value = "";
      } else if (c === "\r" || c === "\n") {
        cells.push(value);
        rows.push(cells);
        cells = [];
        value = "";
        if (c === "\r" && text.charAt(i + 1) === "\n") i++;
      } else {
        value += c;
      }
      i++;
    }
    if (quoted) return { error: { code: "csv-quotes", row: quoteRow } };
    if (value !== "" || cells.length) {
      cells.push(value);
      rows.push(cells);
    }
    return { rows: rows };
  }

  IOM.lib.csv = { BOM: BOM, cell: cell, row: row, build: build, parse: parse, guard: guard, unguard: unguard };
})();
