/*
 * The value-for-money calculator: reads the form, checks it (GOV.UK-style error summary and
 * inline messages), shows the results, a chart and the same figures in a table, and keeps the
 * form as typed in this browser (lib/store.js); "Clear all my data" in another tab clears it
 * here too. The sums are in lib/breakeven.js; every word shown comes from the page
 * ([data-message]). Named scenarios, downloads and import are in
 * components/breakeven-scenarios.js, loaded on first use of the "Save, share and print" controls.
 *
 * Saved scenario document:
 *   {format: "iom-breakeven", formatVersion: 1, name, updated, inputs: {cohort, reduction,
 *    uprating, interventions, other, staff: [{role, posts, cost}],
 *    crimes: {<key>: {label, rate, multiplier, cost, year}}}}
 * Inputs are kept as typed (text), so a half-finished form can be saved and reopened.
 */
(function () {
  "use strict";

  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  var FORMAT = { name: "iom-breakeven", version: 1, storeId: "breakeven" };
  var DRAFT = "draft";
  var ui = IOM.ui;
  var SINGLE_FIELDS = ["cohort", "interventions", "other", "uprating", "reduction"];

  var Breakeven = class {
    constructor($root) {
      this.$root = $root;
      this.lib = IOM.lib.breakeven;
      this.t = ui.messages($root);
      this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix") || "iom:");
      this.prefix = this.store.prefix; // for ui.watch: scenarios saved in other tabs too
      this.$form = $root.querySelector("[data-form]");
      this.$summary = $root.querySelector("[data-error-summary]");
      this.$errorList = $root.querySelector("[data-error-list]");
      this.$results = $root.querySelector("[data-results]");
      this.$prompt = $root.querySelector("[data-results-prompt]");
      this.$status = $root.querySelector("[data-status]");
      this.$name = $root.querySelector("[data-scenario-name]");
      this.$list = $root.querySelector("[data-scenario-list]");
      this.$import = $root.querySelector("[data-import-file]");
      this.$staffRows = $root.querySelectorAll("[data-staff]");
      this.$crimeRows = $root.querySelectorAll("[data-crime]");
      this.lastResult = null;
      this.scenarios = null; // the on-demand part, once loaded
      this.scenariosLoading = null;
    }

    init() {
      var self = this;
      this.$form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.handleCalculate();
      });
      this.$form.addEventListener("input", function () {
        self.saveDraft();
      });
      this.$root.addEventListener("click", function (event) {
        var $button = event.target.closest("[data-command]");
        if ($button && self.$root.contains($button)) self.handleCommand($button, event);
      });
      this.errors = ui.errorSummary(this.$root);
      this.announce = ui.status(this.$status);
      this.$import.addEventListener("change", function () {
        self.withScenarios(function (scenarios) {
          scenarios.handleImport();
        });
      });
      // Start loading the scenarios part as soon as someone heads for its controls, so that
      // it is usually there by the time the click (or Enter) arrives.
      var $scenarios = this.$root.querySelector("[data-scenarios]");
      var preload = function () {
        self.withScenarios(null);
      };
      $scenarios.addEventListener("focusin", preload);
      $scenarios.addEventListener("pointerdown", preload);
      ui.watch(this);
      this.refreshList();
      var draft = this.store.load(FORMAT.storeId, DRAFT);
      if (draft && draft.inputs) {
        this.fill(draft.inputs);
        if (this.$name) this.$name.value = draft.name || "";
        this.calculate({ quiet: true });
      }
    }

    // ---- reading and filling the form -------------------------------------------------

    field(key) {
      return document.getElementById("iom-be-" + key);
    }

    /** The form as typed: the saved-scenario `inputs` shape. */
    collect() {
      var self = this;
      var inputs = { staff: [], crimes: {} };
      SINGLE_FIELDS.forEach(function (key) {
        inputs[key] = self.field(key).value;
      });
      for (var i = 0; i < this.$staffRows.length; i++) {
        inputs.staff.push({
          role: this.field("staff-" + i + "-role").value,
          posts: this.field("staff-" + i + "-posts").value,
          cost: this.field("staff-" + i + "-cost").value
        });
      }
      Array.prototype.forEach.call(this.$crimeRows, function ($row) {
        var key = $row.getAttribute("data-crime");
        var $label = self.field("crime-" + key + "-label");
        inputs.crimes[key] = {
          label: $label ? $label.value : "",
          rate: self.field("crime-" + key + "-rate").value,
          multiplier: self.field("crime-" + key + "-multiplier").value,
          cost: self.field("crime-" + key + "-cost").value,
          year: self.field("crime-" + key + "-year").value
        };
      });
      return inputs;
    }

    /** Put saved inputs into the form; anything missing goes back to its default. */
    fill(inputs) {
      var self = this;
      var own = IOM.lib.data.own;
      function text(object, key) {
        var value = own(object, key);
        return value === undefined || value === null ? "" : String(value);
      }
      SINGLE_FIELDS.forEach(function (key) {
        self.field(key).value = text(inputs, key);
      });
      var staff = own(inputs, "staff");
      for (var i = 0; i < this.$staffRows.length; i++) {
        var row = Array.isArray(staff) ? staff[i] : null;
        ["role", "posts", "cost"].forEach(function (part) {
          self.field("staff-" + i + "-" + part).value = text(row, part);
        });
      }
      Array.prototype.forEach.call(this.$crimeRows, function ($row) {
        var key = $row.getAttribute("data-crime");
        var saved = own(own(inputs, "crimes"), key);
        var $label = self.field("crime-" + key + "-label");
        if ($label) $label.value = text(saved, "label");
        self.field("crime-" + key + "-rate").value = text(saved, "rate");
        self.field("crime-" + key + "-multiplier").value = text(saved, "multiplier");
        ["cost", "year"].forEach(function (part) {
          var $input = self.field("crime-" + key + "-" + part);
          $input.value = saved ? text(saved, part) : $input.getAttribute("data-default") || "";
        });
      });
    }

    /** The crime-type keys of the form's rows. */
    crimeKeys() {
      return Array.prototype.map.call(this.$crimeRows, function ($row) {
        return $row.getAttribute("data-crime");
      });
    }

    /** The raw shape lib/breakeven.js checks. */
    raw(inputs) {
      return {
        cohort: inputs.cohort,
        reduction: inputs.reduction,
        uprating: inputs.uprating,
        interventions: inputs.interventions,
        other: inputs.other,
        staff: inputs.staff,
        crimes: Array.prototype.map.call(this.$crimeRows, function ($row) {
          var key = $row.getAttribute("data-crime");
          var row = inputs.crimes[key];
          return {
            id: key,
            label: (row.label && row.label.trim()) || $row.getAttribute("data-crime-label"),
            rate: row.rate,
            multiplier: row.multiplier,
            unitCost: row.cost,
            priceYear: row.year
          };
        })
      };
    }

    // ---- calculating -------------------------------------------------------------------

    handleCalculate() {
      this.calculate({ quiet: false });
    }

    /** Check and calculate. quiet: show no errors (used when reopening a half-filled form). */
    calculate(options) {
      var checked = this.lib.check(this.raw(this.collect()));
      this.clearErrors();
      if (checked.errors.length) {
        this.lastResult = null;
        this.$results.hidden = true;
        if (!options.quiet) {
          this.showErrors(checked.errors);
          this.$prompt.textContent = this.t("prompt-errors");
        }
        this.$prompt.hidden = false;
        return null;
      }
      this.lastResult = this.lib.calculate(checked.values);
      this.showResults(this.lastResult);
      return this.lastResult;
    }

    clearErrors() {
      var self = this;
      this.errors.hide();
      this.$root.querySelectorAll("[data-error-for]").forEach(function ($message) {
        $message.hidden = true;
        $message.textContent = "";
        var $input = self.field($message.getAttribute("data-error-for"));
        if ($input) self.markInvalid($input, $message, false);
      });
    }

    markInvalid($input, $message, invalid) {
      var ids = ($input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && id !== $message.id;
      });
      if (invalid) {
        ids.unshift($message.id);
        $input.setAttribute("aria-invalid", "true");
      } else {
        $input.removeAttribute("aria-invalid");
      }
      if (ids.length) $input.setAttribute("aria-describedby", ids.join(" "));
      else $input.removeAttribute("aria-describedby");
      var $wrap = $input.closest(".iom-breakeven__field, td");
      if ($wrap) $wrap.classList.toggle("iom-breakeven__field--error", invalid);
    }

    /** A field's inline error message, made the first time the field has an error. */
    errorMessage(key, $input) {
      var $message = document.getElementById("iom-be-" + key + "-error");
      if (!$message) {
        $message = document.createElement("p");
        $message.className = "iom-breakeven__error";
        $message.id = "iom-be-" + key + "-error";
        $message.setAttribute("data-error-for", key);
        // GOV.UK order: label, hint, message, input. In a table cell: before the cell's label.
        var $before = $input.closest(".iom-breakeven__unit-input") || $input.parentNode.firstElementChild;
        $before.parentNode.insertBefore($message, $before);
      }
      return $message;
    }

    showErrors(errors) {
      var self = this;
      errors.forEach(function (error) {
        var $input = self.field(error.field);
        if (!$input) return;
        var $message = self.errorMessage(error.field, $input);
        $message.textContent = "";
        $message.appendChild(ui.el("span", "iom-breakeven__visually-hidden", self.t("error-prefix")));
        $message.appendChild(document.createTextNode(error.message));
        $message.hidden = false;
        self.markInvalid($input, $message, true);
      });
      this.errors.show(
        this.t("error-title"),
        errors.map(function (error) {
          return { message: error.message, href: "#iom-be-" + error.field };
        }),
        true
      );
    }

    // ---- showing results ---------------------------------------------------------------

    netText(n) {
      var amount = this.lib.formatMoney(Math.abs(n));
      if (n >= 0.5) return this.t("saving", { amount: amount });
      if (n <= -0.5) return this.t("shortfall", { amount: amount });
      return this.t("breaks-even");
    }

    /** "0.99 offences", "1 offence", "90 offences": two decimals below 10, one above. */
    offencesText(n) {
      var shown = this.lib.formatNumber(n, Math.abs(n) < 10 ? 2 : 1);
      return this.t(shown === "1" ? "offence" : "offences", { n: shown });
    }

    percent(n) {
      return this.lib.formatPercent(n, 1);
    }

    out(name, text) {
      var $out = this.$root.querySelector("[data-out='" + name + "']");
      if ($out) $out.textContent = text;
      return $out;
    }

    showResults(r) {
      var b = this.lib;
      var t = this.t;
      var money = b.formatMoney;
      this.$prompt.hidden = true;
      this.$results.hidden = false;
      this.out("totalCost", money(r.totalCost));
      this.out("staffCost", money(r.staffCost));
      this.out("costPerOffender", money(r.costPerOffender));
      this.out("baselineOffences", this.offencesText(r.baselineOffences));
      this.out("baselineCost", money(r.baselineCost));
      this.out("costPerOffence", r.costPerOffence === null ? t("not-available") : money(r.costPerOffence));
      this.out("uprating", b.formatNumber(r.uprating, 4));
      var years = [];
      r.crimes.forEach(function (c) {
        if (c.offences > 0 && c.priceYear && years.indexOf(c.priceYear) < 0) years.push(c.priceYear);
      });
      this.out("priceYears", years.length ? years.join("; ") : t("not-given"));

      var be = r.breakEven;
      var $note = this.out("breakEvenNote", "");
      if (be.possible) {
        this.out("breakEvenOffences", this.offencesText(be.offences));
        this.out("breakEvenPercent", t("of-offending", { percent: this.percent(be.percent) }));
        $note.hidden = true;
      } else {
        this.out("breakEvenOffences", t("not-possible"));
        this.out("breakEvenPercent", t("not-possible"));
        $note.textContent =
          be.reason === "no-offending-cost"
            ? t("no-offending-cost")
            : t("cost-exceeds", { saved: money(r.baselineCost), gap: money(r.totalCost - r.baselineCost) });
        $note.hidden = false;
      }

      var e = r.expected;
      this.out("expectedPercent", this.percent(e.percent));
      this.out("offencesPrevented", this.offencesText(e.offencesPrevented));
      this.out("savings", money(e.savings));
      this.out("net", this.netText(e.net));
      this.out("netPerOffender", this.netText(e.netPerOffender));
      this.out("savingsPerPound", e.savingsPerPound === null ? t("not-available") : "£" + e.savingsPerPound.toFixed(2));

      var headline = [
        t("headline-cost", { total: money(r.totalCost), perOffender: money(r.costPerOffender) }),
        be.possible
          ? t("headline-breaks-even", { offences: this.offencesText(be.offences), percent: this.percent(be.percent) })
          : t("headline-no-break-even"),
        t("headline-expected", { percent: this.percent(e.percent), net: this.netText(e.net) })
      ];
      this.out("headline", headline.join(" "));

      var rows = b.netTable(r, 10);
      this.drawTable(rows);
      this.drawChart(r, rows);
    }

    markText(marks) {
      var t = this.t;
      return marks
        .map(function (m) {
          return t("mark-" + m);
        })
        .join(", ");
    }

    drawTable(rows) {
      var self = this;
      var b = this.lib;
      var $body = this.$root.querySelector("[data-table-body]");
      $body.textContent = "";
      rows.forEach(function (row) {
        var $tr = document.createElement("tr");
        if (row.marks.length) $tr.className = "iom-breakeven__table-mark";
        var $th = document.createElement("th");
        $th.scope = "row";
        $th.textContent =
          b.formatPercent(row.percent, 1) + (row.marks.length ? " (" + self.markText(row.marks) + ")" : "");
        $tr.appendChild($th);
        [b.formatNumber(row.offencesPrevented, Math.abs(row.offencesPrevented) < 10 ? 2 : 1), b.formatMoney(row.savings), self.netText(row.net)].forEach(
          function (text) {
            var $td = document.createElement("td");
            $td.textContent = text;
            $tr.appendChild($td);
          }
        );
        $body.appendChild($tr);
      });
    }

    /**
     * The net position against the reduction in offending, with break-even and the expected
     * reduction marked. The SVG draws only shapes, x in percentages of its width and y in CSS
     * px, so it fills any width unscaled; every word (axis titles, ticks, the key) is page
     * text beside it (calculator.css), so it wraps, keeps its size and takes a reader's text
     * spacing. The SVG is the image: its title and description say what the chart shows.
     */
    drawChart(r, rows) {
      var b = this.lib;
      var t = this.t;
      var svg = ui.svg;
      var el = ui.el;
      var $canvas = this.$root.querySelector("[data-chart]");
      $canvas.textContent = "";
      var height = 260;
      var pad = 14; // px above the top and below the bottom line: room for half a tick label
      var low = Math.min(0, -r.totalCost, r.baselineCost - r.totalCost);
      var high = Math.max(0, r.baselineCost - r.totalCost);
      var ticks = niceTicks(low, high, 5);
      low = ticks[0];
      high = ticks[ticks.length - 1];
      function x(percent) {
        return percent + "%";
      }
      function y(value) {
        return high === low ? height - pad : pad + ((high - value) / (high - low)) * (height - 2 * pad);
      }
      function hidden($el) {
        $el.setAttribute("aria-hidden", "true");
        return $el;
      }

      var $graph = el("div", "iom-breakeven__graph");
      $graph.appendChild(hidden(el("p", "iom-breakeven__axis iom-breakeven__axis--y", t("axis-y"))));
      // Tick labels share one grid cell, each set down to its line: the widest sets the column.
      var $yTicks = hidden(el("div", "iom-breakeven__ticks iom-breakeven__ticks--y"));
      $yTicks.style.height = height + "px";
      ticks.forEach(function (value) {
        var $tick = el("span", "iom-breakeven__tick", b.formatMoney(value));
        $tick.style.marginTop = y(value) + "px";
        $yTicks.appendChild($tick);
      });
      $graph.appendChild($yTicks);

      var $svg = svg("svg", {
        role: "img",
        "aria-labelledby": "iom-be-chart-title iom-be-chart-desc",
        class: "iom-breakeven__svg",
        width: "100%",
        height: height,
        focusable: "false"
      });
      svg("title", { id: "iom-be-chart-title" }, t("chart-title"), $svg);
      var desc = [
        t("chart-line", { start: this.netText(-r.totalCost), end: this.netText(r.baselineCost - r.totalCost) }),
        r.breakEven.possible ? t("chart-crosses", { percent: this.percent(r.breakEven.percent) }) : t("chart-never"),
        t("chart-expected", { percent: this.percent(r.expected.percent), net: this.netText(r.expected.net) })
      ];
      svg("desc", { id: "iom-be-chart-desc" }, desc.join(" "), $svg);
      var $grid = svg("g", { class: "iom-breakeven__svg-grid", "aria-hidden": "true" }, null, $svg);
      ticks.forEach(function (value) {
        svg("line", { x1: "0%", x2: "100%", y1: y(value), y2: y(value) }, null, $grid);
      });
      var $xTicks = hidden(el("div", "iom-breakeven__ticks iom-breakeven__ticks--x"));
      // 25% and 75% are "minor": a narrow chart labels only 0%, 50% and 100% (calculator.css).
      for (var p = 0; p <= 100; p += 25) {
        svg("line", { x1: x(p), x2: x(p), y1: pad, y2: height - pad, class: "iom-breakeven__svg-vgrid" }, null, $grid);
        var $tick = el("span", "iom-breakeven__tick" + (p % 50 ? " iom-breakeven__tick--minor" : ""), p + "%");
        if (p > 0 && p < 100) $tick.style.marginLeft = x(p); // the first and last end at the edges
        $xTicks.appendChild($tick);
      }
      svg("line", { x1: "0%", x2: "100%", y1: y(0), y2: y(0), class: "iom-breakeven__svg-zero" }, null, $grid);

      var $marks = svg("g", { "aria-hidden": "true" }, null, $svg);
      svg("line", { x1: x(0), y1: y(-r.totalCost), x2: x(100), y2: y(r.baselineCost - r.totalCost), class: "iom-breakeven__svg-line" }, null, $marks);
      var e = r.expected;
      svg("line", { x1: x(e.percent), x2: x(e.percent), y1: pad, y2: height - pad, class: "iom-breakeven__svg-expected" }, null, $marks);
      svg("rect", { x: x(e.percent), y: y(e.net) - 5, width: 10, height: 10, transform: "translate(-5 0)", class: "iom-breakeven__svg-expected-point" }, null, $marks);
      if (r.breakEven.possible) {
        svg("circle", { cx: x(r.breakEven.percent), cy: y(0), r: 7, class: "iom-breakeven__svg-point" }, null, $marks);
      }
      $graph.appendChild($svg);
      $graph.appendChild($xTicks);
      $graph.appendChild(hidden(el("p", "iom-breakeven__axis iom-breakeven__axis--x", t("axis-x"))));
      $canvas.appendChild($graph);

      // The key: each mark's symbol, as drawn on the chart, and what it marks.
      var $key = el("ul", "iom-breakeven__key");
      var key = function (draw, text) {
        var $li = el("li");
        var $symbol = svg("svg", { class: "iom-breakeven__key-symbol", width: 24, height: 24, viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" });
        draw($symbol);
        $li.appendChild($symbol);
        $li.appendChild(document.createTextNode(text));
        $key.appendChild($li);
      };
      if (r.breakEven.possible) {
        key(function ($s) {
          svg("line", { x1: 0, x2: 24, y1: 12, y2: 12, class: "iom-breakeven__svg-zero" }, null, $s);
          svg("circle", { cx: 12, cy: 12, r: 7, class: "iom-breakeven__svg-point" }, null, $s);
        }, t("mark-label-break-even", { percent: this.percent(r.breakEven.percent) }));
      }
      key(function ($s) {
        svg("line", { x1: 12, x2: 12, y1: 2, y2: 22, class: "iom-breakeven__svg-expected" }, null, $s);
        svg("rect", { x: 7, y: 7, width: 10, height: 10, class: "iom-breakeven__svg-expected-point" }, null, $s);
      }, t("mark-label-expected", { percent: this.percent(e.percent) }));
      $canvas.appendChild($key);
      return rows;
    }

    // ---- scenarios ---------------------------------------------------------------------

    document(name) {
      return {
        format: FORMAT.name,
        formatVersion: FORMAT.version,
        name: name,
        updated: new Date().toISOString(),
        inputs: this.collect()
      };
    }

    saveDraft() {
      this.draftKept = this.store.save(FORMAT.storeId, DRAFT, this.document(this.$name.value.trim())).ok;
    }

    /** Nothing to save later: the draft is written as it is typed (ui.watch). */
    flush() {}

    /**
     * Storage changed in another tab: list its scenarios; when "Clear all my data" removed
     * the draft kept here, the form is cleared too, so nothing cleared is written back.
     */
    refresh(options) {
      this.refreshList(this.$list.value);
      if (this.draftKept && !this.store.text(FORMAT.storeId, DRAFT)) {
        this.handleClear();
        if (!options.here) this.announce(this.t("cleared-elsewhere"));
      }
    }

    saved() {
      return this.store.list(FORMAT.storeId).filter(function (entry) {
        return entry.uid !== DRAFT;
      });
    }

    refreshList(selectUid) {
      var $list = this.$list;
      $list.textContent = "";
      var entries = this.saved();
      var $empty = document.createElement("option");
      $empty.value = "";
      $empty.textContent = this.t(entries.length ? "choose-scenario" : "no-scenarios");
      $list.appendChild($empty);
      var unnamed = this.t("unnamed");
      entries.forEach(function (entry) {
        var $option = ui.el("option", "", (typeof entry.doc.name === "string" && entry.doc.name) || unnamed);
        $option.value = entry.uid;
        $list.appendChild($option);
      });
      if (selectUid) $list.value = selectUid;
      if ($list.selectedIndex < 0) $list.value = "";
    }

    /**
     * Run use(scenarios) with the scenarios part (save, open, delete, downloads, import),
     * loading it first if need be; at once when it is already loaded. use: null only loads.
     */
    withScenarios(use) {
      var self = this;
      if (this.scenarios) {
        if (use) use(this.scenarios);
        return;
      }
      if (!this.scenariosLoading) {
        this.scenariosLoading = (IOM.breakevenParts && IOM.breakevenParts.scenarios
          ? Promise.resolve()
          : IOM.loadPart("iom-breakeven-scenarios")
        ).then(function () {
          self.scenarios = self.scenarios || new IOM.breakevenParts.scenarios(self);
          return self.scenarios;
        });
        this.scenariosLoading.catch(function (error) {
          self.scenariosLoading = null; // let a later click try again
          // A network failure, not a bug: say so to whoever is waiting for it.
          if (window.console) console.warn("[iom] calculator scenarios:", error);
        });
      }
      this.scenariosLoading.then(
        function (scenarios) {
          if (use) use(scenarios);
        },
        function () {
          if (use) self.announce(self.t("part-failed"));
        }
      );
    }

    handleCommand($button, event) {
      var command = $button.getAttribute("data-command");
      if (command === "calculate") return; // the form's submit handler does it
      event.preventDefault();
      if (command === "print") window.print();
      else if (command === "preset") this.handlePreset($button);
      else if (command === "clear") this.handleClear();
      else
        this.withScenarios(function (scenarios) {
          scenarios.run(command);
        });
    }

    handlePreset($button) {
      var inputs;
      try {
        inputs = JSON.parse($button.getAttribute("data-preset"));
      } catch (error) {
        return;
      }
      this.fill(inputs);
      this.$name.value = $button.getAttribute("data-preset-title");
      this.saveDraft();
      this.calculate({ quiet: false });
      this.announce(this.t("preset-loaded"));
    }

    handleClear() {
      this.fill({ staff: [], crimes: {} });
      this.$name.value = "";
      this.clearErrors();
      if (this.scenarios) this.scenarios.nameError("");
      this.lastResult = null;
      this.$results.hidden = true;
      this.$prompt.textContent = this.t("prompt");
      this.$prompt.hidden = false;
      this.store.remove(FORMAT.storeId, DRAFT);
      this.draftKept = false;
      this.announce(this.t("cleared"));
    }
  };

  Breakeven.format = FORMAT; // for the scenarios part
  IOM.components["iom-breakeven"] = Breakeven;

  /** Round tick values covering [low, high]: 0 is always one of them. */
  function niceTicks(low, high, count) {
    if (high === low) high = low + 1;
    var raw = (high - low) / count;
    var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var step = [1, 2, 2.5, 5, 10]
      .map(function (m) {
        return m * power;
      })
      .filter(function (s) {
        return s >= raw;
      })[0];
    var start = Math.floor(low / step) * step;
    var end = Math.ceil(high / step) * step;
    var ticks = [];
    for (var v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v * 100) / 100);
    return ticks;
  }
})();
