/*
 * Partnership views: combine several agencies' assessments of one instrument, and compare two
 * assessments over time. Pure: no DOM.
 *
 * `info` describes an instrument as the partnership pages render it (a JSON block per
 * instrument); it is a superset of what lib/assessment.js and lib/migrate.js read:
 *   {id, version, title, noun, na, naLabel,
 *    levels: [{value, label, tone, priority}]   ordered worst → best (index = rank),
 *    labels: {value: label},                     every level plus "na" when offered,
 *    fields: ["evidence", …], fieldLabels: {key: label}, statuses: ["open", …],
 *    sections: [{id, title, items: ["SA-1.1", …]}], titles: {itemId: title},
 *    replaces: {oldId: newId or null}, disagreeGap: 2}
 * Disagreement: two rated answers `disagreeGap` or more levels apart (default 2, or 1 on a
 * two-level scale), or a mix of "not applicable" and a rating.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var A = IOM.lib.assessment;
  var F = IOM.lib.assessmentFile;
  var NA = A.NA;
  var isObject = A.isObject;
  var own = A.own;
  var text = IOM.lib.data.text;

  /** {value: rank}; rank 0 is the worst level. */
  function ranks(info) {
    var out = Object.create(null);
    info.levels.forEach(function (level, i) {
      out[level.value] = i;
    });
    return out;
  }

  function gapFor(info) {
    if (info.disagreeGap) return info.disagreeGap;
    return Math.min(2, Math.max(1, info.levels.length - 1));
  }

  /** A readable name for each document: agency, else who completed it, else "Agency n". */
  function agencyNames(docs, fallback) {
    var used = {};
    return docs.map(function (doc, i) {
      var base = (fallback || "Agency {n}").replace("{n}", i + 1);
      if (A.hasText(own(doc, "agency"))) base = doc.agency.trim();
      else if (A.hasText(own(doc, "completedBy"))) base = doc.completedBy.trim();
      var name = base;
      var n = 2;
      while (used[name.toLowerCase()] === true) name = base + " (" + n++ + ")";
      used[name.toLowerCase()] = true;
      return name;
    });
  }

  function ratingOf(r, info) {
    return A.ratingOf(r, A.describe(info)) || null;
  }

  /**
   * Combine agencies' documents of one instrument.
   *   docs: array of saved-assessment documents (parsed JSON), one per agency, in the order
   *         the agencies are to be shown. Documents of an earlier version are migrated first;
   *         none is changed.
   *   info: the instrument description above.
   *   options: {names: [agency names] (default from the documents), fallbackName: "Agency {n}"}
   * Returns {instrument, agencies: [{name, partnership, completedBy, date}],
   *   items: [{id, section, title, ratings: [value|null per agency], counts: {value: n},
   *            rated, na, unrated, min, max, spread (levels apart, null if < 2 rated),
   *            flags: ["gap"|"na-mix"], disagree, common: [most frequent values],
   *            answers: [{agency, rating, na_reason, fields: {key: text}, actions: [...]}]}],
   *   sections: [{id, title, items, disagreements}], disagreements, earlier: [{agency, id}]}
   */
  function combine(docs, info, options) {
    options = options || {};
    var rankOf = ranks(info);
    var gap = gapFor(info);
    var current = docs.map(function (doc) {
      return inThisVersion(doc, info);
    });
    var names = options.names || agencyNames(current, options.fallbackName);
    var agencies = current.map(function (doc, i) {
      return {
        name: names[i],
        partnership: text(doc.partnership),
        completedBy: text(doc.completedBy),
        date: text(doc.date)
      };
    });
    var known = Object.create(null);
    var items = [];
    var sections = info.sections.map(function (section) {
      var s = { id: section.id, title: section.title, items: section.items.slice(), disagreements: 0 };
      section.items.forEach(function (id) {
        known[id] = true;
        var item = {
          id: id,
          section: section.id,
          title: (info.titles && info.titles[id]) || "",
          ratings: [],
          counts: {},
          rated: 0,
          na: 0,
          unrated: 0,
          min: null,
          max: null,
          spread: null,
          flags: [],
          disagree: false,
          common: [],
          answers: []
        };
        for (var a = 0; a < current.length; a++) {
          var r = own(own(current[a], "responses"), id);
          var rating = ratingOf(r, info);
          item.ratings.push(rating);
          if (rating === null) {
            item.unrated++;
          } else {
            item.counts[rating] = (item.counts[rating] || 0) + 1;
            if (rating === NA) {
              item.na++;
            } else {
              item.rated++;
              var rank = rankOf[rating];
              if (item.min === null || rank < item.min) item.min = rank;
              if (item.max === null || rank > item.max) item.max = rank;
            }
          }
          if (isObject(r)) {
            var fields = {};
            var any = false;
            for (var f = 0; f < info.fields.length; f++) {
              fields[info.fields[f]] = text(own(r, info.fields[f]));
              if (fields[info.fields[f]].trim()) any = true;
            }
            var actions = A.actionsOf(r);
            var reason = rating === NA ? text(own(r, "na_reason")) : "";
            if (any || actions.length || rating !== null || reason) {
              item.answers.push({ agency: a, rating: rating, na_reason: reason, fields: fields, actions: actions });
            }
          }
        }
        if (item.rated >= 2) {
          item.spread = item.max - item.min;
          if (item.spread >= gap) item.flags.push("gap");
        }
        if (item.na && item.rated) item.flags.push("na-mix");
        item.disagree = item.flags.length > 0;
        // Every agency gave the same rating (N/A included): the rating all agree on.
        item.unanimous = item.unrated === 0 && Object.keys(item.counts).length === 1 ? item.ratings[0] : null;
        if (item.disagree) s.disagreements++;
        var top = 0;
        Object.keys(item.counts).forEach(function (value) {
          if (item.counts[value] > top) top = item.counts[value];
        });
        item.common = info.levels
          .map(function (l) {
            return l.value;
          })
          .concat(info.na ? [NA] : [])
          .filter(function (value) {
            return top > 0 && item.counts[value] === top;
          });
        items.push(item);
      });
      return s;
    });
    var earlier = [];
    var migrate = IOM.lib.migrate;
    current.forEach(function (doc, a) {
      var responses = isObject(own(doc, "responses")) ? doc.responses : {};
      Object.keys(responses).forEach(function (id) {
        if (!known[id] && migrate && !migrate.isEmptyResponse(responses[id])) earlier.push({ agency: a, id: id });
      });
    });
    return {
      instrument: { id: info.id, version: info.version },
      agencies: agencies,
      items: items,
      sections: sections,
      disagreements: items.filter(function (i) {
        return i.disagree;
      }).length,
      earlier: earlier
    };
  }

  /**
   * The combined result as a saved-assessment document of its own.
   *   agreed: {itemId: {rating: value|"", note: text}} chosen by the lead agency.
   *   meta: {name, partnership, area, agency, completedBy, date} (strings).
   * Each item's rating is the agreed one; each text field holds every agency's text under its
   * name; actions are kept with the agency added to the owner; `note` holds the agreed note.
   * `combined` records where it came from: agencies and every agency's rating per item.
   */
  function consensusDoc(result, agreed, info, meta) {
    meta = meta || {};
    var labels = meta.labels || {};
    var doc = {
      format: A.FORMAT,
      formatVersion: A.FORMAT_VERSION,
      instrument: { id: info.id, version: info.version },
      name: text(meta.name),
      partnership: text(meta.partnership),
      area: text(meta.area),
      agency: text(meta.agency),
      completedBy: text(meta.completedBy),
      date: text(meta.date),
      updated: new Date().toISOString(),
      responses: {},
      combined: {
        agencies: result.agencies.map(function (a) {
          return { name: a.name, partnership: a.partnership, completedBy: a.completedBy, date: a.date };
        }),
        ratings: {},
        disagreements: []
      }
    };
    result.items.forEach(function (item) {
      var choice = own(agreed, item.id) || {};
      var rating = ratingOf(choice, info);
      var response = { rating: rating, na_reason: null, actions: [] };
      var note = text(own(choice, "note")).trim();
      info.fields.forEach(function (key) {
        response[key] = item.answers
          .filter(function (ans) {
            return ans.fields[key] && ans.fields[key].trim();
          })
          .map(function (ans) {
            return result.agencies[ans.agency].name + ": " + ans.fields[key].trim();
          })
          .join("\n\n");
      });
      if (rating === NA) {
        response.na_reason =
          note ||
          item.answers
            .filter(function (ans) {
              return ans.na_reason.trim();
            })
            .map(function (ans) {
              return result.agencies[ans.agency].name + ": " + ans.na_reason.trim();
            })
            .join("\n\n");
      }
      item.answers.forEach(function (ans) {
        ans.actions.forEach(function (x) {
          var owner = text(own(x, "owner")).trim();
          var who = result.agencies[ans.agency].name;
          response.actions.push({
            action: text(own(x, "action")),
            owner: owner ? owner + " (" + who + ")" : who,
            due: text(own(x, "due")),
            status: typeof own(x, "status") === "string" ? x.status : info.statuses[0] || "open"
          });
        });
      });
      response.note = note;
      if (note && info.fields.length) {
        var first = info.fields[0];
        var lead = (labels.agreed || "Agreed") + ": " + note;
        response[first] = response[first] ? lead + "\n\n" + response[first] : lead;
      }
      doc.responses[item.id] = response;
      doc.combined.ratings[item.id] = item.ratings.slice();
      if (item.disagree) doc.combined.disagreements.push(item.id);
    });
    return doc;
  }

  /**
   * Compare an earlier and a later assessment of one instrument, item by item and by section.
   * Ratings are compared by rank; "not applicable" or no rating on either side is "not-compared".
   * Returns {items: [{id, section, title, before, after, change}],
   *          sections: [{id, title, improved, unchanged, declined, notCompared}], total: {…}}
   */
  function compare(earlier, later, info) {
    var rankOf = ranks(info);
    var before = own(inThisVersion(earlier, info), "responses");
    var after = own(inThisVersion(later, info), "responses");
    var total = { improved: 0, unchanged: 0, declined: 0, notCompared: 0 };
    var items = [];
    var sections = info.sections.map(function (section) {
      var s = { id: section.id, title: section.title, improved: 0, unchanged: 0, declined: 0, notCompared: 0 };
      section.items.forEach(function (id) {
        var b = ratingOf(own(before, id), info);
        var a = ratingOf(own(after, id), info);
        var change = "not-compared";
        if (b !== null && a !== null && b !== NA && a !== NA) {
          var d = rankOf[a] - rankOf[b];
          change = d > 0 ? "improved" : d < 0 ? "declined" : "unchanged";
        } else if (b !== null && b === a) {
          change = "unchanged"; // not applicable both times
        }
        var key = change === "not-compared" ? "notCompared" : change;
        s[key]++;
        total[key]++;
        items.push({ id: id, section: section.id, title: (info.titles && info.titles[id]) || "", before: b, after: a, change: change });
      });
      return s;
    });
    return { items: items, sections: sections, total: total };
  }

  /** A document in the instrument's current version (migrated when from an earlier one). */
  function inThisVersion(doc, info) {
    var migrate = IOM.lib.migrate;
    return migrate && A.isEarlierVersion(doc, info) ? migrate.migrate(doc, info) : doc;
  }

  /**
   * Sort files read for combining or comparing (lib/importer.js read, without validate):
   * [{name, size, value, errors}]. infos: {id: info}; chosenId: the instrument to use, or ""
   * for the one most files are for. Returns {instrumentId, accepted: [{name, doc}],
   * rejected: [{name, errors}], status}, where status[i] = {accepted, index} places the i-th
   * file in one of the two lists. Errors are lib/assessment.js codes, plus
   * "unknown-instrument" for a file of an instrument this site does not have, and, with
   * options.duplicates (combine), "duplicate" for a file holding the same assessment as one
   * accepted before it (the same file added twice would count one agency twice).
   */
  function sortFiles(files, infos, chosenId, options) {
    var instrumentId = chosenId || "";
    if (!instrumentId) {
      var votes = Object.create(null);
      files.forEach(function (file) {
        var id = instrumentOf(file, infos);
        if (id) votes[id] = (votes[id] || 0) + 1;
      });
      // Most files win; on a tie, the instrument of the first such file (keys keep that order).
      Object.keys(votes).forEach(function (id) {
        if (!instrumentId || votes[id] > votes[instrumentId]) instrumentId = id;
      });
    }
    var info = own(infos, instrumentId);
    var accepted = [];
    var rejected = [];
    var status = [];
    var firstWith = Object.create(null); // content key → name of the first accepted file
    files.forEach(function (file) {
      var errors = file.errors.length ? file.errors : info ? F.validate(file.value, info) : problemsWithout(file, infos);
      if (!errors.length && info && options && options.duplicates) {
        var key = F.contentKey(file.value, info);
        var first = firstWith[key];
        if (first !== undefined) errors = [{ code: first === file.name ? "duplicate-again" : "duplicate", first: first }];
        else firstWith[key] = file.name;
      }
      if (errors.length) {
        status.push({ accepted: false, index: rejected.length });
        rejected.push({ name: file.name, errors: errors });
      } else {
        status.push({ accepted: true, index: accepted.length });
        accepted.push({ name: file.name, doc: file.value });
      }
    });
    return { instrumentId: info ? instrumentId : "", accepted: accepted, rejected: rejected, status: status };
  }

  /** The id of the instrument a read file is for, when this site has it; else "". */
  function instrumentOf(file, infos) {
    var id = file.errors.length ? "" : F.instrumentId(file.value);
    return id && own(infos, id) ? id : "";
  }

  /** Why a file cannot be combined when no instrument could be chosen. */
  function problemsWithout(file, infos) {
    var head = F.checkHead(file.value);
    return head.length ? head : [{ code: "unknown-instrument", found: String(own(file.value.instrument, "id")).slice(0, 40) }];
  }

  /** The files a session may keep: those that pass the check of the instrument they name. */
  function keepable(file, infos) {
    var id = instrumentOf(file, infos);
    return !!id && !F.validate(file.value, infos[id]).length;
  }

  /** Items on which every agency gave the same rating: {itemId: rating}. */
  function unanimous(result) {
    var out = Object.create(null);
    result.items.forEach(function (item) {
      if (item.unanimous) out[item.id] = item.unanimous;
    });
    return out;
  }

  IOM.lib.merge = {
    NA: NA,
    ranks: ranks,
    agencyNames: agencyNames,
    combine: combine,
    consensusDoc: consensusDoc,
    compare: compare,
    sortFiles: sortFiles,
    keepable: keepable,
    unanimous: unanimous
  };
})();
