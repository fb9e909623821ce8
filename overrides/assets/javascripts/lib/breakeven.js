/*
 * Break-even maths for the value-for-money calculator (IOM efficiency toolkit, phase 2 method).
 *
 * Pure functions, no DOM: `check(raw)` turns the form's text into numbers and lists every
 * problem (field key + message); `calculate(values)` works out costs, break-even and the net
 * position; `netTable(result)` gives the rows the chart and its table share; `priceYears` says
 * which price years some unit costs are in. All amounts are a year; the reduction applies
 * equally to every crime type.
 */
(function () {
  "use strict";

  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  // "12,000", "£12,000.50", "12000", "-3", "25%": a plain decimal number, nothing else.
  var NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

  /**
   * Read one typed amount. Returns {blank: true}, {value: n} or {invalid: true}.
   * A leading £ and a trailing % are allowed, as are thousands commas.
   */
  function readNumber(text) {
    var cleaned = String(text == null ? "" : text)
      .trim()
      .replace(/^£\s*/, "")
      .replace(/^(-)\s*£\s*/, "$1")
      .replace(/\s*%$/, "");
    if (cleaned === "") return { blank: true };
    if (!NUMBER.test(cleaned)) return { invalid: true };
    var value = Number(cleaned.replace(/,/g, ""));
    if (!isFinite(value)) return { invalid: true };
    return { value: value };
  }

  /**
   * Turn the form's raw text into numbers, collecting every problem.
   *
   * raw: {cohort, reduction, uprating, interventions, other,
   *       staff: [{role, posts, cost}], crimes: [{id, label, rate, multiplier, unitCost, priceYear}]}
   * Returns {values, errors: [{field, message}]}; values is null when there are errors.
   */
  function check(raw) {
    var errors = [];
    function fail(field, message) {
      errors.push({ field: field, message: message });
    }

    // A figure that may be left blank (blank counts as `whenBlank`) but not negative.
    function optional(field, text, name, whenBlank) {
      var read = readNumber(text);
      if (read.blank) return whenBlank;
      if (read.invalid) {
        fail(field, name + " must be a number, like 1500");
        return null;
      }
      if (read.value < 0) {
        fail(field, name + " must be 0 or more");
        return null;
      }
      return read.value;
    }

    var cohort = null;
    var readCohort = readNumber(raw.cohort);
    if (readCohort.blank) fail("cohort", "Enter the number of offenders in the cohort");
    else if (readCohort.invalid) fail("cohort", "Number of offenders must be a number, like 40");
    else if (readCohort.value <= 0) fail("cohort", "Number of offenders must be more than 0");
    else if (Math.floor(readCohort.value) !== readCohort.value)
      fail("cohort", "Number of offenders must be a whole number");
    else cohort = readCohort.value;

    var staff = [];
    (raw.staff || []).forEach(function (row, i) {
      var name = row.role && String(row.role).trim() ? String(row.role).trim() : "Post " + (i + 1);
      var posts = optional("staff-" + i + "-posts", row.posts, name + ": number of posts", null);
      var cost = optional("staff-" + i + "-cost", row.cost, name + ": cost per post", null);
      var postsBlank = readNumber(row.posts).blank;
      var costBlank = readNumber(row.cost).blank;
      if (postsBlank && !costBlank && cost !== null)
        fail("staff-" + i + "-posts", name + ": enter the number of posts, or clear the cost");
      if (costBlank && !postsBlank && posts !== null)
        fail("staff-" + i + "-cost", name + ": enter the cost per post, or clear the number of posts");
      if (posts !== null && cost !== null)
        staff.push({ role: name, posts: posts, costPerPost: cost });
    });

    var interventions = optional("interventions", raw.interventions, "Interventions", 0);
    var other = optional("other", raw.other, "Premises and other costs", 0);

    var uprating = 1;
    var readUprating = readNumber(raw.uprating);
    if (readUprating.invalid) {
      fail("uprating", "Uprating factor must be a number, like 1.1");
      uprating = null;
    } else if (!readUprating.blank) {
      if (readUprating.value <= 0) {
        fail("uprating", "Uprating factor must be more than 0");
        uprating = null;
      } else uprating = readUprating.value;
    }

    var crimes = [];
    (raw.crimes || []).forEach(function (row) {
      var key = "crime-" + row.id;
      var label = String(row.label || row.id).trim();
      var rate = optional(key + "-rate", row.rate, label + ": offences a year", null);
      var unitCost = optional(key + "-cost", row.unitCost, label + ": unit cost", null);
      var multiplier = 1;
      var readMultiplier = readNumber(row.multiplier);
      if (readMultiplier.invalid) {
        fail(key + "-multiplier", label + ": multiplier must be a number, like 1.5");
        multiplier = null;
      } else if (!readMultiplier.blank) {
        if (readMultiplier.value < 1) {
          fail(key + "-multiplier", label + ": multiplier must be 1 or more");
          multiplier = null;
        } else multiplier = readMultiplier.value;
      }
      // A unit cost without offences is fine (the row is not used); offences need a cost.
      var rateBlank = readNumber(row.rate).blank;
      var costBlank = readNumber(row.unitCost).blank;
      if (costBlank && !rateBlank && rate !== null)
        fail(key + "-cost", label + ": enter the unit cost, or clear the offences a year");
      if (rate !== null && unitCost !== null && multiplier !== null) {
        crimes.push({
          id: row.id,
          label: label,
          rate: rate,
          multiplier: multiplier,
          unitCost: unitCost,
          priceYear: String(row.priceYear || "").trim()
        });
      }
    });

    var reduction = null;
    var readReduction = readNumber(raw.reduction);
    if (readReduction.blank) fail("reduction", "Enter the reduction in offending you expect");
    else if (readReduction.invalid) fail("reduction", "Expected reduction must be a number, like 20");
    else if (readReduction.value < 0 || readReduction.value > 100)
      fail("reduction", "Expected reduction must be between 0 and 100");
    else reduction = readReduction.value;

    var costsGiven =
      staff.length > 0 ||
      (interventions !== null && interventions > 0) ||
      (other !== null && other > 0);
    var costProblems = errors.some(function (e) {
      return /^(staff-|interventions|other)/.test(e.field);
    });
    if (!costsGiven && !costProblems) {
      fail(
        (raw.staff || []).length ? "staff-0-posts" : "interventions",
        "Enter at least one cost: staff posts, interventions or premises and other costs"
      );
    }
    var crimeProblems = errors.some(function (e) {
      return /^crime-/.test(e.field);
    });
    var crimesUsed = crimes.some(function (c) {
      return c.rate > 0;
    });
    if (!crimesUsed && !crimeProblems && (raw.crimes || []).length) {
      fail(
        "crime-" + raw.crimes[0].id + "-rate",
        "Enter offences a year and a unit cost for at least one crime type"
      );
    }

    if (errors.length) return { values: null, errors: errors };
    return {
      values: {
        cohort: cohort,
        staff: staff,
        interventions: interventions,
        other: other,
        uprating: uprating,
        reduction: reduction,
        crimes: crimes
      },
      errors: []
    };
  }

  /**
   * The break-even sums. Every figure is for one year.
   *
   * values: as returned by check(): cohort, staff [{posts, costPerPost}], interventions, other,
   *   uprating (factor applied to every unit cost), reduction (expected, in %),
   *   crimes [{id, label, rate (offences per offender a year before IOM), multiplier, unitCost}]
   */
  function calculate(values) {
    var staffCost = values.staff.reduce(function (sum, s) {
      return sum + s.posts * s.costPerPost;
    }, 0);
    var totalCost = staffCost + values.interventions + values.other;
    var crimes = values.crimes.map(function (c) {
      var offences = values.cohort * c.rate * c.multiplier;
      return {
        id: c.id,
        label: c.label,
        priceYear: c.priceYear || "",
        offences: offences,
        unitCost: c.unitCost * values.uprating,
        cost: offences * c.unitCost * values.uprating
      };
    });
    var baselineOffences = crimes.reduce(function (sum, c) {
      return sum + c.offences;
    }, 0);
    var baselineCost = crimes.reduce(function (sum, c) {
      return sum + c.cost;
    }, 0);

    var breakEven;
    if (baselineCost <= 0) {
      breakEven = { possible: false, reason: "no-offending-cost" };
    } else if (totalCost > baselineCost) {
      breakEven = { possible: false, reason: "cost-exceeds-all-offending" };
    } else {
      var fraction = totalCost / baselineCost;
      breakEven = {
        possible: true,
        reason: "ok",
        fraction: fraction,
        percent: fraction * 100,
        offences: fraction * baselineOffences
      };
    }

    var share = values.reduction / 100;
    var savings = share * baselineCost;
    return {
      cohort: values.cohort,
      staffCost: staffCost,
      interventions: values.interventions,
      other: values.other,
      totalCost: totalCost,
      costPerOffender: totalCost / values.cohort,
      uprating: values.uprating,
      crimes: crimes,
      baselineOffences: baselineOffences,
      baselineCost: baselineCost,
      costPerOffence: baselineOffences > 0 ? baselineCost / baselineOffences : null,
      breakEven: breakEven,
      expected: {
        percent: values.reduction,
        offencesPrevented: share * baselineOffences,
        savings: savings,
        net: savings - totalCost,
        netPerOffender: (savings - totalCost) / values.cohort,
        savingsPerPound: totalCost > 0 ? savings / totalCost : null
      }
    };
  }

  /** Net position at a reduction (in %), from a calculate() result. */
  function netAt(result, percent) {
    var share = percent / 100;
    return {
      percent: percent,
      offencesPrevented: share * result.baselineOffences,
      savings: share * result.baselineCost,
      net: share * result.baselineCost - result.totalCost
    };
  }

  /**
   * Rows for the chart and its table: every `step` % from 0 to 100, plus the break-even point
   * and the expected reduction, each marked, in order of reduction.
   */
  function netTable(result, step) {
    step = step || 10;
    var rows = [];
    for (var p = 0; p <= 100 + 1e-9; p += step) {
      rows.push(Object.assign(netAt(result, Math.round(p * 1e6) / 1e6), { marks: [] }));
    }
    function mark(percent, name) {
      var existing = rows.filter(function (r) {
        return Math.abs(r.percent - percent) < 1e-9;
      })[0];
      if (existing) existing.marks.push(name);
      else rows.push(Object.assign(netAt(result, percent), { marks: [name] }));
    }
    if (result.breakEven.possible) mark(result.breakEven.percent, "break-even");
    mark(result.expected.percent, "expected");
    rows.sort(function (a, b) {
      return a.percent - b.percent;
    });
    return rows;
  }

  /**
   * The price years of some unit costs: {years: each year given, once, in order; unstated:
   * true when any has none}. A blank, or the page's own words for none (`notStated`, which the
   * Lancashire preset fills in), is no year: nothing here names a year the user did not give.
   */
  function priceYears(texts, notStated) {
    var years = [];
    var unstated = false;
    texts.forEach(function (text) {
      var year = String(text == null ? "" : text).trim();
      if (!year || year.toLowerCase() === String(notStated).toLowerCase()) unstated = true;
      else if (years.indexOf(year) < 0) years.push(year);
    });
    return { years: years, unstated: unstated };
  }

  // Made on first use, not when the page loads: the first Intl formatter on a page loads the
  // locale's data, which measured about 65 ms of main-thread time at Lighthouse's 4x slowdown.
  var money = null;

  /** "£12,346" (nearest pound; never "NaN": non-finite numbers read "not available"). */
  function formatMoney(n) {
    if (typeof n !== "number" || !isFinite(n)) return "not available";
    if (!money) {
      money = new Intl.NumberFormat("en-GB", {
        style: "currency",
        currency: "GBP",
        maximumFractionDigits: 0
      });
    }
    var rounded = Math.round(n);
    return (rounded < 0 ? "−" : "") + money.format(Math.abs(rounded)).replace("-", "");
  }

  /** A number with up to `digits` decimals and thousands commas: 1234.5 → "1,234.5". */
  function formatNumber(n, digits) {
    if (typeof n !== "number" || !isFinite(n)) return "not available";
    var fixed = new Intl.NumberFormat("en-GB", {
      maximumFractionDigits: digits == null ? 1 : digits
    }).format(n);
    return fixed === "-0" ? "0" : fixed.replace("-", "−");
  }

  function formatPercent(n, digits) {
    if (typeof n !== "number" || !isFinite(n)) return "not available";
    return formatNumber(n, digits == null ? 1 : digits) + "%";
  }

  IOM.lib.breakeven = {
    readNumber: readNumber,
    check: check,
    calculate: calculate,
    netAt: netAt,
    netTable: netTable,
    priceYears: priceYears,
    formatMoney: formatMoney,
    formatNumber: formatNumber,
    formatPercent: formatPercent
  };
})();
