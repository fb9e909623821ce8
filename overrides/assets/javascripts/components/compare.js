/*
 * Compare over time: pick an earlier and a later assessment of one instrument (saved in this
 * browser, or files added for this visit) and show, per item and per section, what improved,
 * stayed the same or declined, as a bar chart (components/bar-chart.js, counts and words on
 * the bars) and tables. Logic is in lib/merge.js (compare); every text shown comes from the page. The
 * results' heading (and the document's title, which print and a PDF's file name use) names
 * the partnership and the two assessments; the item table downloads as CSV (lib/csv.js,
 * which neutralises cells a spreadsheet would run as formulas).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  var CHANGES = [
    { key: "improved", change: "improved" },
    { key: "unchanged", change: "unchanged" },
    { key: "declined", change: "declined" },
    { key: "notCompared", change: "not-compared" }
  ];

  var ui = IOM.ui;
  var el = ui.el;
  var empty = ui.empty;
  var A = IOM.lib.assessment;

  function Compare($root) {
    this.$root = $root;
  }

  Compare.prototype.init = function () {
    var $root = this.$root;
    this.t = ui.messages($root);
    this.infos = ui.instruments($root);
    this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix"));
    this.errors = ui.errorSummary($root);
    this.files = []; // {name, doc} added this visit, any instrument
    this.$select = $root.querySelector("[data-instrument-select]");
    this.$before = $root.querySelector('[data-pick="before"]');
    this.$after = $root.querySelector('[data-pick="after"]');
    this.$input = $root.querySelector("[data-compare-files]");
    this.$status = $root.querySelector("[data-status]");
    this.handleChange = this.handleChange.bind(this);
    this.pageTitle = document.title;
    $root.addEventListener("change", this.handleChange);
    $root.addEventListener("click", this.handleClick.bind(this));
    this.chooseInstrument();
    this.fillPickers(true);
    this.update();
    IOM.compareView = this; // for tests
  };

  /** Start on the first instrument with two or more saved assessments, if any. */
  Compare.prototype.chooseInstrument = function () {
    if (this.$select.tagName !== "SELECT") return;
    var ids = Object.keys(this.infos);
    for (var i = 0; i < ids.length; i++) {
      if (this.store.list(ids[i]).length >= 2) {
        this.$select.value = ids[i];
        return;
      }
    }
  };

  Compare.prototype.info = function () {
    return this.infos[this.$select.value];
  };

  Compare.prototype.displayName = function (doc) {
    var name = (A.hasText(A.own(doc, "name")) && doc.name.trim()) || (A.hasText(A.own(doc, "partnership")) && doc.partnership.trim());
    return name || this.t("untitled");
  };

  function dateOf(doc) {
    var date = A.own(doc, "date");
    var updated = A.own(doc, "updated");
    return (typeof date === "string" && date) || (typeof updated === "string" ? updated.slice(0, 10) : "");
  }

  /** Every assessment of the chosen instrument: saved ones, then files; oldest first. */
  Compare.prototype.choices = function () {
    var self = this;
    var info = this.info();
    var choices = [];
    this.store.list(info.id).forEach(function (saved) {
      choices.push({ value: "saved:" + saved.uid, doc: saved.doc, label: self.t("saved-option", { name: self.displayName(saved.doc), date: dateOf(saved.doc) || self.t("no-date") }) });
    });
    this.files.forEach(function (file, i) {
      if (file.doc.instrument.id !== info.id) return;
      choices.push({ value: "file:" + i, doc: file.doc, label: self.t("file-option", { name: self.displayName(file.doc), date: dateOf(file.doc) || self.t("no-date"), file: file.name }) });
    });
    choices.sort(function (a, b) {
      return (dateOf(a.doc) + String(A.own(a.doc, "updated") || "")).localeCompare(dateOf(b.doc) + String(A.own(b.doc, "updated") || ""));
    });
    return choices;
  };

  /** Fill both lists; with `pickDefaults`, earlier = the oldest, later = the newest. */
  Compare.prototype.fillPickers = function (pickDefaults) {
    var self = this;
    this.current = this.choices();
    var keep = { before: this.$before.value, after: this.$after.value };
    [this.$before, this.$after].forEach(function ($pick) {
      empty($pick);
      var $none = el("option", "", self.current.length ? self.t("choose") : self.t("none-saved"));
      $none.value = "";
      $pick.appendChild($none);
      self.current.forEach(function (choice) {
        var $option = el("option", "", choice.label);
        $option.value = choice.value;
        $pick.appendChild($option);
      });
    });
    var has = function (value) {
      return self.current.some(function (c) {
        return c.value === value;
      });
    };
    if (pickDefaults && this.current.length >= 2) {
      this.$before.value = this.current[0].value;
      this.$after.value = this.current[this.current.length - 1].value;
    } else {
      this.$before.value = has(keep.before) ? keep.before : "";
      this.$after.value = has(keep.after) ? keep.after : "";
    }
  };

  Compare.prototype.picked = function ($pick) {
    for (var i = 0; i < this.current.length; i++) if (this.current[i].value === $pick.value) return this.current[i];
    return null;
  };

  Compare.prototype.handleChange = function (event) {
    if (event.target === this.$input) {
      this.handleFiles();
    } else if (event.target === this.$select) {
      this.fillPickers(true);
      this.update();
    } else if (event.target === this.$before || event.target === this.$after) {
      this.update();
    }
  };

  Compare.prototype.handleFiles = function () {
    var self = this;
    var list = Array.prototype.slice.call(this.$input.files || []);
    if (!list.length) return;
    var maxBytes = Number(this.$root.getAttribute("data-max-bytes"));
    IOM.lib.assessmentCsv.readFiles(list, self.infos, maxBytes).then(function (files) {
      self.$input.value = "";
      var sorted = IOM.lib.merge.sortFiles(files, self.infos, self.$select.value);
      var firstNew = self.files.length;
      sorted.accepted.forEach(function (file) {
        self.files.push({ name: file.name, doc: file.doc });
      });
      self.fillPickers(false);
      // Put new files where they are most useful: a lone new file becomes the later one.
      var added = self.current.filter(function (c) {
        var n = c.value.indexOf("file:") === 0 ? parseInt(c.value.slice(5), 10) : -1;
        return n >= firstNew;
      });
      if (added.length >= 2) {
        self.$before.value = added[0].value;
        self.$after.value = added[added.length - 1].value;
      } else if (added.length === 1) {
        if (!self.$before.value) self.$before.value = added[0].value;
        else self.$after.value = added[0].value;
      }
      self.showErrors(sorted.rejected);
      self.$status.textContent = self.t("added", { count: sorted.accepted.length });
      self.update();
    });
  };

  Compare.prototype.showErrors = function (rejected) {
    var self = this;
    var errors = [];
    rejected.forEach(function (file) {
      Array.prototype.push.apply(errors, ui.fileErrors(self.t, file.name, file.errors, "#" + self.$input.id, 3));
    });
    if (errors.length) this.errors.show(this.t("error-title"), errors, true);
    else this.errors.hide();
  };

  /* ---- results ---- */

  Compare.prototype.update = function () {
    var before = this.picked(this.$before);
    var after = this.picked(this.$after);
    var $results = this.$root.querySelector("[data-results]");
    var $empty = this.$root.querySelector("[data-results-empty]");
    var same = before && after && before.value === after.value;
    if (!before || !after || same) {
      this.result = null;
      document.title = this.pageTitle;
      $results.hidden = true;
      $empty.hidden = false;
      if (same) $empty.textContent = this.t("same");
      return;
    }
    var info = this.info();
    this.levels = ui.levels(info, this.t);
    this.result = IOM.lib.merge.compare(before.doc, after.doc, info);
    $results.hidden = false;
    $empty.hidden = true;
    var total = this.result.total;
    this.$root.querySelector("[data-results-summary]").textContent = this.t("summary", {
      improved: total.improved,
      unchanged: total.unchanged,
      declined: total.declined,
      notCompared: total.notCompared,
      total: this.result.items.length,
      noun: info.noun
    });
    this.renderTitle(info, before, after);
    this.renderChart(info);
    this.renderSections();
    this.renderItems(info, before, after);
  };

  /** "Northshire IOM: Spring review 2025 (2025-05-01) compared with Spring review 2026 (…)" */
  Compare.prototype.renderTitle = function (info, before, after) {
    var self = this;
    var named = function (choice) {
      return self.t("named", { name: self.displayName(choice.doc), date: dateOf(choice.doc) || self.t("no-date") });
    };
    var partnerships = [before, after]
      .map(function (choice) {
        var name = A.own(choice.doc, "partnership");
        return A.hasText(name) ? name.trim() : "";
      })
      .filter(function (name, i, all) {
        return name && all.indexOf(name) === i;
      });
    var partnership = !partnerships.length
      ? this.t("no-partnership")
      : partnerships.length === 1
        ? partnerships[0]
        : this.t("partnerships", { first: partnerships[0], second: partnerships[1] });
    var values = { partnership: partnership, before: named(before), after: named(after), instrument: info.title };
    // A heading made here, not in the page: a heading with no text yet would get a permalink.
    var $results = this.$root.querySelector("[data-results]");
    if (!this.$title) this.$title = $results.insertBefore(el("h3", "iom-compare__title"), $results.firstChild);
    this.$title.textContent = this.t("results-title", values);
    document.title = this.t("document-title", values);
    this.named = values;
  };

  Compare.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    if ($button && $button.getAttribute("data-command") === "download-csv") this.downloadCsv();
  };

  /** The item table as CSV: one row per item, the two assessments named in the header. */
  Compare.prototype.csvRows = function () {
    var self = this;
    var info = this.info();
    var titles = Object.create(null);
    info.sections.forEach(function (section) {
      titles[section.id] = section.title;
    });
    var rows = [[
      this.t("csv-section"),
      this.t("csv-id"),
      this.t("csv-item", { noun: info.noun.charAt(0).toUpperCase() + info.noun.slice(1) }),
      this.t("col-before", { name: this.named.before }),
      this.t("col-after", { name: this.named.after }),
      this.t("csv-change")
    ]];
    this.result.items.forEach(function (item) {
      rows.push([titles[item.section] || "", item.id, item.title, self.levels.label(item.before), self.levels.label(item.after), self.t(item.change)]);
    });
    return rows;
  };

  Compare.prototype.downloadCsv = function () {
    if (!this.result) return;
    var before = this.picked(this.$before).doc;
    var after = this.picked(this.$after).doc;
    var slug = A.slug(A.own(after, "partnership") || A.own(before, "partnership")) || "assessments";
    var name = "compare-" + this.info().id + "-" + slug + "-" + (dateOf(before) || "undated") + "-" + (dateOf(after) || "undated") + ".csv";
    ui.download(name, "text/csv;charset=utf-8", IOM.lib.csv.build(this.csvRows()));
    this.$root.querySelector("[data-csv-status]").textContent = this.t("downloaded", { file: name });
  };

  /** What changed in each section as a bar the width of the chart (components/bar-chart.js). */
  Compare.prototype.renderChart = function (info) {
    var self = this;
    var rows = this.result.sections.map(function (section) {
      return {
        label: section.title,
        scale: section.improved + section.unchanged + section.declined + section.notCompared,
        parts: CHANGES.map(function (c) {
          return { tone: c.change, count: section[c.key], text: section[c.key] + " " + self.t(c.change).toLowerCase() };
        })
      };
    });
    IOM.barChart.draw(this.$root.querySelector("[data-chart]"), rows, { name: this.t("chart-label", { noun: info.noun }) });
  };

  Compare.prototype.renderSections = function () {
    var self = this;
    var $body = this.$root.querySelector("[data-section-body]");
    var $foot = this.$root.querySelector("[data-section-foot]");
    empty($body);
    empty($foot);
    var row = function (title, counts, id) {
      var $tr = el("tr");
      $tr.setAttribute("data-section-row", id);
      var $th = el("th", "", title);
      $th.scope = "row";
      $tr.appendChild($th);
      CHANGES.forEach(function (c) {
        var $td = el("td", "", String(counts[c.key]));
        $td.setAttribute("data-count", c.change);
        $tr.appendChild($td);
      });
      return $tr;
    };
    this.result.sections.forEach(function (section) {
      $body.appendChild(row(section.title, section, section.id));
    });
    $foot.appendChild(row(self.t("all-sections"), this.result.total, ""));
  };

  Compare.prototype.renderItems = function (info, before, after) {
    var self = this;
    this.$root.querySelector("[data-item-caption]").textContent = this.t("item-caption", { noun: info.noun });
    this.$root.querySelector('[data-col="before"]').textContent = this.t("col-before", { name: this.displayName(before.doc) });
    this.$root.querySelector('[data-col="after"]').textContent = this.t("col-after", { name: this.displayName(after.doc) });
    var $body = this.$root.querySelector("[data-item-body]");
    empty($body);
    this.result.items.forEach(function (item) {
      var $tr = el("tr");
      $tr.setAttribute("data-item-row", item.id);
      $tr.setAttribute("data-change", item.change);
      var $id = el("th", "", item.id);
      $id.scope = "row";
      $tr.appendChild($id);
      $tr.appendChild(el("td", "", item.title));
      [item.before, item.after].forEach(function (value) {
        var $td = el("td");
        $td.appendChild(self.levels.tag(value));
        $tr.appendChild($td);
      });
      var arrow = { improved: "▲ ", declined: "▼ ", unchanged: "= ", "not-compared": "" }[item.change];
      var $change = el("td");
      var $word = el("span", "iom-change iom-change--" + item.change);
      var $arrow = el("span", "", arrow);
      $arrow.setAttribute("aria-hidden", "true");
      $word.appendChild($arrow);
      $word.appendChild(document.createTextNode(self.t(item.change)));
      $change.appendChild($word);
      $tr.appendChild($change);
      $body.appendChild($tr);
    });
  };

  IOM.components["iom-compare"] = Compare;
})();
