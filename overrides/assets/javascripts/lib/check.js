/*
 * "Check your answers": what stands between an assessment and a report worth sharing, and
 * each section's status in the task list. Pure: no DOM, no words (the pages carry the
 * messages, one per problem code: "check-<code>").
 *
 *   IOM.lib.check.run(doc, instrument, {today}) → {errors: [problem], warnings: [problem]}
 *   IOM.lib.check.sections(doc, instrument, found) → {sections: [status], completed, total, next}
 *
 * A problem is {code, severity, item, section, key, n, level, due}: `key` names the field it
 * is about ("partnership", "date", "rating", "na_reason", an instrument field such as
 * "evidence", "actions" for the item's action list, or "action", "owner", "due" of action
 * number `n`), so a page can link to that field and show the message beside it.
 *
 * Errors (a section with one is not Completed): no partnership or no date; an item not rated;
 * "not applicable" without a reason; a rating of the scale's priority levels (Red or Amber,
 * Not yet or Partly) without evidence; a rating of the most urgent level (Red, Not yet)
 * without an action; an action without what will be done, an owner or a due date, or due
 * before `today` and not yet done. Warnings only inform: a rating of a later priority level
 * (Amber, Partly) without an action.
 *
 * A section is Completed when the person said so ("Have you completed this section?", kept in
 * doc.completed[section id] as true) and it has no error; Not started while none of its items
 * holds anything (a rating, a text, an action); else In progress, with the reason.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var A = IOM.lib.assessment;
  var own = A.own;
  var hasText = A.hasText;

  var ABOUT = ["partnership", "date"]; // the details a report cannot go without

  /** Today's date where the browser is, as YYYY-MM-DD (the format of a date field's value). */
  function today() {
    var d = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /** The most urgent priority level (1: Red, Not yet) of the instrument's scale. */
  function mostUrgent(ins) {
    var best = 0;
    ins.levels.forEach(function (level) {
      if (level.priority && (!best || level.priority < best)) best = level.priority;
    });
    return best;
  }

  /** Every problem of `doc`, errors and warnings, in the order the form asks its questions. */
  function run(doc, instrument, options) {
    var ins = A.describe(instrument);
    var day = (options && options.today) || today();
    var urgent = mostUrgent(ins);
    // The instrument's first text field is where the evidence goes ("Evidence/Gaps").
    var evidence = ins.fields[0];
    // Action statuses run from not started to done: the last one means finished.
    var finished = ins.statuses[ins.statuses.length - 1];
    var errors = [];
    var warnings = [];
    ABOUT.forEach(function (key) {
      if (!hasText(own(doc, key))) errors.push({ code: key + "-missing", severity: "error", key: key });
    });
    ins.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        var r = own(own(doc, "responses"), id);
        var rating = A.ratingOf(r, ins);
        var level = ins.priority[rating] || 0;
        function add(list, code, key, extra) {
          var p = { code: code, severity: list === errors ? "error" : "warning", item: id, section: section.id, key: key };
          if (rating) p.level = rating;
          Object.keys(extra || {}).forEach(function (k) {
            p[k] = extra[k];
          });
          list.push(p);
        }
        if (!rating) add(errors, "not-rated", "rating");
        else if (rating === A.NA && !hasText(own(r, "na_reason"))) add(errors, "na-reason-missing", "na_reason");
        if (level && evidence && !hasText(own(r, evidence))) add(errors, "evidence-missing", evidence);
        var actions = A.actionsOf(r);
        if (ins.actions !== false && level && !actions.length) {
          if (level === urgent) add(errors, "action-missing", "actions");
          else add(warnings, "action-suggested", "actions");
        }
        // Number actions as the form does: every row counts, empty ones too.
        var rows = own(r, "actions");
        (Array.isArray(rows) ? rows : []).forEach(function (a, i) {
          if (A.isEmptyAction(a)) return;
          var n = { n: i + 1 };
          if (!hasText(own(a, "action"))) add(errors, "action-what-missing", "action", n);
          if (!hasText(own(a, "owner"))) add(errors, "action-owner-missing", "owner", n);
          var due = own(a, "due");
          if (!hasText(due)) add(errors, "action-due-missing", "due", n);
          else if (A.isDate(due) && due < day && own(a, "status") !== finished) {
            add(errors, "action-overdue", "due", { n: i + 1, due: due });
          }
        });
      });
    });
    return { errors: errors, warnings: warnings };
  }

  /** Whether the person said they have completed the section (doc.completed[id] === true). */
  function confirmed(doc, sectionId) {
    return own(own(doc, "completed"), sectionId) === true;
  }

  /** True when any item of the section holds something: a rating, a text or an action. */
  function touched(doc, ins, section) {
    return section.items.some(function (id) {
      var r = own(own(doc, "responses"), id);
      return (
        !!A.ratingOf(r, ins) ||
        hasText(own(r, "na_reason")) ||
        A.actionsOf(r).length > 0 ||
        ins.fields.some(function (key) {
          return hasText(own(r, key));
        })
      );
    });
  }

  /**
   * Each section's status from the document and its problems (`found`, from run()):
   * {id, status: "not-started" | "in-progress" | "completed", answered, total, errors,
   *  confirmed, reason: "" | "unanswered" | "problems" | "unconfirmed"}; with how many are
   * completed and the first section that is not (`next`, null when all are).
   */
  function sections(doc, instrument, found) {
    var ins = A.describe(instrument);
    var summary = A.summarise(doc, ins);
    var errorsIn = Object.create(null);
    found.errors.forEach(function (p) {
      if (p.section) errorsIn[p.section] = (errorsIn[p.section] || 0) + 1;
    });
    var list = summary.sections.map(function (counts, i) {
      var s = {
        id: counts.id,
        answered: counts.rated + counts.na,
        total: counts.total,
        errors: errorsIn[counts.id] || 0,
        confirmed: confirmed(doc, counts.id),
        reason: ""
      };
      if (s.confirmed && !s.errors) s.status = "completed";
      else if (!s.answered && !touched(doc, ins, ins.sections[i])) s.status = "not-started";
      else {
        s.status = "in-progress";
        s.reason = s.answered < s.total ? "unanswered" : s.errors ? "problems" : "unconfirmed";
      }
      return s;
    });
    var done = list.filter(function (s) {
      return s.status === "completed";
    });
    var next = list.filter(function (s) {
      return s.status !== "completed";
    })[0];
    return { sections: list, completed: done.length, total: list.length, next: next ? next.id : null };
  }

  IOM.lib.check = { run: run, sections: sections, confirmed: confirmed, today: today };
})();
