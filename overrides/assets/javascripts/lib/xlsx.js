/*
 * A small .xlsx writer: build(sheets) → Uint8Array, the bytes of an OOXML workbook.
 *   sheets = [{name, widths: [characters, …], rows: [[cell, …], …], repeat}, …]
 *   repeat: the index of a column printed at the left of every page (the item id), so a
 *   page of a sheet too wide for one still says which row is which
 * The first row of each sheet is its header: bold, frozen so it stays in view, and printed
 * at the top of every page. Text wraps within its column, and a row is as tall as its
 * longest text needs (estimated: spreadsheets do not all fit rows to wrapped text when they
 * open a file). Pages print landscape on A4, with the sheet's name and its page number
 * (each sheet counts from 1; "of N" is left out, as LibreOffice counts the whole workbook).
 * A cell is one of:
 *   "text"                 inline string; line breaks kept and shown (wrap-text style)
 *   3, -2, 2.75            a number (not finite: an empty cell)
 *   {date: "YYYY-MM-DD"}   a real date shown as yyyy-mm-dd; not a valid date: the text as given
 *   {text, fill}           the text on a light fill for a tone (FILLS); the word stays in the
 *                          cell, so colour is never the only signal
 *   null, undefined, ""    an empty cell
 * We only ever write values, never <f> formulas, so "=1+1" or "@SUM(…)" arrives as text: unlike
 * CSV (lib/csv.js), no formula-injection guard is needed here.
 * build(sheets, {cutNote}): a text longer than a cell holds (32,767 characters) is cut, ending
 * with cutNote.
 * The zip is written with the STORE method (no compression) and its own CRC-32. Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  // Pastels with at least 14:1 contrast against black text (Excel's Bad/Neutral/Good fills,
  // its grey and blue at 80% lighter), so the word on them reads easily.
  var FILLS = { red: "FFC7CE", amber: "FFEB9C", green: "C6EFCE", grey: "D9D9D9", blue: "DDEBF7" };
  var TONES = Object.keys(FILLS);

  // Cell styles, indexes into cellXfs in styles.xml. Every style aligns to the top, so a row
  // with one tall wrapped cell still reads across.
  // Style 0 (numbers) is the default, written as no style.
  var HEADER = 1; // bold, wrapped so a long header stays within its column
  var WRAP = 2; // every other text
  var DATE = 3;
  var FIRST_TONE = 4; // then one per tone, in TONES order, wrapped as well
  var DATE_FORMAT = 164; // the first id free for a workbook's own number formats
  // Row heights in points: Calibri 11 takes 15 a line; a row can be at most 409. A column
  // `width` wide holds `width` digits, and about 1.1 times as many characters of text in
  // LibreOffice's font (measured); Calibri is narrower, so Excel's rows come out a little
  // taller than they need, never shorter.
  var CHARS_PER_WIDTH = 1.1;
  var LINE_HEIGHT = 15;
  var MAX_ROW_HEIGHT = 409;

  var MAIN = "http://schemas.openxmlformats.org/";
  var XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  var REL = MAIN + "officeDocument/2006/relationships";
  var TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  var DAY = 86400000;
  var EPOCH = Date.UTC(1899, 11, 30); // day 0 of the 1900 date system, from 1900-03-01 on
  var FIRST_DAY = Date.UTC(1900, 2, 1); // earlier serials are off by Lotus's 29 Feb 1900

  /** Text without the characters XML 1.0 does not allow (most control characters). */
  function clean(text) {
    return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  }

  /** Text safe in XML content and attributes. */
  function escape(text) {
    return clean(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/_(x[0-9a-f]{4}_)/gi, "_x005F_$1"); // Excel reads _x0041_ as "A"; keep it literal
  }

  /** The serial day number of a YYYY-MM-DD date (1900 date system), or null if not a date. */
  function dateSerial(text) {
    var parts = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
    if (!parts) return null;
    var time = Date.UTC(+parts[1], parts[2] - 1, +parts[3]);
    var back = new Date(time).toISOString().slice(0, 10); // 2026-02-30 comes back as 03-02
    return back === text && time >= FIRST_DAY ? (time - EPOCH) / DAY : null;
  }

  /** A column's letters: 0 → A, 25 → Z, 26 → AA. */
  function column(index) {
    var letters = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return letters;
  }

  // Excel holds at most 32,767 characters in a cell and calls a file with more damaged. A longer
  // text is cut there and ends with the caller's note (build's options.cutNote), so a reader
  // knows to look in the CSV or JSON download, which hold it whole.
  var MAX_TEXT = 32767;

  function fitted(text, note) {
    if (text.length <= MAX_TEXT) return text;
    return text.slice(0, MAX_TEXT - note.length).replace(/[\ud800-\udbff]$/, "") + note; // not half an emoji
  }

  function textCell(ref, text, style, note) {
    text = fitted(text, note);
    var s = ' s="' + style + '"';
    return '<c r="' + ref + '" t="inlineStr"' + s + '><is><t xml:space="preserve">' + escape(text) + "</t></is></c>";
  }

  function cell(value, ref, isHeader, note) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "number") return isFinite(value) ? '<c r="' + ref + '"><v>' + value + "</v></c>" : "";
    if (typeof value === "object" && "date" in value) {
      var serial = dateSerial(value.date);
      if (serial === null) return cell(String(value.date || ""), ref, false, note); // as text, as given
      return '<c r="' + ref + '" s="' + DATE + '"><v>' + serial + "</v></c>";
    }
    if (typeof value === "object" && "text" in value) {
      var tone = TONES.indexOf(value.fill);
      return textCell(ref, String(value.text), tone >= 0 ? FIRST_TONE + tone : WRAP, note);
    }
    return textCell(ref, String(value), isHeader ? HEADER : WRAP, note);
  }

  /** The text a cell shows, for measuring its height ("" for numbers and dates). */
  function shownText(value) {
    if (typeof value === "string") return value;
    if (value && typeof value === "object" && "text" in value) return String(value.text);
    return "";
  }

  /** How many lines `text` wraps to at `perLine` characters, breaking between words as a
   * spreadsheet does (a word longer than a line is broken where it must be). */
  function wrappedLines(text, perLine) {
    return text.split("\n").reduce(function (sum, line) {
      var lines = 1;
      var used = 0;
      line.split(" ").forEach(function (word) {
        var needed = used ? used + 1 + word.length : word.length;
        if (used && needed > perLine) {
          lines++;
          needed = word.length;
        }
        while (needed > perLine) {
          lines++;
          needed -= perLine;
        }
        used = needed;
      });
      return sum + lines;
    }, 0);
  }

  /** How many lines a row's tallest cell wraps to, in columns of these widths. */
  function rowLines(cells, widths) {
    return cells.reduce(function (most, value, c) {
      var perLine = Math.max(1, Math.floor((widths[c] || 8.43) * CHARS_PER_WIDTH)); // 8.43: the default width
      return Math.max(most, wrappedLines(shownText(value), perLine));
    }, 1);
  }

  /** The sheet's name as a formula writes it: 'Answers'!$1:$1 (quotes inside doubled). */
  function quotedName(name) {
    return "'" + name.replace(/'/g, "''") + "'";
  }

  function worksheet(sheet, note) {
    var cols = (sheet.widths || [])
      .map(function (width, i) {
        return width > 0 ? '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + width + '" customWidth="1"/>' : "";
      })
      .join("");
    var rows = (sheet.rows || []).map(function (cells, r) {
      var xml = cells.map(function (value, c) {
        return cell(value, column(c) + (r + 1), r === 0, note);
      });
      var lines = rowLines(cells, sheet.widths || []);
      var height = lines > 1 ? ' ht="' + Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) + '" customHeight="1"' : "";
      return '<row r="' + (r + 1) + '"' + height + ">" + xml.join("") + "</row>";
    });
    return (
      '<worksheet xmlns="' + MAIN + 'spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">' +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      (cols ? "<cols>" + cols + "</cols>" : "") +
      "<sheetData>" + rows.join("") + "</sheetData>" +
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" firstPageNumber="1" orientation="landscape" useFirstPageNumber="1"/>' +
      "<headerFooter><oddFooter>&amp;A, page &amp;P</oddFooter></headerFooter></worksheet>"
    );
  }

  function styles() {
    function xf(numFmt, font, fill, wrap) {
      return (
        '<xf numFmtId="' + numFmt + '" fontId="' + font + '" fillId="' + fill + '" borderId="0" xfId="0" ' +
        'applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top"' +
        (wrap ? ' wrapText="1"' : "") + "/></xf>"
      );
    }
    var fills = TONES.map(function (tone) {
      return '<fill><patternFill patternType="solid"><fgColor rgb="FF' + FILLS[tone] + '"/></patternFill></fill>';
    });
    var toneXfs = TONES.map(function (tone, i) {
      return xf(0, 0, i + 2, true); // fills 0 and 1 are the two every workbook must start with
    });
    var font = '<sz val="11"/><name val="Calibri"/>';
    return (
      '<styleSheet xmlns="' + MAIN + 'spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="' + DATE_FORMAT + '" formatCode="yyyy-mm-dd"/></numFmts>' +
      "<fonts><font>" + font + "</font><font><b/>" + font + "</font></fonts>" +
      '<fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      fills.join("") + "</fills>" +
      '<borders><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      "<cellXfs>" + xf(0, 0, 0) + xf(0, 1, 0, true) + xf(0, 0, 0, true) + xf(DATE_FORMAT, 0, 0) +
      toneXfs.join("") + "</cellXfs>" +
      '<cellStyles><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }

  /** Sheet names as spreadsheets allow them: no []:*?/\\, at most 31 characters, unique. */
  function sheetNames(sheets) {
    var taken = {}; // by lower case: Excel treats "Leeds" and "LEEDS" as the same sheet
    return sheets.map(function (sheet, i) {
      var base = clean(sheet.name || "")
        .replace(/[\[\]:*?\/\\\t\n\r]/g, "-")
        .replace(/^'+|'+$/g, ""); // nor may a name start or end with an apostrophe
      base = base || "Sheet" + (i + 1);
      var name = cut(base, 31);
      for (var n = 2; taken[name.toLowerCase()]; n++) name = cut(base, 30 - String(n).length) + " " + n;
      taken[name.toLowerCase()] = true;
      return name;
    });
  }

  /** The first `length` UTF-16 units of text, without leaving half an emoji. */
  function cut(text, length) {
    return text.slice(0, length).replace(/[\ud800-\udbff]$/, "");
  }

  var CRC_TABLE = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC_TABLE[n] = c >>> 0;
  }

  function crc32(bytes) {
    var crc = -1;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
    return (crc ^ -1) >>> 0;
  }

  /** Little-endian bytes of [value, byteCount] pairs, for the zip headers. */
  function fields(pairs) {
    var bytes = [];
    pairs.forEach(function (pair) {
      for (var i = 0; i < pair[1]; i++) bytes.push((pair[0] >>> (8 * i)) & 255);
    });
    return bytes;
  }

  /** A zip of {name: text} with every file stored, dated 1980-01-01 so a build is repeatable. */
  function zip(files) {
    var encoder = new TextEncoder();
    var chunks = [];
    var central = [];
    var offset = 0;
    Object.keys(files).forEach(function (name) {
      var path = encoder.encode(name);
      var data = encoder.encode(files[name]);
      // version 2.0, no flags, STORE, time 0, date 1980-01-01, CRC, sizes, name, no extra
      var common = [[20, 2], [0, 2], [0, 2], [0, 2], [33, 2], [crc32(data), 4], [data.length, 4], [data.length, 4], [path.length, 2], [0, 2]];
      var local = fields([[0x04034b50, 4]].concat(common));
      central.push(fields([[0x02014b50, 4], [20, 2]].concat(common, [[0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]])), path);
      chunks.push(local, path, data);
      offset += local.length + path.length + data.length;
    });
    var centralSize = central.reduce(function (sum, part) {
      return sum + part.length;
    }, 0);
    var count = central.length / 2;
    var end = fields([[0x06054b50, 4], [0, 2], [0, 2], [count, 2], [count, 2], [centralSize, 4], [offset, 4], [0, 2]]);
    var parts = chunks.concat(central, [end]);
    var out = new Uint8Array(offset + centralSize + end.length);
    var at = 0;
    parts.forEach(function (part) {
      out.set(part, at);
      at += part.length;
    });
    return out;
  }

  function build(sheets, options) {
    var note = (options && options.cutNote) || "…";
    var names = sheetNames(sheets);
    var files = { "[Content_Types].xml": "", "_rels/.rels": "", "xl/workbook.xml": "", "xl/_rels/workbook.xml.rels": "", "xl/styles.xml": styles() };
    var types = "";
    var entries = "";
    var rels = "";
    var titles = ""; // each sheet's heading row (and repeated column), printed on its every page
    sheets.forEach(function (sheet, i) {
      var id = i + 1;
      files["xl/worksheets/sheet" + id + ".xml"] = worksheet(sheet, note);
      types += '<Override PartName="/xl/worksheets/sheet' + id + '.xml" ContentType="' + TYPE + 'worksheet+xml"/>';
      entries += '<sheet name="' + escape(names[i]) + '" sheetId="' + id + '" r:id="rId' + id + '"/>';
      rels += '<Relationship Id="rId' + id + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + id + '.xml"/>';
      var sheetName = quotedName(names[i]);
      var repeat = sheet.repeat >= 0 ? column(sheet.repeat) : "";
      var ranges = (repeat ? sheetName + "!$" + repeat + ":$" + repeat + "," : "") + sheetName + "!$1:$1";
      titles += '<definedName name="_xlnm.Print_Titles" localSheetId="' + i + '">' + escape(ranges) + "</definedName>";
    });
    var relationships = '<Relationships xmlns="' + MAIN + 'package/2006/relationships">';
    files["[Content_Types].xml"] =
      '<Types xmlns="' + MAIN + 'package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="' + TYPE + 'sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="' + TYPE + 'styles+xml"/>' + types + "</Types>";
    files["_rels/.rels"] = relationships + '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>';
    files["xl/workbook.xml"] =
      '<workbook xmlns="' + MAIN + 'spreadsheetml/2006/main" xmlns:r="' + REL + '"><sheets>' + entries + "</sheets>" +
      "<definedNames>" + titles + "</definedNames></workbook>";
    files["xl/_rels/workbook.xml.rels"] =
      relationships + rels + '<Relationship Id="rId' + (sheets.length + 1) + '" Type="' + REL + '/styles" Target="styles.xml"/></Relationships>';
    Object.keys(files).forEach(function (name) {
      files[name] = XML + files[name];
    });
    return zip(files);
  }

  IOM.lib.xlsx = { build: build, fills: FILLS };
})();
