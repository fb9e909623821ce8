/*
 * An assessment as a spreadsheet and back. The columns are the page's (instrument.sheet,
 * from macros/render/spreadsheet.py): the same for every form, so sheets of several agencies,
 * years and forms stack into one.
 *
 *   tables(doc, instrument) → {answers, actions}: each {columns, rows}, one row per item (form
 *       order, then answers kept from an earlier version) or per action; a cell is text, a
 *       number, {date: "YYYY-MM-DD"} or, for a rating, {text, fill: tone}
 *   withHeadings(table) → its rows with the headings first (for lib/xlsx.js)
 *   answers(doc, instrument), actions(doc, instrument) → rows of plain values for lib/csv.js
 *   parseFile(text, name, infos, many) → what lib/importer.js expects of a parser: a saved
 *       JSON file, or an answers sheet read back ({value} one assessment, or {parts} for
 *       `many`: one per agency), or {errors} naming each bad row, with nothing changed
 * Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var A = IOM.lib.assessment;
  var F = IOM.lib.assessmentFile; // what a saved file's ids, ratings and versions may look like
  var csv = IOM.lib.csv;
  var own = A.own;
  var text = IOM.lib.data.text;

  var META = ["partnership", "agency", "area", "date", "completedBy"];
  var MAX_ROWS = 2000; // a form has a few dozen items; a stack of ten agencies a few hundred rows
  // An action's line in the answers sheet: "2. What (owner: Who; due: 2027-01-31; status: Open)".
  var ACTION_LINE = /^(?:\d+\.\s+)?(.*?)(?:\s+\(((?:owner|due|status): .*)\))?$/;

  /** Items in form order ({id, title, section}), then the ids kept from an earlier version. */
  function items(doc, ins, sheet) {
    var rows = [];
    ins.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        rows.push({ id: id, title: ins.titles[id] || "", sectionId: section.id, section: section.title || "" });
      });
    });
    A.summarise(doc, ins).earlier.forEach(function (id) {
      rows.push({ id: id, title: "", sectionId: sheet.earlier, section: "" });
    });
    return rows;
  }

  function actionLine(a, index, ins) {
    var parts = [];
    if (A.hasText(own(a, "owner"))) parts.push("owner: " + a.owner);
    if (A.hasText(own(a, "due"))) parts.push("due: " + a.due);
    var status = own(a, "status");
    if (A.hasText(status)) parts.push("status: " + (ins.statusLabels[status] || status));
    return index + 1 + ". " + text(own(a, "action")) + (parts.length ? " (" + parts.join("; ") + ")" : "");
  }

  function dateCell(value) {
    return A.hasText(value) && A.isDate(value) ? { date: value } : text(value);
  }

  function ratingCell(rating, ins) {
    if (!A.hasText(rating)) return "";
    return { text: ins.labels[rating] || rating, fill: ins.tones[rating] || "" };
  }

  function tables(doc, instrument) {
    var ins = A.describe(instrument);
    var sheet = ins.sheet;
    var about = {
      partnership: text(own(doc, "partnership")),
      agency: text(own(doc, "agency")),
      area: text(own(doc, "area")),
      date: dateCell(own(doc, "date")),
      completedBy: text(own(doc, "completedBy")),
      instrument: ins.id,
      version: "v" + ins.version
    };
    var answers = [];
    var actions = [];
    items(doc, ins, sheet).forEach(function (item) {
      var r = own(doc.responses, item.id);
      var rating = own(r, "rating");
      var list = A.actionsOf(r);
      var values = {
        sectionId: item.sectionId,
        section: item.section,
        itemId: item.id,
        item: item.title,
        rating: ratingCell(rating, ins),
        na_reason: text(own(r, "na_reason")),
        actionCount: list.length,
        actions: list
          .map(function (a, i) {
            return actionLine(a, i, ins);
          })
          .join("\n")
      };
      sheet.fields.forEach(function (key) {
        values[key] = text(own(r, key));
      });
      answers.push(
        sheet.answers.map(function (column) {
          return column.key in values ? values[column.key] : about[column.key];
        })
      );
      list.forEach(function (a) {
        var status = own(a, "status");
        var one = {
          action: text(a.action),
          owner: text(own(a, "owner")),
          due: dateCell(own(a, "due")),
          status: ins.statusLabels[status] || text(status)
        };
        actions.push(
          sheet.actions.map(function (column) {
            var key = column.key;
            return key in one ? one[key] : key in values ? values[key] : about[key];
          })
        );
      });
    });
    return { answers: { columns: sheet.answers, rows: answers }, actions: { columns: sheet.actions, rows: actions } };
  }

  /** A table's rows with its headings first, cells as tables() gives them (for the xlsx writer). */
  function withHeadings(table) {
    var headings = table.columns.map(function (column) {
      return column.title;
    });
    return [headings].concat(table.rows);
  }

  /** A table as rows of plain values, headings first: dates as YYYY-MM-DD, ratings as words. */
  function plain(table) {
    return withHeadings(table).map(function (row) {
      return row.map(function (cell) {
        if (cell && typeof cell === "object") return cell.date || cell.text;
        return cell;
      });
    });
  }

  function answers(doc, instrument) {
    return plain(tables(doc, instrument).answers);
  }

  function actions(doc, instrument) {
    return plain(tables(doc, instrument).actions);
  }

  /* ---- reading a sheet back ---- */

  function normal(heading) {
    return String(heading).replace(/\s+/g, " ").trim().toLowerCase();
  }

  /** A date as a spreadsheet may give it back: YYYY-MM-DD, or DD/MM/YYYY as UK Excel writes. */
  function readDate(value) {
    if (value === "" || A.isDate(value)) return value;
    var uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
    if (uk) {
      var iso = uk[3] + "-" + ("0" + uk[2]).slice(-2) + "-" + ("0" + uk[1]).slice(-2);
      if (A.isDate(iso)) return iso;
    }
    return null;
  }

  /** label or value (any case) → value, from a map of value → label. */
  function lookup(labels, values) {
    var out = Object.create(null);
    values.forEach(function (value) {
      out[normal(value)] = value;
      if (labels[value]) out[normal(labels[value])] = value;
    });
    return out;
  }

  function choices(labels, values) {
    return values
      .map(function (value) {
        return labels[value] || value;
      })
      .join(", ");
  }

  /** The instruments a sheet may be for, described once, with their label lookups. */
  function readers(infos) {
    var out = Object.create(null);
    Object.keys(infos).forEach(function (id) {
      var ins = A.describe(infos[id]);
      var ratings = ins.levels.map(function (level) {
        return level.value;
      });
      if (ins.na) ratings.push(A.NA);
      out[id] = {
        ins: ins,
        ratings: lookup(ins.labels, ratings),
        ratingChoices: choices(ins.labels, ratings),
        statuses: lookup(ins.statusLabels, ins.statuses),
        statusChoices: choices(ins.statusLabels, ins.statuses)
      };
    });
    return out;
  }

  function readActions(cell, reader, row, item, errors) {
    var list = [];
    cell.split(/\r\n|\n|\r/).forEach(function (line) {
      line = line.trim();
      if (!line) return;
      var match = ACTION_LINE.exec(line);
      var action = { action: match[1], owner: "", due: "", status: reader.ins.statuses[0] || "" };
      // Split only where the next part names itself, so an owner such as "Police; Probation"
      // comes back whole.
      var pairs = match[2] ? match[2].split(/; (?=(?:owner|due|status): )/).map(function (part) {
        return /^(owner|due|status): (.*)$/.exec(part);
      }) : [];
      if (pairs.indexOf(null) >= 0) {
        // Brackets of the action's own, not ours: the line is all action.
        action.action = line.replace(/^\d+\.\s+/, "");
        pairs = [];
      }
      pairs.forEach(function (pair) {
        var value = pair[2].trim();
        if (pair[1] === "owner") action.owner = value;
        else if (pair[1] === "due") {
          var due = readDate(value);
          if (due === null) errors.push({ code: "csv-action-date", row: row, item: item, value: value });
          else action.due = due;
        } else {
          var status = reader.statuses[normal(value)];
          if (!status) errors.push({ code: "csv-status", row: row, item: item, value: value, choices: reader.statusChoices });
          else action.status = status;
        }
      });
      list.push(action);
    });
    return list;
  }

  /**
   * An answers sheet → {docs: [{doc, label}], errors}: one assessment per partnership,
   * agency, area, date and completed-by found (rows of several agencies stacked into one sheet
   * are several assessments). Each bad row is named; a sheet with any is refused whole.
   */
  function readSheet(text, infos) {
    var parsed = csv.parse(text);
    if (parsed.error) return { docs: [], errors: [parsed.error] };
    var rows = parsed.rows;
    var sheet = A.describe(infos[Object.keys(infos)[0]]).sheet;
    var header = (rows[0] || []).map(normal);
    var at = Object.create(null);
    sheet.answers.forEach(function (column) {
      at[column.key] = header.indexOf(normal(column.title));
    });
    if (at.actions < 0 && header.indexOf(normal("Action")) >= 0 && header.indexOf(normal("Owner")) >= 0) {
      return { docs: [], errors: [{ code: "csv-actions-sheet" }] };
    }
    var missing = ["instrument", "itemId", "rating"].filter(function (key) {
      return at[key] < 0;
    });
    if (missing.length) {
      var titles = sheet.answers
        .filter(function (column) {
          return missing.indexOf(column.key) >= 0;
        })
        .map(function (column) {
          return column.title;
        });
      return { docs: [], errors: [{ code: "csv-columns", missing: titles.join(", ") }] };
    }
    if (rows.length - 1 > MAX_ROWS) return { docs: [], errors: [{ code: "csv-too-many-rows", count: rows.length - 1, max: MAX_ROWS }] };
    var known = readers(infos);
    var errors = [];
    var groups = [];
    var byKey = Object.create(null);
    for (var i = 1; i < rows.length; i++) {
      readRow(rows[i], i + 1);
    }
    if (!errors.length && !groups.length) errors.push({ code: "csv-no-rows" });
    return { docs: errors.length ? [] : groups, errors: errors };

    function get(cells, key) {
      return at[key] >= 0 && at[key] < cells.length ? csv.unguard(cells[at[key]]) : "";
    }

    function readRow(cells, row) {
      if (cells.every(function (c) {
        return c.trim() === "";
      })) return;
      if (normal(get(cells, "itemId")) === header[at.itemId]) return; // the heading of a sheet stacked below

      var id = get(cells, "instrument").trim();
      var reader = known[id];
      if (!reader) {
        errors.push({ code: "csv-instrument", row: row, value: id });
        return;
      }
      var ins = reader.ins;
      var about = {};
      META.forEach(function (key) {
        about[key] = get(cells, key).trim();
      });
      var date = readDate(about.date);
      if (date === null) errors.push({ code: "csv-date", row: row, column: rows[0][at.date], value: about.date });
      else about.date = date;
      var versionText = get(cells, "version").trim();
      var version = versionText.replace(/^v/i, ""); // written v1.0 so a spreadsheet keeps it as text
      if (versionText && !F.VERSION.test(version)) {
        errors.push({ code: "csv-version", row: row, value: versionText });
        return;
      }
      var key = [id].concat(META.map(function (k) {
        return about[k];
      })).join("\u0000");
      var group = byKey[key];
      if (!group) {
        var doc = A.create(ins);
        META.forEach(function (k) {
          doc[k] = about[k];
        });
        doc.instrument.version = version || ins.version;
        group = byKey[key] = { doc: doc, label: about.agency || about.partnership || "", firstRow: Object.create(null) };
        groups.push(group);
      }
      var earlierVersion = A.compareVersions(group.doc.instrument.version, ins.version) < 0;
      var itemId = get(cells, "itemId").trim();
      var fromEarlier = get(cells, "sectionId").trim() === sheet.earlier || earlierVersion;
      if (!ins.known[itemId] && !(fromEarlier && F.ITEM_ID.test(itemId))) {
        errors.push({ code: "csv-item", row: row, value: itemId });
        return;
      }
      if (group.firstRow[itemId]) {
        errors.push({ code: "csv-duplicate", row: row, value: itemId, first: group.firstRow[itemId] });
        return;
      }
      group.firstRow[itemId] = row;
      var ratingText = get(cells, "rating").trim();
      var rating = ratingText ? reader.ratings[normal(ratingText)] : null;
      if (ratingText && !rating) {
        if (fromEarlier && !ins.known[itemId] && F.VALUE.test(ratingText)) rating = ratingText;
        else {
          errors.push({ code: "csv-rating", row: row, item: itemId, value: ratingText, choices: reader.ratingChoices });
          return;
        }
      }
      var response = A.emptyResponse(ins);
      response.rating = rating || null;
      var reason = get(cells, "na_reason");
      response.na_reason = reason || null;
      sheet.fields.forEach(function (k) {
        var value = get(cells, k);
        if (ins.fields.indexOf(k) >= 0 || value) response[k] = value;
      });
      response.actions = readActions(get(cells, "actions"), reader, row, itemId, errors);
      var holds = rating || reason || response.actions.length || sheet.fields.some(function (k) {
        return A.hasText(response[k]);
      });
      if (holds) group.doc.responses[itemId] = response;
    }
  }

  /** A sheet rather than JSON: named .csv, or not JSON and its first line has separators. */
  function isSheet(text, name) {
    if (/\.csv$/i.test(name || "")) return true;
    var start = text.replace(/^\ufeff/, "").replace(/^\s+/, "");
    return !/^[{["\d-]|^(true|false|null)\b/.test(start) && /[,;\t]/.test(start.split(/\r\n|\n|\r/, 1)[0]);
  }

  function parseFile(text, name, infos, many) {
    if (!isSheet(text, name)) return IOM.lib.importer.parsers.json(text);
    var read = readSheet(text, infos);
    if (read.errors.length) return { errors: read.errors };
    if (many) {
      return {
        parts: read.docs.map(function (group) {
          return { label: group.label, value: group.doc };
        })
      };
    }
    if (read.docs.length > 1) {
      var labels = read.docs.map(function (group) {
        return group.label || "–";
      });
      return { errors: [{ code: "csv-several", count: read.docs.length, names: labels.join(", ") }] };
    }
    return { value: read.docs[0].doc, sheet: true };
  }

  /**
   * Files for combine and compare, through lib/importer.js: JSON files and answers sheets, a
   * sheet of several agencies becoming one result each ("name.csv (Police)").
   */
  function readFiles(files, infos, maxBytes) {
    var options = {
      maxBytes: maxBytes,
      parse: function (text, name) {
        return parseFile(text, name, infos, true);
      }
    };
    return IOM.lib.importer.readAll(files, options).then(function (results) {
      var out = [];
      results.forEach(function (result) {
        if (!result.parts) {
          out.push(result);
          return;
        }
        result.parts.forEach(function (part, i) {
          var name = result.parts.length > 1 ? result.name + " (" + (part.label || i + 1) + ")" : result.name;
          out.push({ name: name, size: result.size, value: part.value, errors: [], sheet: true });
        });
      });
      return out;
    });
  }

  IOM.lib.assessmentCsv = {
    tables: tables,
    withHeadings: withHeadings,
    answers: answers,
    actions: actions,
    readSheet: readSheet,
    parseFile: parseFile,
    readFiles: readFiles
  };
})();
