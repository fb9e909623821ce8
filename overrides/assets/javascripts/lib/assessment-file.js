/*
 * The check every saved-assessment file passes before it comes in (lib/importer.js calls it
 * for the form's import, combine and compare): validate(raw, instrument) returns every
 * problem as a code with its details, [] when the file can be imported. By construction it
 * refuses what could harm or confuse the page: only own properties are read, item ids and
 * rating values must look like ours, text must be text, and the file's size, nesting, answers
 * and actions per item are limited. Unknown keys are allowed (kept: a newer version's).
 * differences(current, incoming, instrument) says what an import would change (and
 * describeChanges() in the page's words); contentKey() tells two copies of one assessment.
 * Nothing is changed. Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var A = IOM.lib.assessment;
  var own = IOM.lib.data.own;
  var isObject = IOM.lib.data.isObject;
  var textOf = IOM.lib.data.text; // `text` is a local name in quote()
  var compareVersions = A.compareVersions;
  var isDate = A.isDate;

  var META = ["name", "partnership", "area", "agency", "completedBy", "date", "updated"];
  var ACTION_TEXT = ["action", "owner"];
  /*
   * What a file may hold, each far beyond real use: a year of actions on one item is a few,
   * a combined file of ten agencies a few dozen; a form has a few dozen items, so 500 answers
   * leave room for many from earlier versions; our documents nest 4 levels deep.
   * The size limit is the page's (data-max-bytes, macros/render/instrument.py).
   */
  var LIMITS = { actions: 100, responses: 500, depth: 32 };
  var ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/; // ids of this and any earlier version
  var VALUE = /^[a-z0-9][a-z0-9-]{0,39}$/; // rating values of any version (macros/models)
  var VERSION = /^\d{1,6}(\.\d{1,6}){0,5}$/;

  /** True when a value nests deeper than `limit` arrays and objects (walked without recursion). */
  function tooDeep(value, limit) {
    var stack = [value];
    var depths = [0];
    while (stack.length) {
      var node = stack.pop();
      var depth = depths.pop();
      if (depth >= limit) return true;
      var keys = Array.isArray(node) ? null : Object.keys(node);
      var count = keys ? keys.length : node.length;
      for (var i = 0; i < count; i++) {
        var child = keys ? node[keys[i]] : node[i];
        if (child !== null && typeof child === "object") {
          stack.push(child);
          depths.push(depth + 1);
        }
      }
    }
    return false;
  }

  function isText(v) {
    return v === undefined || v === null || typeof v === "string";
  }

  /** A value as the page may quote it in a message: text, cut short. */
  function quote(v) {
    var text = typeof v === "string" ? v : JSON.stringify(v);
    return String(text).length > 40 ? String(text).slice(0, 39) + "…" : String(text);
  }

  /**
   * Every problem with a parsed file, as codes with their details; [] when it can be
   * imported. Only own properties are read; nothing is changed.
   */
  function validate(raw, instrument) {
    var ins = A.describe(instrument);
    var head = checkHead(raw);
    if (head.length) return head;
    var about = own(raw, "instrument");
    if (own(about, "id") !== ins.id) return [{ code: "other-instrument", found: quote(own(about, "id")) }];
    var version = own(about, "version");
    if (compareVersions(version, ins.version) > 0) {
      return [{ code: "newer-version", found: version, ours: ins.version }];
    }
    var errors = [];
    META.forEach(function (key) {
      if (!isText(own(raw, key))) errors.push({ code: "bad-text", path: key });
    });
    var date = own(raw, "date");
    if (typeof date === "string" && date !== "" && !isDate(date)) {
      errors.push({ code: "bad-date", path: "date", value: quote(date) });
    }
    var earlier = own(raw, "earlier");
    if (earlier !== undefined && !(isObject(earlier) && Object.keys(earlier).every(function (id) {
      return isObject(earlier[id]);
    }))) {
      errors.push({ code: "bad-shape", path: "earlier" });
    }
    // "Have you completed this section?": true or false by section id (any version's).
    var completed = own(raw, "completed");
    if (completed !== undefined && !(isObject(completed) && Object.keys(completed).every(function (id) {
      return ITEM_ID.test(id) && typeof completed[id] === "boolean";
    }))) {
      errors.push({ code: "bad-shape", path: "completed" });
    }
    var responses = own(raw, "responses");
    if (!isObject(responses)) {
      errors.push({ code: "bad-shape", path: "responses" });
      return errors;
    }
    var ids = Object.keys(responses);
    if (ids.length > LIMITS.responses) {
      errors.push({ code: "too-many-answers", count: ids.length, max: LIMITS.responses });
      return errors;
    }
    ids.forEach(function (id) {
      if (!ITEM_ID.test(id)) {
        errors.push({ code: "bad-item-id", value: quote(id) });
        return;
      }
      checkResponse(responses[id], id, ins, errors);
    });
    return errors;
  }

  /** The instrument a file says it is for, when its format is ours; else "". */
  function instrumentId(raw) {
    if (!isObject(raw) || own(raw, "format") !== A.FORMAT || own(raw, "formatVersion") !== A.FORMAT_VERSION) return "";
    var id = own(own(raw, "instrument"), "id");
    return typeof id === "string" ? id : "";
  }

  /** The checks that come before any instrument is needed: format, format version, shape. */
  function checkHead(raw) {
    if (!isObject(raw) || own(raw, "format") !== A.FORMAT) return [{ code: "wrong-format" }];
    var fv = own(raw, "formatVersion");
    if (typeof fv === "number" && fv > A.FORMAT_VERSION && fv % 1 === 0) {
      return [{ code: "newer-format", found: fv, ours: A.FORMAT_VERSION }];
    }
    if (fv !== A.FORMAT_VERSION) return [{ code: "bad-format-version", value: quote(fv), ours: A.FORMAT_VERSION }];
    var about = own(raw, "instrument");
    if (!isObject(about) || typeof own(about, "id") !== "string") return [{ code: "bad-shape", path: "instrument" }];
    var version = own(about, "version");
    if (typeof version !== "string" || !VERSION.test(version)) {
      return [{ code: "bad-shape", path: "instrument.version" }];
    }
    if (isObject(raw) && tooDeep(raw, LIMITS.depth)) return [{ code: "too-deep", max: LIMITS.depth }];
    return [];
  }

  function checkResponse(r, id, ins, errors) {
    if (!isObject(r)) {
      errors.push({ code: "bad-shape", path: id, item: id });
      return;
    }
    var rating = own(r, "rating");
    if (rating !== undefined && rating !== null && rating !== "") {
      // An answer to an item of an earlier version keeps its rating, if it looks like one.
      var known = ins.known[id] ? ins.ratings[rating] : typeof rating === "string" && VALUE.test(rating);
      if (typeof rating !== "string" || !known) errors.push({ code: "bad-rating", item: id, value: quote(rating) });
    }
    ["na_reason"].concat(ins.fields).forEach(function (key) {
      if (!isText(own(r, key))) errors.push({ code: "bad-text", path: id + " › " + key, item: id });
    });
    var actions = own(r, "actions");
    if (actions === undefined || actions === null) return;
    if (!Array.isArray(actions)) {
      errors.push({ code: "bad-shape", path: id + " › actions", item: id });
      return;
    }
    if (actions.length > LIMITS.actions) {
      errors.push({ code: "too-many-actions", item: id, count: actions.length, max: LIMITS.actions });
      return;
    }
    actions.forEach(function (a, i) {
      var where = id + " › action " + (i + 1);
      if (!isObject(a)) {
        errors.push({ code: "bad-shape", path: where, item: id });
        return;
      }
      ACTION_TEXT.forEach(function (key) {
        if (!isText(own(a, key))) errors.push({ code: "bad-text", path: where + " › " + key, item: id });
      });
      var due = own(a, "due");
      if (due !== undefined && due !== null && due !== "" && !(typeof due === "string" && isDate(due))) {
        errors.push({ code: "bad-date", path: where + " › due", value: quote(due), item: id });
      }
      var status = own(a, "status");
      if (status !== undefined && status !== null && !(typeof status === "string" && ins.statusSet[status])) {
        errors.push({ code: "bad-status", path: where + " › status", value: quote(status), item: id });
      }
    });
  }

  /** An answer as it is kept, as one string: a missing answer is an empty one, and an action
   * with nothing in it is no action (a sheet does not carry one). */
  function answerKey(response, fields) {
    var r = isObject(response) ? response : {};
    return JSON.stringify([
      textOf(own(r, "rating")),
      textOf(own(r, "na_reason")),
      fields.map(function (key) {
        return textOf(own(r, key));
      }),
      A.actionsOf(r).map(function (a) {
        return [textOf(own(a, "action")), textOf(own(a, "owner")), textOf(own(a, "due")), textOf(own(a, "status"))];
      })
    ]);
  }

  /**
   * What opening `incoming` in place of `current` would change, for the import's question:
   * {items: ids whose answer differs (in the form's order, then any others), details: the
   * META keys (and "completed") that differ}. A file downloaded and imported unchanged
   * changes nothing; "updated" is when, not what, so it is left out.
   */
  function differences(current, incoming, instrument) {
    var before = own(current, "responses") || {};
    var after = own(incoming, "responses") || {};
    var ids = [];
    instrument.sections.forEach(function (section) {
      ids.push.apply(ids, section.items);
    });
    Object.keys(before)
      .concat(Object.keys(after))
      .sort()
      .forEach(function (id) {
        if (ids.indexOf(id) < 0) ids.push(id);
      });
    var items = ids.filter(function (id) {
      return answerKey(own(before, id), instrument.fields) !== answerKey(own(after, id), instrument.fields);
    });
    var details = META.filter(function (key) {
      return key !== "updated" && textOf(own(current, key)) !== textOf(own(incoming, key));
    });
    var completed = function (doc) {
      var done = own(doc, "completed") || {};
      return instrument.sections
        .map(function (section) {
          return own(done, section.id) === true;
        })
        .join();
    };
    if (completed(current) !== completed(incoming)) details.push("completed");
    return { items: items, details: details };
  }

  /**
   * differences() in words, for the question before "Replace": "Replacing “Spring review”
   * with it changes the answers to SA-1.2, SA-3.1 … It also changes these details: Agency."
   * `t` gives the page's messages, `label(key)` a detail's name; at most LISTED ids are
   * listed, the rest counted, so a sheet that changes everything stays readable.
   */
  var LISTED = 12;
  function describeChanges(change, name, t, label) {
    if (!change.items.length && !change.details.length) return t("import-no-changes", { name: name });
    var items = change.items.slice(0, LISTED).join(", ");
    if (change.items.length > LISTED) items = t("import-more", { items: items, count: change.items.length - LISTED });
    var details = change.details.map(label).join(", ");
    var words = [];
    if (change.items.length) words.push(t("import-changes-items", { name: name, items: items }));
    if (details) words.push(t(change.items.length ? "import-changes-details" : "import-changes-details-only", { name: name, details: details }));
    return words.join(" ");
  }

  /**
   * One string for what a document says (its details but the name and when, and every
   * answer as it is kept): two files with the same key hold the same assessment, however
   * they were named or when they were saved.
   */
  function contentKey(doc, instrument) {
    var responses = own(doc, "responses") || {};
    var ids = Object.keys(responses).sort();
    var empty = answerKey(null, instrument.fields); // an empty answer is no answer
    return JSON.stringify([
      META.filter(function (key) {
        return key !== "name" && key !== "updated";
      }).map(function (key) {
        return textOf(own(doc, key));
      }),
      ids.map(function (id) {
        return [id, answerKey(own(responses, id), instrument.fields)];
      }).filter(function (pair) {
        return pair[1] !== empty;
      })
    ]);
  }

  IOM.lib.assessmentFile = {
    LIMITS: LIMITS,
    ITEM_ID: ITEM_ID,
    VALUE: VALUE,
    VERSION: VERSION,
    instrumentId: instrumentId,
    checkHead: checkHead,
    validate: validate,
    differences: differences,
    describeChanges: describeChanges,
    contentKey: contentKey
  };
})();
