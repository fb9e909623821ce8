/*
 * The saved-assessment document (format "iom-assessment"): what the form is, a new document,
 * the counts the summary shows. The check every file passes before it comes in is
 * lib/assessment-file.js (loaded only where files are read); "Check your answers" is
 * lib/check.js. Pure: no DOM.
 *
 * `instrument` is the JSON block a page carries (macros/render/partnership.py instrument_info):
 *   {id, version, na, levels: [{value, label, tone, priority}], fields, statuses, sections:
 *    [{id, items: [ids]}], labels, titles, fieldLabels, statusLabels, replaces}
 * describe() turns it into the shape every function here uses, with its maps made from
 * Object.create(null): a key such as "constructor" or "__proto__" finds nothing in them.
 * Documents come from files and storage, so they are only ever read through own(), never by
 * plain property access that could reach Object.prototype.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var FORMAT = "iom-assessment";
  var FORMAT_VERSION = 1; // the one format version this toolkit reads and writes
  var NA = "na";
  var MAPS = ["labels", "titles", "fieldLabels", "statusLabels", "replaces"];
  var described = typeof WeakMap === "function" ? new WeakMap() : null;

  var own = IOM.lib.data.own;
  var isObject = IOM.lib.data.isObject;
  var hasText = IOM.lib.data.hasText;

  /** A map that holds only what is put in it. */
  function map(from) {
    var out = Object.create(null);
    if (isObject(from)) {
      Object.keys(from).forEach(function (key) {
        out[key] = from[key];
      });
    }
    return out;
  }

  /** The instrument with null-prototype maps and lookups; the same object each time. */
  function describe(info) {
    if (described && described.has(info)) return described.get(info);
    var d = {};
    Object.keys(info).forEach(function (key) {
      d[key] = info[key];
    });
    MAPS.forEach(function (key) {
      d[key] = map(info[key]);
    });
    d.fields = info.fields || [];
    d.statuses = info.statuses || [];
    d.ratings = Object.create(null); // every value a rating may take, N/A included
    d.priority = Object.create(null);
    d.tones = Object.create(null);
    (info.levels || []).forEach(function (level) {
      d.ratings[level.value] = true;
      d.priority[level.value] = level.priority || 0;
      d.tones[level.value] = level.tone;
    });
    if (info.na) {
      d.ratings[NA] = true;
      d.tones[NA] = "grey";
    }
    d.statusSet = Object.create(null);
    d.statuses.forEach(function (s) {
      d.statusSet[s] = true;
    });
    d.itemIds = [];
    d.known = Object.create(null);
    d.sectionOf = Object.create(null);
    (info.sections || []).forEach(function (section) {
      section.items.forEach(function (id) {
        d.itemIds.push(id);
        d.known[id] = true;
        d.sectionOf[id] = section;
      });
    });
    if (described) {
      described.set(info, d);
      described.set(d, d);
    }
    return d;
  }

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

  /** An action that holds nothing: no text in what, who or when (its status alone is not enough). */
  function isEmptyAction(a) {
    return !isObject(a) || (!hasText(own(a, "action")) && !hasText(own(a, "owner")) && !hasText(own(a, "due")));
  }

  /** The actions of an answer that hold something. */
  function actionsOf(response) {
    var list = own(response, "actions");
    return Array.isArray(list)
      ? list.filter(function (a) {
          return !isEmptyAction(a);
        })
      : [];
  }

  /** The answer's rating when it is one of this instrument's, else "". */
  function ratingOf(response, instrument) {
    var rating = own(response, "rating");
    return typeof rating === "string" && instrument.ratings[rating] ? rating : "";
  }

  function isDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    var d = new Date(text + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  }

  /** -1, 0 or 1 comparing dotted version numbers ("1.10" > "1.9"); a missing version is oldest. */
  function compareVersions(a, b) {
    var pa = String(a === undefined || a === null ? "0" : a).split(".");
    var pb = String(b === undefined || b === null ? "0" : b).split(".");
    for (var i = 0; i < Math.max(pa.length, pb.length); i++) {
      var x = parseInt(pa[i] || "0", 10) || 0;
      var y = parseInt(pb[i] || "0", 10) || 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  /** True when `doc` was saved under an earlier version of the instrument (lib/migrate.js). */
  function isEarlierVersion(doc, instrument) {
    if (!isObject(own(doc, "responses")) || !instrument.version) return false;
    return compareVersions(own(own(doc, "instrument"), "version"), instrument.version) < 0;
  }

  /** Counts for progress, chart, priorities and the action list. N/A is left out of counts. */
  function summarise(doc, instrument) {
    var ins = describe(instrument);
    var responses = isObject(own(doc, "responses")) ? doc.responses : {};
    var total = { total: 0, rated: 0, na: 0, counts: {} };
    var sections = [];
    var bySection = Object.create(null);
    var priorities = [];
    var actions = [];
    var order = 0;
    ins.sections.forEach(function (section) {
      var s = { id: section.id, total: 0, rated: 0, na: 0, counts: {} };
      section.items.forEach(function (id) {
        var r = own(responses, id);
        var rating = ratingOf(r, ins);
        [s, total].forEach(function (t) {
          t.total++;
          t.counts[rating] = (t.counts[rating] || 0) + 1;
          if (rating === NA) t.na++;
          else if (rating) t.rated++;
        });
        if (ins.priority[rating]) priorities.push({ id: id, rating: rating, priority: ins.priority[rating], order: order });
        order++;
        actionsOf(r).forEach(function (a) {
          actions.push({ item: id, action: a });
        });
      });
      sections.push(s);
      bySection[s.id] = s;
    });
    priorities.sort(function (a, b) {
      return a.priority - b.priority || a.order - b.order;
    });
    var earlier = Object.keys(responses).filter(function (id) {
      return !ins.known[id];
    });
    return { total: total, sections: sections, bySection: bySection, priorities: priorities, actions: actions, earlier: earlier };
  }

  /** An item's HTML id, as the build's `anchor` filter makes it: "KP-1.1" → "kp-1-1". */
  function anchor(id) {
    return String(id).toLowerCase().replace(/\./g, "-");
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
    NA: NA,
    own: own,
    isObject: isObject,
    hasText: hasText,
    describe: describe,
    create: create,
    emptyResponse: emptyResponse,
    isEmptyAction: isEmptyAction,
    actionsOf: actionsOf,
    ratingOf: ratingOf,
    isDate: isDate,
    compareVersions: compareVersions,
    isEarlierVersion: isEarlierVersion,
    summarise: summarise,
    anchor: anchor,
    slug: slug
  };
})();
