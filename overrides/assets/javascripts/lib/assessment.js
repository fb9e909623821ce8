/*
 * The saved-assessment document: create it, check a file before import, count the answers.
 * Pure: no DOM. `instrument` describes the form as the page renders it:
 *   {id, version, na: bool, levels: [{value, priority}], fields: ["evidence", …],
 *    statuses: ["open", …], sections: [{id, items: ["SA-1.1", …]}], replaces: {}}
 * Problems are returned as codes with their details; the page turns them into words.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var FORMAT = "iom-assessment";
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 1024 * 1024;
  var NA = "na";
  var META = ["name", "partnership", "area", "agency", "completedBy", "date"];
  var ACTION_TEXT = ["action", "owner"];

  function create(instrument) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      instrument: { id: instrument.id, version: instrument.version },
      name: "",
      partnership: "",
      area: "",
      agency: "",
      completedBy: "",
      date: "",
      updated: new Date().toISOString(),
      responses: {}
    };
  }

  function emptyResponse(instrument) {
    var response = { rating: null, na_reason: null, actions: [] };
    instrument.fields.forEach(function (key) {
      response[key] = "";
    });
    return response;
  }

  /** The answer to one item, created (and attached to doc) when missing. */
  function response(doc, instrument, itemId) {
    if (!doc.responses[itemId]) doc.responses[itemId] = emptyResponse(instrument);
    var r = doc.responses[itemId];
    if (!Array.isArray(r.actions)) r.actions = [];
    return r;
  }

  function isDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    var d = new Date(text + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  }

  /** -1, 0 or 1 comparing dotted version numbers ("1.10" > "1.9"). */
  function compareVersions(a, b) {
    var pa = String(a).split(".");
    var pb = String(b).split(".");
    for (var i = 0; i < Math.max(pa.length, pb.length); i++) {
      var x = parseInt(pa[i] || "0", 10) || 0;
      var y = parseInt(pb[i] || "0", 10) || 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  /**
   * True when `doc` was saved under an earlier version of `instrument`, so its answers may need
   * moving to new item ids (lib/migrate.js). A document without a version counts as oldest.
   */
  function isEarlierVersion(doc, instrument) {
    if (!isObject(doc) || !isObject(doc.responses) || !instrument.version) return false;
    // A missing version compares as 0 (compareVersions reads non-numbers as 0).
    var version = isObject(doc.instrument) ? doc.instrument.version : undefined;
    return compareVersions(version, instrument.version) < 0;
  }

  function itemIds(instrument) {
    var ids = [];
    instrument.sections.forEach(function (s) {
      ids.push.apply(ids, s.items);
    });
    return ids;
  }

  function isEmptyAction(a) {
    return !a || (!a.action && !a.owner && !a.due);
  }

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  /**
   * Check a file's text before import. Returns {doc, errors}: doc is the parsed document
   * (unchanged, unknown keys kept) when errors is empty.
   */
  function parseFile(text, size, instrument) {
    if (size > MAX_BYTES) {
      return { doc: null, errors: [{ code: "too-large", size: Math.ceil(size / 1024), max: MAX_BYTES / 1024 }] };
    }
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { doc: null, errors: [{ code: "not-json" }] };
    }
    var errors = validate(raw, instrument);
    return { doc: errors.length ? null : raw, errors: errors };
  }

  /** Every problem with a parsed document, as codes; [] when it can be imported. */
  function validate(raw, instrument) {
    if (!isObject(raw) || raw.format !== FORMAT || !isObject(raw.instrument)) {
      return [{ code: "wrong-format" }];
    }
    if (typeof raw.formatVersion !== "number" || raw.formatVersion % 1 !== 0 || raw.formatVersion < 1) {
      return [{ code: "wrong-format" }];
    }
    if (raw.formatVersion > FORMAT_VERSION) {
      return [{ code: "newer-format", found: raw.formatVersion, ours: FORMAT_VERSION }];
    }
    if (raw.instrument.id !== instrument.id) {
      return [{ code: "other-instrument", found: String(raw.instrument.id) }];
    }
    var version = raw.instrument.version;
    if (typeof version !== "string" || !/^\d+(\.\d+)*$/.test(version)) {
      return [{ code: "bad-shape", path: "instrument.version" }];
    }
    if (compareVersions(version, instrument.version) > 0) {
      return [{ code: "newer-version", found: version, ours: instrument.version }];
    }
    var errors = [];
    META.forEach(function (key) {
      if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== "string") {
        errors.push({ code: "bad-text", path: key });
      }
    });
    if (typeof raw.date === "string" && raw.date !== "" && !isDate(raw.date)) {
      errors.push({ code: "bad-date", path: "date", value: raw.date });
    }
    if (!isObject(raw.responses)) {
      errors.push({ code: "bad-shape", path: "responses" });
      return errors;
    }
    var known = {};
    itemIds(instrument).forEach(function (id) {
      known[id] = true;
    });
    var ratings = {};
    instrument.levels.forEach(function (level) {
      ratings[level.value] = true;
    });
    if (instrument.na) ratings[NA] = true;
    var statuses = {};
    instrument.statuses.forEach(function (s) {
      statuses[s] = true;
    });
    Object.keys(raw.responses).forEach(function (id) {
      var r = raw.responses[id];
      if (!isObject(r)) {
        errors.push({ code: "bad-shape", path: id, item: id });
        return;
      }
      var rating = r.rating;
      if (rating !== undefined && rating !== null && rating !== "") {
        // Answers to items of an earlier version are kept whatever their rating was.
        if (typeof rating !== "string" || (known[id] && !ratings[rating])) {
          errors.push({ code: "bad-rating", item: id, value: String(rating) });
        }
      }
      if (r.na_reason !== undefined && r.na_reason !== null && typeof r.na_reason !== "string") {
        errors.push({ code: "bad-text", path: id + " › na_reason", item: id });
      }
      instrument.fields.forEach(function (key) {
        if (r[key] !== undefined && r[key] !== null && typeof r[key] !== "string") {
          errors.push({ code: "bad-text", path: id + " › " + key, item: id });
        }
      });
      if (r.actions === undefined || r.actions === null) return;
      if (!Array.isArray(r.actions)) {
        errors.push({ code: "bad-shape", path: id + " › actions", item: id });
        return;
      }
      r.actions.forEach(function (a, i) {
        var where = id + " › action " + (i + 1);
        if (!isObject(a)) {
          errors.push({ code: "bad-shape", path: where, item: id });
          return;
        }
        ACTION_TEXT.forEach(function (key) {
          if (a[key] !== undefined && a[key] !== null && typeof a[key] !== "string") {
            errors.push({ code: "bad-text", path: where + " › " + key, item: id });
          }
        });
        if (a.due !== undefined && a.due !== null && a.due !== "" && (typeof a.due !== "string" || !isDate(a.due))) {
          errors.push({ code: "bad-date", path: where + " › due", value: String(a.due), item: id });
        }
        if (a.status !== undefined && a.status !== null && !statuses[a.status]) {
          errors.push({ code: "bad-status", path: where + " › status", value: String(a.status), item: id });
        }
      });
    });
    return errors;
  }

  /** Counts for progress, chart, priorities and the action list. N/A is left out of counts. */
  function summarise(doc, instrument) {
    var priority = {};
    instrument.levels.forEach(function (level) {
      priority[level.value] = level.priority || 0;
    });
    var responses = (doc && doc.responses) || {};
    var total = { total: 0, rated: 0, na: 0, counts: {} };
    var sections = [];
    var priorities = [];
    var actions = [];
    var known = {};
    var order = 0;
    instrument.sections.forEach(function (section) {
      var s = { id: section.id, total: 0, rated: 0, na: 0, counts: {} };
      section.items.forEach(function (id) {
        known[id] = true;
        var r = responses[id] || {};
        var rating = r.rating && (priority[r.rating] !== undefined || r.rating === NA) ? r.rating : "";
        [s, total].forEach(function (t) {
          t.total++;
          t.counts[rating] = (t.counts[rating] || 0) + 1;
          if (rating === NA) t.na++;
          else if (rating) t.rated++;
        });
        if (rating && priority[rating]) {
          priorities.push({ id: id, rating: rating, priority: priority[rating], order: order });
        }
        order++;
        (Array.isArray(r.actions) ? r.actions : []).forEach(function (a, i) {
          if (!isEmptyAction(a)) actions.push({ item: id, index: i, action: a });
        });
      });
      sections.push(s);
    });
    priorities.sort(function (a, b) {
      return a.priority - b.priority || a.order - b.order;
    });
    var earlier = Object.keys(responses).filter(function (id) {
      return !known[id];
    });
    return { total: total, sections: sections, priorities: priorities, actions: actions, earlier: earlier };
  }

  /** Problems a person should fix before sharing: N/A without a reason. */
  function problems(doc, instrument) {
    var found = [];
    itemIds(instrument).forEach(function (id) {
      var r = doc.responses[id];
      if (r && r.rating === NA && !(r.na_reason && String(r.na_reason).trim())) {
        found.push({ code: "na-reason-missing", item: id });
      }
    });
    return found;
  }

  /** A file-name-safe form of a text: "Leeds IOM, 2026" → "leeds-iom-2026". */
  function slug(text) {
    return String(text || "")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40);
  }

  IOM.lib.assessment = {
    FORMAT: FORMAT,
    FORMAT_VERSION: FORMAT_VERSION,
    MAX_BYTES: MAX_BYTES,
    NA: NA,
    META: META,
    create: create,
    emptyResponse: emptyResponse,
    response: response,
    isDate: isDate,
    isEmptyAction: isEmptyAction,
    compareVersions: compareVersions,
    isEarlierVersion: isEarlierVersion,
    parseFile: parseFile,
    validate: validate,
    summarise: summarise,
    problems: problems,
    slug: slug
  };
})();
