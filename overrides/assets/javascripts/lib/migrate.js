/*
 * Move saved answers to the item ids of the current instrument version. Pure: no DOM.
 *
 * An instrument declares `version` and a `replaces` map {old id: new id or null}. Over several
 * versions the map may hold chains (A → B in version 2, B → C in version 3): they are followed
 * to the id that exists now. What happens to each answer under an id the instrument no longer
 * has:
 *   - renamed (A → C, C free)           moves to C;
 *   - merged (A → C and B → C)          the first answer in map order moves to C; the others
 *                                       stay where they were, so both are kept;
 *   - C already answered                stays where it was (never overwrites);
 *   - removed (A → null) or unknown     stays where it was.
 * Answers that stay keep their old id in `responses`, so the form lists them under "From an
 * earlier version" and includes them in downloads; `doc.earlier[oldId]` records why
 * ({fromVersion, reason: "removed" | "merged" | "taken" | "unknown", into}). Empty answers
 * (no rating, no text, no actions) that cannot move are left out: they hold nothing.
 * Every other key of the document, known or not, is kept as it is.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
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

  function currentIds(instrument) {
    var ids = {};
    (instrument.sections || []).forEach(function (section) {
      (section.items || []).forEach(function (item) {
        ids[typeof item === "string" ? item : item.id] = true;
      });
    });
    return ids;
  }

  /**
   * Where an old id lives now: {to: id or null, reason}. Follows chains through `replaces`;
   * reason is "current" (id exists), "moved", "removed" (chain ends in null) or "unknown".
   */
  function resolve(id, instrument, known) {
    known = known || currentIds(instrument);
    var replaces = instrument.replaces || {};
    var seen = {};
    var at = id;
    var moved = false;
    while (!known[at]) {
      if (seen[at] || !Object.prototype.hasOwnProperty.call(replaces, at)) {
        return { to: null, reason: "unknown" };
      }
      seen[at] = true;
      var next = replaces[at];
      if (next === null || next === undefined || next === "") return { to: null, reason: "removed" };
      at = next;
      moved = true;
    }
    return { to: at, reason: moved ? "moved" : "current" };
  }

  function hasText(value) {
    return typeof value === "string" && value.trim() !== "";
  }

  /** True when an answer holds nothing worth keeping. */
  function isEmptyResponse(r) {
    if (!isObject(r)) return r === null || r === undefined;
    return Object.keys(r).every(function (key) {
      var value = r[key];
      if (key === "actions") {
        return !Array.isArray(value) || value.every(function (a) {
          return !isObject(a) || (!hasText(a.action) && !hasText(a.owner) && !hasText(a.due));
        });
      }
      return value === null || value === undefined || value === "" || (typeof value === "string" && !hasText(value));
    });
  }

  /**
   * Migrate with a report of what happened. Returns
   *   {doc, changed, fromVersion, toVersion,
   *    moved: [{from, to}], earlier: [{id, reason, into}]}
   * `doc` is a copy; the argument is not changed. Documents already at (or past) the
   * instrument's version are copied as they are.
   */
  function migrateWithReport(doc, instrument) {
    var copy = JSON.parse(JSON.stringify(doc));
    var report = {
      doc: copy,
      changed: false,
      fromVersion: isObject(copy.instrument) ? copy.instrument.version : undefined,
      toVersion: instrument.version,
      moved: [],
      earlier: []
    };
    var responses = copy.responses;
    if (!isObject(responses)) return report;
    if (instrument.version && compareVersions(report.fromVersion, instrument.version) >= 0) return report;

    var known = currentIds(instrument);
    var earlier = isObject(copy.earlier) ? copy.earlier : {};
    var replaces = instrument.replaces || {};
    // Map order first (it decides which of merged answers moves), then any other old ids.
    var order = Object.keys(replaces).filter(function (id) {
      return Object.prototype.hasOwnProperty.call(responses, id);
    });
    Object.keys(responses).forEach(function (id) {
      if (order.indexOf(id) < 0) order.push(id);
    });
    var claimedBy = {}; // new id → old id whose answer moved there

    order.forEach(function (oldId) {
      if (known[oldId]) return;
      var r = responses[oldId];
      var where = resolve(oldId, instrument, known);
      var note = null;
      if (where.reason === "moved") {
        if (isEmptyResponse(r)) {
          delete responses[where.to];
          delete responses[oldId];
          report.changed = true;
          return;
        }
        var target = responses[where.to];
        if (target === undefined || isEmptyResponse(target)) {
          responses[where.to] = r;
          delete responses[oldId];
          claimedBy[where.to] = oldId;
          report.moved.push({ from: oldId, to: where.to });
          report.changed = true;
          return;
        }
        note = { reason: claimedBy[where.to] ? "merged" : "taken", into: where.to };
      } else {
        note = { reason: where.reason, into: null };
      }
      if (isEmptyResponse(r)) {
        delete responses[oldId];
        report.changed = true;
        return;
      }
      if (!earlier[oldId]) {
        earlier[oldId] = { fromVersion: report.fromVersion === undefined ? null : report.fromVersion, reason: note.reason, into: note.into };
        report.changed = true;
      }
      report.earlier.push({ id: oldId, reason: earlier[oldId].reason, into: earlier[oldId].into });
    });

    if (Object.keys(earlier).length) copy.earlier = earlier;
    if (isObject(copy.instrument)) {
      copy.instrument.version = instrument.version;
    } else {
      copy.instrument = { id: instrument.id, version: instrument.version };
    }
    report.changed = true;
    return report;
  }

  /** A copy of `doc` with answers moved to the current ids; `doc` is not changed. */
  function migrate(doc, instrument) {
    return migrateWithReport(doc, instrument).doc;
  }

  IOM.lib.migrate = {
    migrate: migrate,
    migrateWithReport: migrateWithReport,
    resolve: resolve,
    isEmptyResponse: isEmptyResponse,
    compareVersions: compareVersions
  };
})();
