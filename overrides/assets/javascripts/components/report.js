/*
 * The board report (module iom-report, macros/render/report.py): made from the assessment
 * saved in this browser (lib/session.js, the one open on the form), not by printing the form.
 * A cover (partnership, area, assessment and version, date, who completed it, the agencies of
 * a combined one), the counts by section as a table and the chart (rating-chart.js), the
 * priorities (the scale's priority levels, worst first) each with its actions and related
 * guidance, then every item with its rating, texts and actions; for a combined assessment each
 * agency's rating beside the agreed one, disputed items flagged and the agreed note on its own.
 *
 * Print: the document's title (the PDF's suggested file name) names the partnership and the
 * date, and the page margins carry the partnership and "Page N of M" (@page margin boxes,
 * added here because they hold the partnership's name). "Download report (HTML)" saves the
 * report as one file with its stylesheet inline and no script. The guidance, the stylesheet
 * and every word come from the page; user text is only ever set with textContent.
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var el = ui.el;
  var A = IOM.lib.assessment;
  var own = A.own;

  function Report($root) {
    this.$root = $root;
  }

  Report.prototype.init = function () {
    var $root = this.$root;
    this.t = ui.messages($root);
    this.instrument = ui.instrument($root);
    this.levels = ui.levels(this.instrument, this.t);
    this.guidance = JSON.parse($root.querySelector("[data-guidance]").content.textContent);
    this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix"));
    this.session = IOM.lib.session.open({ store: this.store, instrument: this.instrument, migrate: IOM.lib.migrate });
    this.say = ui.status($root.querySelector("[data-status]"));
    this.$report = $root.querySelector("[data-report]");
    this.$pick = $root.querySelector("[data-report-pick]");
    this.pageTitle = document.title;
    this.months = this.t("months").split(" ");
    this.session.subscribe(this.handleSession.bind(this));
    ui.watch(this.session);
    $root.addEventListener("click", this.handleClick.bind(this));
    $root.addEventListener("change", this.handleChange.bind(this));
    // A print started from the browser's own menu gets the report as saved now.
    window.addEventListener("beforeprint", this.render.bind(this));
    this.render();
    this.migrateIfNeeded();
  };

  Report.prototype.handleSession = function (event) {
    if (event.source === "saved") return;
    if (event.changed) this.render();
    this.migrateIfNeeded();
  };

  /** lib/migrate.js loads only for a document saved under an earlier version of the form. */
  Report.prototype.migrateIfNeeded = function () {
    if (!this.session.needsMigrate || this.migrating) return;
    var session = this.session;
    this.migrating = IOM.loadPart("iom-migrate").then(function () {
      session.useMigrate(IOM.lib.migrate);
    });
  };

  Report.prototype.handleChange = function (event) {
    if (event.target === this.$pick) this.session.open(this.$pick.value);
  };

  Report.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    if (!$button) return;
    var command = $button.getAttribute("data-command");
    if (command === "print") {
      this.render();
      window.print();
    } else if (command === "download-html") {
      this.downloadHtml();
    }
  };

  /* ---- words and dates ---- */

  /** "2026-11-22" → "22 November 2026", by hand (no locale set-up); other text as it is. */
  Report.prototype.date = function (text) {
    if (!A.isDate(text)) return text;
    var parts = text.split("-");
    return Number(parts[2]) + " " + this.months[Number(parts[1]) - 1] + " " + parts[0];
  };

  function text(value) {
    return A.hasText(value) ? value.trim() : "";
  }

  Report.prototype.displayName = function (doc) {
    return text(own(doc, "name")) || text(own(doc, "partnership")) || this.t("untitled");
  };

  /* ---- the report ---- */

  /** Show the report of the open assessment, or say that nothing is saved. */
  Report.prototype.render = function () {
    var saved = this.session.stored;
    this.$root.querySelector("[data-report-empty]").hidden = saved;
    this.$root.querySelector("[data-report-about]").hidden = saved; // the report shows it all
    this.$root.querySelector("[data-report-controls]").hidden = !saved;
    this.$report.hidden = !saved;
    ui.empty(this.$report);
    if (!saved) {
      document.title = this.pageTitle;
      this.setPageMargins(null);
      return;
    }
    var doc = this.session.doc;
    this.combined = A.isObject(own(doc, "combined")) ? doc.combined : null;
    this.summary = A.summarise(doc, this.instrument);
    this.renderPick();
    var $report = this.$report;
    $report.appendChild(this.cover(doc));
    $report.appendChild(this.counts());
    $report.appendChild(this.priorities(doc));
    $report.appendChild(this.items(doc));
    if (this.summary.earlier.length) $report.appendChild(this.earlier(doc));
    var partnership = text(own(doc, "partnership")) || this.t("no-partnership");
    var day = A.isDate(own(doc, "date")) ? doc.date : "";
    document.title = this.t("document-title", { partnership: partnership, instrument: this.instrument.title, date: day }).replace(/ – $/, "");
    this.setPageMargins(partnership);
  };

  /** Every saved assessment of this form, the open one chosen. */
  Report.prototype.renderPick = function () {
    var self = this;
    var uid = this.session.uid;
    ui.empty(this.$pick);
    this.store.list(this.instrument.id).forEach(function (saved) {
      var updated = typeof saved.doc.updated === "string" ? self.date(saved.doc.updated.slice(0, 10)) : "";
      var $option = el("option", "", self.t("pick-option", { name: self.displayName(saved.doc), updated: updated }));
      $option.value = saved.uid;
      $option.selected = saved.uid === uid;
      self.$pick.appendChild($option);
    });
  };

  function section(className, title, level) {
    var $section = el("section", "iom-report__part " + className);
    var $h = el("h" + (level || 2), "iom-report__heading", title);
    $section.appendChild($h);
    return $section;
  }

  /** Term and description rows: [[term, node or text], …] (empty descriptions left out). */
  function details(className, rows) {
    var $dl = el("dl", className);
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      $dl.appendChild(el("dt", "", row[0]));
      var $dd = el("dd");
      if (typeof row[1] === "string") $dd.textContent = row[1];
      else $dd.appendChild(row[1]);
      $dl.appendChild($dd);
    });
    return $dl;
  }

  Report.prototype.cover = function (doc) {
    var t = this.t;
    var $cover = el("header", "iom-report__cover");
    var $name = el("p", "iom-report__partnership", text(own(doc, "partnership")) || t("no-partnership"));
    $name.id = "iom-report-partnership";
    $cover.appendChild($name);
    $cover.appendChild(el("p", "iom-report__subtitle", t("report-title", { instrument: this.instrument.title })));
    var agencies = this.combined && Array.isArray(this.combined.agencies) ? this.combined.agencies : [];
    var given = function (key) {
      return text(own(doc, key)) || t("not-given");
    };
    $cover.appendChild(
      details("iom-report__details", [
        [t("detail-area"), given("area")],
        [t("detail-assessment"), t("assessment-value", { title: this.instrument.title, version: this.instrument.version })],
        [t("detail-name"), text(own(doc, "name"))],
        [t("detail-date"), A.isDate(own(doc, "date")) ? this.date(doc.date) : t("not-given")],
        [t("detail-completed-by"), given("completedBy")],
        [agencies.length ? t("detail-agencies") : t("detail-agency"), agencies.length ? this.agencyList(agencies) : given("agency")]
      ])
    );
    $cover.appendChild(el("p", "iom-report__progress", this.progressText(this.summary.total)));
    return $cover;
  };

  Report.prototype.agencyList = function (agencies) {
    var $ul = el("ul", "iom-report__agencies");
    agencies.forEach(function (agency) {
      $ul.appendChild(el("li", "", text(own(agency, "name"))));
    });
    return $ul;
  };

  Report.prototype.progressText = function (counts) {
    var noun = this.instrument.noun;
    if (counts.na) return this.t("progress-na", { rated: counts.rated, total: counts.total - counts.na, na: counts.na, noun: noun });
    return this.t("progress", { rated: counts.rated, total: counts.total, noun: noun });
  };

  /** The values a count is kept for: the scale, then N/A, then not rated (""). */
  Report.prototype.values = function () {
    var values = this.instrument.levels.map(function (level) {
      return level.value;
    });
    if (this.instrument.na) values.push(A.NA);
    values.push("");
    return values;
  };

  /** Ratings by section: one table (the figures) and the chart of the same. */
  Report.prototype.counts = function () {
    var self = this;
    var ins = this.instrument;
    var t = this.t;
    var values = this.values();
    var $part = section("iom-report__summary", t("summary-title"));
    // Read across and down, so it cannot stack: at 320 px it scrolls in its own named box.
    var $wrap = el("div", "iom-report__scroll");
    $wrap.setAttribute("role", "region");
    $wrap.setAttribute("tabindex", "0");
    $wrap.setAttribute("aria-labelledby", "iom-report-counts-caption");
    var $table = el("table", "iom-report__counts");
    var $caption = $table.appendChild(el("caption", "", t("counts-caption", { noun: ins.noun })));
    $caption.id = "iom-report-counts-caption";
    var $head = el("tr");
    [t("col-section")]
      .concat(values.map(function (v) {
        return self.levels.label(v);
      }))
      .concat([t("col-total")])
      .forEach(function (name) {
        var $th = el("th", "", name);
        $th.setAttribute("scope", "col");
        $head.appendChild($th);
      });
    $table.appendChild(el("thead")).appendChild($head);
    var row = function (title, counts) {
      var $tr = el("tr");
      var $th = el("th", "", title);
      $th.setAttribute("scope", "row");
      $tr.appendChild($th);
      values.forEach(function (v) {
        $tr.appendChild(el("td", "", String(counts.counts[v] || 0)));
      });
      $tr.appendChild(el("td", "", String(counts.total)));
      return $tr;
    };
    var $body = $table.appendChild(el("tbody"));
    this.summary.sections.forEach(function (s, i) {
      $body.appendChild(row(ins.sections[i].title, s));
    });
    $table.appendChild(el("tfoot")).appendChild(row(t("all-sections"), this.summary.total));
    $wrap.appendChild($table);
    $part.appendChild($wrap);

    var $figure = el("figure", "iom-chart iom-report__chart");
    var $canvas = el("div", "iom-chart__canvas");
    $canvas.setAttribute("data-chart", "");
    $canvas.appendChild(IOM.ratingChart(this.summary, ins, this.levels));
    $figure.appendChild($canvas);
    var $key = el("ul", "iom-chart__key");
    values.forEach(function (v) {
      var $li = el("li");
      var $swatch = el("span", "iom-chart__swatch iom-chart__swatch--" + self.levels.tone(v));
      $swatch.setAttribute("aria-hidden", "true");
      $li.appendChild($swatch);
      $li.appendChild(document.createTextNode(self.levels.label(v)));
      $key.appendChild($li);
    });
    $figure.appendChild($key);
    $figure.appendChild(el("figcaption", "iom-chart__caption", t("chart-caption", { noun: ins.noun })));
    $part.appendChild($figure);
    return $part;
  };

  Report.prototype.itemTitle = function (id) {
    return id + " " + (this.instrument.titles[id] || "");
  };

  Report.prototype.priorities = function (doc) {
    var self = this;
    var t = this.t;
    var $part = section("iom-report__priorities", t("priorities-title"));
    var priorities = this.summary.priorities;
    $part.appendChild(el("p", "iom-report__intro", priorities.length ? t("priorities-intro") : t("priorities-none")));
    if (!priorities.length) return $part;
    var $list = el("ol", "iom-report__priority-list");
    var shown = Object.create(null); // guidance already shown, as JSON → the item it is under
    priorities.forEach(function (p) {
      var r = own(doc.responses, p.id);
      var $li = el("li", "iom-report__priority");
      $li.id = "priority-" + A.anchor(p.id);
      var $h = el("h3", "iom-report__item-title");
      $h.appendChild(self.levels.tag(p.rating));
      $h.appendChild(document.createTextNode(" " + self.itemTitle(p.id)));
      $li.appendChild($h);
      if (self.isDisputed(p.id)) $li.appendChild(el("p", "", "")).appendChild(self.disputedFlag());
      $li.appendChild(self.actions(p.id, r));
      var g = own(self.guidance.items, p.id);
      var key = g ? JSON.stringify(g) : "";
      if (!g) $li.appendChild(el("p", "iom-report__through", t("guidance-none")));
      else if (shown[key]) $li.appendChild(self.sameGuidance(shown[key]));
      else {
        shown[key] = p.id;
        $li.appendChild(self.guidanceBlock(p.id));
      }
      $list.appendChild($li);
    });
    $part.appendChild($list);
    return $part;
  };

  /** Items of one principle or theme often share their guidance: it is shown once. */
  Report.prototype.sameGuidance = function (first) {
    var words = this.t("guidance-same").split("{item}");
    var $p = el("p", "iom-report__through", words[0]);
    var $a = el("a", "iom-report__link", first);
    $a.href = "#priority-" + A.anchor(first);
    $p.appendChild($a);
    $p.appendChild(document.createTextNode(words[1] || ""));
    return $p;
  };

  /** Every item by section: rating (and each agency's), texts, reason, actions. */
  Report.prototype.items = function (doc) {
    var self = this;
    var ins = this.instrument;
    var $part = section("iom-report__items", this.t("items-title"));
    ins.sections.forEach(function (s) {
      var $section = el("section", "iom-report__section");
      $section.appendChild(el("h3", "iom-report__section-title", s.title));
      s.items.forEach(function (id) {
        $section.appendChild(self.item(id, own(doc.responses, id)));
      });
      $part.appendChild($section);
    });
    return $part;
  };

  Report.prototype.item = function (id, r) {
    var t = this.t;
    var ins = this.instrument;
    var rating = A.ratingOf(r, ins);
    var $item = el("section", "iom-report__item");
    $item.id = "report-" + A.anchor(id);
    $item.appendChild(el("h4", "iom-report__item-title", this.itemTitle(id)));
    var $rating = this.levels.tag(rating);
    if (this.isDisputed(id)) {
      $rating = el("span");
      $rating.appendChild(this.levels.tag(rating));
      $rating.appendChild(document.createTextNode(" "));
      $rating.appendChild(this.disputedFlag());
    }
    var rows = [[this.combined ? t("agreed-rating") : t("rating"), $rating]];
    if (this.combined) rows.push([t("agency-ratings"), this.agencyRatings(id)]);
    var note = text(own(r, "note"));
    if (this.combined && note) rows.push([t("agreed-note"), preText(note)]);
    if (rating === A.NA) rows.push([t("na-reason"), preText(text(own(r, "na_reason")) || t("nothing-recorded"))]);
    var self = this;
    ins.fields.forEach(function (key, i) {
      var value = text(own(r, key));
      // A combined assessment keeps the agreed note at the head of its first text too
      // (lib/merge.js consensusDoc), for the form; here the note has its own row.
      if (i === 0 && self.combined && note) value = withoutNote(value, t("agreed") + ": " + note);
      rows.push([ins.fieldLabels[key], preText(value || t("nothing-recorded"))]);
    });
    $item.appendChild(details("iom-report__facts", rows));
    $item.appendChild(this.actions(id, r));
    if (this.instrument.priority[rating]) {
      var $ids = this.guidanceIds(id);
      if ($ids) $item.appendChild($ids);
    }
    return $item;
  };

  function preText(value) {
    return el("span", "iom-report__text", value);
  }

  function withoutNote(value, lead) {
    if (value === lead) return "";
    return value.indexOf(lead + "\n\n") === 0 ? value.slice(lead.length + 2).trim() : value;
  }

  /** A combined item the agencies rated differently (lib/merge.js combine's disagreements). */
  Report.prototype.isDisputed = function (id) {
    var disputed = this.combined && own(this.combined, "disagreements");
    return Array.isArray(disputed) && disputed.indexOf(id) !== -1;
  };

  /** "Disputed": a word in a box, and what it means. */
  Report.prototype.disputedFlag = function () {
    var $flag = el("span", "iom-report__disputed");
    $flag.appendChild(el("strong", "iom-report__flag", this.t("disputed")));
    $flag.appendChild(document.createTextNode(" " + this.t("disputed-text")));
    return $flag;
  };

  /** Each agency's rating of a combined item, as a list beside the agreed one. */
  Report.prototype.agencyRatings = function (id) {
    var self = this;
    var agencies = Array.isArray(this.combined.agencies) ? this.combined.agencies : [];
    var ratings = own(own(this.combined, "ratings"), id);
    ratings = Array.isArray(ratings) ? ratings : [];
    var $ul = el("ul", "iom-report__agency-ratings");
    agencies.forEach(function (agency, i) {
      var $li = el("li");
      $li.appendChild(document.createTextNode(text(own(agency, "name")) + ": "));
      var value = typeof ratings[i] === "string" && self.instrument.ratings[ratings[i]] ? ratings[i] : "";
      $li.appendChild(self.levels.tag(value));
      $ul.appendChild($li);
    });
    return $ul;
  };

  /** An item's actions as a table (what, owner, due, status), or "No actions recorded." */
  Report.prototype.actions = function (id, r) {
    var self = this;
    var t = this.t;
    var list = A.actionsOf(r);
    if (!list.length) return el("p", "iom-report__no-actions", t("no-actions"));
    var $wrap = el("div", "iom-report__stack"); // one action per row: stacks in a narrow box
    var $table = el("table", "iom-report__actions");
    $table.appendChild(el("caption", "", t("actions-caption", { item: id })));
    var columns = [t("col-action"), t("col-owner"), t("col-due"), t("col-status")];
    var $head = el("tr");
    columns.forEach(function (name) {
      var $th = el("th", "", name);
      $th.setAttribute("scope", "col");
      $head.appendChild($th);
    });
    $table.appendChild(el("thead")).appendChild($head);
    var $body = $table.appendChild(el("tbody"));
    list.forEach(function (a) {
      var $tr = el("tr");
      var status = own(a, "status");
      [text(own(a, "action")), text(own(a, "owner")), self.date(text(own(a, "due"))), self.instrument.statusLabels[status] || text(status)].forEach(function (value, i) {
        var $td = el("td", i === 0 ? "iom-report__text" : "", value);
        $td.setAttribute("data-label", columns[i]);
        $tr.appendChild($td);
      });
      $body.appendChild($tr);
    });
    $wrap.appendChild($table);
    return $wrap;
  };

  /* ---- guidance for each gap (built at build time: macros/render/guidance.py) ---- */

  Report.prototype.entryLink = function (id) {
    var entry = own(this.guidance.entries, id);
    var $a = el("a", "iom-report__link");
    $a.href = entry ? entry.href : "#";
    $a.appendChild(el("span", "iom-report__id", id));
    if (entry) $a.appendChild(document.createTextNode(" " + entry.title));
    return $a;
  };

  /** The guidance for a Red or Amber item: each kind with its basis, and how it was found. */
  Report.prototype.guidanceBlock = function (id) {
    var self = this;
    var t = this.t;
    var g = own(this.guidance.items, id);
    if (!g) return null;
    var $box = el("div", "iom-report__guidance");
    var $title = el("p", "iom-report__guidance-title");
    $title.appendChild(el("span", "iom-ours", t("ours")));
    $title.appendChild(document.createTextNode(" "));
    $title.appendChild(el("strong", "", t("guidance-title")));
    $box.appendChild($title);
    var $dl = el("dl", "iom-report__guidance-groups");
    g.groups.forEach(function (group) {
      var $dt = el("dt", "", t("group-" + group.kind) + " ");
      var basis = group.kind === "cases" ? t("basis-cases", { principles: group.principles.join(", ") }) : t("basis-" + group.basis);
      $dt.appendChild(el("span", "iom-report__basis", "(" + basis + ")"));
      $dl.appendChild($dt);
      var $dd = el("dd");
      var $ul = el("ul", "iom-report__guidance-list");
      group.ids.forEach(function (ref) {
        $ul.appendChild(el("li")).appendChild(self.entryLink(ref));
      });
      (group.more || []).forEach(function (principle) {
        var more = own(self.guidance.caseStudies, principle);
        if (!more) return;
        var $a = el("a", "iom-report__link", t("cases-more", { count: more.count, principle: principle }));
        $a.href = more.href;
        $ul.appendChild(el("li", "iom-report__more")).appendChild($a);
      });
      $dd.appendChild($ul);
      $dl.appendChild($dd);
    });
    $box.appendChild($dl);
    var $through = el("p", "iom-report__through");
    var rows = t("through").split("{rows}");
    $through.appendChild(document.createTextNode(rows[0]));
    g.through.forEach(function (row, i) {
      if (i) $through.appendChild(document.createTextNode(", "));
      $through.appendChild(self.entryLink(row));
    });
    $through.appendChild(document.createTextNode(rows[1] || ""));
    $box.appendChild($through);
    return $box;
  };

  /** In the list of every item: the ids of its guidance, linked (the titles are under
   * Priorities); the case studies by their number. */
  Report.prototype.guidanceIds = function (id) {
    var self = this;
    var g = own(this.guidance.items, id);
    if (!g) return null;
    var $p = el("p", "iom-report__guidance-ids", this.t("guidance-ids") + " ");
    var first = true;
    var add = function ($node) {
      if (!first) $p.appendChild(document.createTextNode(", "));
      $p.appendChild($node);
      first = false;
    };
    g.groups.forEach(function (group) {
      if (group.kind === "cases") return add(document.createTextNode(self.t("cases-count", { count: group.ids.length })));
      group.ids.forEach(function (ref) {
        var entry = own(self.guidance.entries, ref);
        var $a = el("a", "iom-report__link", ref);
        $a.href = entry ? entry.href : "#";
        add($a);
      });
    });
    return $p;
  };

  Report.prototype.earlier = function (doc) {
    var self = this;
    var $part = section("iom-report__earlier", this.t("earlier-title"));
    $part.appendChild(el("p", "", this.t("earlier-intro")));
    var $ul = el("ul");
    this.summary.earlier.forEach(function (id) {
      var rating = own(own(doc.responses, id), "rating");
      var $li = el("li", "", id + " ");
      $li.appendChild(self.levels.tag(A.hasText(rating) ? rating : ""));
      $ul.appendChild($li);
    });
    $part.appendChild($ul);
    return $part;
  };

  /* ---- print and download ---- */

  /** A CSS string holding `value`: every character outside plain letters escaped. */
  function cssString(value) {
    return (
      '"' +
      String(value).replace(/[^\w .,:;()&'-]/g, function (c) {
        return "\\" + c.charCodeAt(0).toString(16) + " ";
      }) +
      '"'
    );
  }

  /** The "Page {page} of {pages}" words as CSS content, the numbers as page counters. */
  function pageCounter(words) {
    return words
      .split(/(\{pages?\})/)
      .filter(Boolean)
      .map(function (part) {
        if (part === "{page}") return "counter(page)";
        if (part === "{pages}") return "counter(pages)";
        return cssString(part);
      })
      .join(" ");
  }

  /** The @page rule: the partnership at the top left of every page, the page number below. */
  Report.prototype.pageRule = function (partnership) {
    return (
      "@page{@top-left{content:" + cssString(partnership) + ";}" +
      "@bottom-right{content:" + pageCounter(this.t("page-footer")) + ";}}"
    );
  };

  Report.prototype.setPageMargins = function (partnership) {
    if (!this.$pageStyle) {
      this.$pageStyle = document.createElement("style");
      document.head.appendChild(this.$pageStyle);
    }
    this.$pageStyle.textContent = partnership === null ? "" : this.pageRule(partnership);
  };

  /** The report as one HTML file: its stylesheet inline, links made whole, no script. */
  Report.prototype.standalone = function () {
    var doc = this.session.doc;
    var page = document.implementation.createHTMLDocument(document.title);
    page.documentElement.lang = document.documentElement.lang || "en";
    var $charset = page.createElement("meta");
    $charset.setAttribute("charset", "utf-8");
    page.head.insertBefore($charset, page.head.firstChild);
    var $viewport = page.createElement("meta");
    $viewport.name = "viewport";
    $viewport.content = "width=device-width, initial-scale=1";
    page.head.appendChild($viewport);
    var $style = page.createElement("style");
    var partnership = text(own(doc, "partnership")) || this.t("no-partnership");
    $style.textContent = this.$root.querySelector("[data-report-css]").content.textContent + this.pageRule(partnership);
    page.head.appendChild($style);
    page.body.className = "iom-report-document";
    var $main = page.createElement("main");
    var $h1 = document.querySelector("article h1, .md-content h1");
    if ($h1) {
      var $title = $h1.cloneNode(true);
      var $permalink = $title.querySelector(".headerlink");
      if ($permalink) $permalink.remove();
      $main.appendChild(page.createElement("h1")).textContent = $title.textContent.trim();
    }
    var $copy = page.importNode(this.$report, true);
    $copy.hidden = false;
    var $links = $copy.querySelectorAll("a[href]");
    for (var i = 0; i < $links.length; i++) $links[i].setAttribute("href", new URL($links[i].getAttribute("href"), location.href).href);
    $main.appendChild($copy);
    page.body.appendChild($main);
    return "<!DOCTYPE html>\n" + page.documentElement.outerHTML + "\n";
  };

  Report.prototype.downloadHtml = function () {
    this.render();
    var doc = this.session.doc;
    var day = A.isDate(own(doc, "date")) ? doc.date : new Date().toISOString().slice(0, 10);
    var name = this.instrument.id + "-" + (A.slug(own(doc, "name") || own(doc, "partnership")) || "assessment") + "-" + day + "-report.html";
    ui.download(name, "text/html;charset=utf-8", this.standalone());
    this.say(this.t("downloaded", { file: name }));
  };

  IOM.components["iom-report"] = Report;
})();
