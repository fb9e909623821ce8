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
  var A = IOM.lib.assessment;
  var isObject = A.isObject;
  var own = A.own;

  /**
   * Where an old id lives now: {to: id or null, reason}. Follows chains through `replaces`;
   * reason is "current" (id exists), "moved", "removed" (chain ends in null) or "unknown".
   */
  function resolve(id, instrument) {
    var known = A.describe(instrument).known;
    var replaces = A.describe(instrument).replaces;
    var seen = Object.create(null);
    var at = id;
    var moved = false;
    while (!known[at]) {
      if (seen[at] || !(at in replaces)) {
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

  /** True when an answer holds nothing worth keeping. */
  function isEmptyResponse(r) {
    if (!isObject(r)) return r === null || r === undefined;
    return Object.keys(r).every(function (key) {
      var value = r[key];
      if (key === "actions") return !Array.isArray(value) || value.every(A.isEmptyAction);
      return value === null || value === undefined || (typeof value === "string" && !A.hasText(value));
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
      fromVersion: own(own(copy, "instrument"), "version"),
      toVersion: instrument.version,
      moved: [],
      earlier: []
    };
    var responses = own(copy, "responses");
    if (!isObject(responses)) return report;
    if (instrument.version && A.compareVersions(report.fromVersion, instrument.version) >= 0) return report;

    var ins = A.describe(instrument);
    var known = ins.known;
    var earlier = isObject(own(copy, "earlier")) ? copy.earlier : {};
    // Map order first (it decides which of merged answers moves), then any other old ids.
    var order = Object.keys(ins.replaces).filter(function (id) {
      return own(responses, id) !== undefined;
    });
    Object.keys(responses).forEach(function (id) {
      if (order.indexOf(id) < 0) order.push(id);
    });
    var claimedBy = Object.create(null); // new id → old id whose answer moved there

    order.forEach(function (oldId) {
      if (known[oldId]) return;
      var r = responses[oldId];
      var where = resolve(oldId, instrument);
      var note = null;
      if (where.reason === "moved") {
        if (isEmptyResponse(r)) {
          delete responses[where.to];
          delete responses[oldId];
          report.changed = true;
          return;
        }
        var target = own(responses, where.to);
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
      if (!isObject(own(earlier, oldId))) {
        earlier[oldId] = { fromVersion: report.fromVersion === undefined ? null : report.fromVersion, reason: note.reason, into: note.into };
        report.changed = true;
      }
      report.earlier.push({ id: oldId, reason: earlier[oldId].reason, into: earlier[oldId].into });
    });

    if (Object.keys(earlier).length) copy.earlier = earlier;
    if (isObject(own(copy, "instrument"))) {
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
    isEmptyResponse: isEmptyResponse
  };
})();
