/*
 * The one way a file comes in, for the forms, combine, compare and the calculator:
 *   read(file, {kind, maxBytes, validate}) → Promise of {name, size, value, errors}
 *     1. size: a file over maxBytes is not read at all                  ("too-large")
 *     2. bytes, decoded as UTF-8, refusing anything else                ("not-utf8"; where
 *        options.parse reads sheets, "csv-workbook" for a workbook and "csv-not-utf8" for a
 *        .csv, whose words say how to save the answers sheet as a CSV in UTF-8)
 *     3. parsed: as JSON ("not-json"), or by options.parse(text, name), which returns
 *        {value}, {errors} or {parts: [{label, value}]} (lib/assessment-csv.js parseFile reads
 *        JSON and answers sheets; a sheet of several agencies is several parts, for combine)
 *     4. validate(value) → problem codes, from the format's own lib (assessment.validate,
 *        breakeven.validateScenario); none when validate is not given (combine, which
 *        chooses the instrument after reading every file)
 * `value` is null unless every step passed; `parts` holds a parser's parts, `sheet` is true
 * for a value read from a spreadsheet. Confirming and applying are the page's. Nothing
 * here changes anything: a refused file leaves the page and the browser's storage as they were.
 * Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var PARSERS = {
    json: function (text) {
      try {
        return { value: JSON.parse(text) };
      } catch (error) {
        return { error: { code: "not-json" } };
      }
    }
  };

  // A spreadsheet saved as plain "CSV" is in the computer's own encoding (Windows-1252 from
  // Excel on a UK laptop), so its curly quotes and £ signs are not UTF-8: the words for it say
  // which "Save as" choice writes UTF-8 in Excel and in LibreOffice.
  var SHEET_NAME = /\.csv$/i;
  // A workbook (.xlsx, .ods: a zip; .xls: an OLE file) is not text at all: the words for it
  // say to save its answers sheet as CSV, rather than that it is "not UTF-8".
  var WORKBOOK_STARTS = [
    [0x50, 0x4b, 0x03, 0x04],
    [0xd0, 0xcf, 0x11, 0xe0]
  ];

  function isWorkbook(bytes) {
    var start = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
    return WORKBOOK_STARTS.some(function (magic) {
      return magic.every(function (byte, i) {
        return start[i] === byte;
      });
    });
  }

  /** Why bytes that are not UTF-8 text cannot be read, as an error code. */
  function notText(bytes, name, readsSheets) {
    if (!readsSheets) return "not-utf8";
    if (isWorkbook(bytes)) return "csv-workbook";
    return SHEET_NAME.test(name) ? "csv-not-utf8" : "not-utf8";
  }

  /** Text from bytes when they are UTF-8 (a byte order mark is dropped), else null. */
  function decode(bytes) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      return null;
    }
  }

  function read(file, options) {
    var result = { name: file.name, size: file.size, value: null, errors: [] };
    function refuse(error) {
      result.errors = [error];
      return result;
    }
    if (file.size > options.maxBytes) {
      return Promise.resolve(refuse({ code: "too-large", size: Math.ceil(file.size / 1024), max: options.maxBytes / 1024 }));
    }
    return file.arrayBuffer().then(
      function (bytes) {
        var text = decode(bytes);
        if (text === null) return refuse({ code: notText(bytes, file.name, !!options.parse) });
        var parsed = options.parse ? options.parse(text, file.name) : PARSERS[options.kind || "json"](text);
        if (parsed.error) return refuse(parsed.error);
        if (parsed.errors) {
          result.errors = parsed.errors;
          return result;
        }
        if (parsed.parts) {
          result.parts = parsed.parts;
          return result;
        }
        result.sheet = !!parsed.sheet;
        result.errors = options.validate ? options.validate(parsed.value) : [];
        if (!result.errors.length) result.value = parsed.value;
        return result;
      },
      function () {
        return refuse({ code: "unreadable" });
      }
    );
  }

  /** read() for each file of a FileList or array, in order. */
  function readAll(files, options) {
    return Promise.all(
      Array.prototype.map.call(files, function (file) {
        return read(file, options);
      })
    );
  }

  IOM.lib.importer = { read: read, readAll: readAll, decode: decode, parsers: PARSERS };
})();
