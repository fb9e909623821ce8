/*
 * The summary on an assessment's overview page: the task list's status per section, overall
 * progress ("7 of 12 elements rated"), counts by rating per section as an inline SVG chart and
 * as a table with the same figures, priorities (most urgent rating first), check-your-answers
 * with change links, and every action in one table. Items live on the section pages, so
 * links to them come from c.itemHref and titles from the page's instrument JSON. Part of the
 * iom-instrument component; all text comes from the page. User text is only ever set with
 * textContent. With instant navigation (off; it keeps scripts) it
 * would also run on section pages, so every part it fills is optional.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.instrumentParts = IOM.instrumentParts || {};

  var CHART_WIDTH = 640;
  var LABEL_HEIGHT = 20;
  var BAR_HEIGHT = 24;
  var ROW_GAP = 14;

  var el = IOM.dom.el;
  var svg = IOM.dom.svg;
  var empty = IOM.dom.empty;

  /** Levels as shown in the chart and table: the scale, then N/A if offered, then not rated. */
  function columns(c) {
    var cols = c.instrument.levels.map(function (level) {
      return { value: level.value, label: level.label, tone: level.tone };
    });
    if (c.instrument.na) cols.push({ value: "na", label: c.instrument.labels.na, tone: "grey" });
    cols.push({ value: "", label: c.t("not-rated"), tone: "none" });
    return cols;
  }

  function tag(c, rating) {
    var level = c.instrument.levels.filter(function (l) {
      return l.value === rating;
    })[0];
    var tone = level ? level.tone : "grey";
    return el("span", "iom-level-tag iom-level-tag--" + tone, c.instrument.labels[rating] || rating);
  }

  function renderProgress(c, summary) {
    var $total = c.$root.querySelector("[data-progress-total]");
    if ($total) $total.textContent = c.progressText(summary.total);
  }

  /** Each section's line in the task list: not started, in progress (N/A counts as done), completed. */
  function renderTaskList(c, summary) {
    var $statuses = c.$root.querySelectorAll("[data-task-status]");
    for (var i = 0; i < $statuses.length; i++) {
      var id = $statuses[i].getAttribute("data-task-status");
      var counts = c.sectionCounts(summary, id);
      if (!counts) continue;
      var answered = counts.rated + counts.na;
      var key = !answered ? "task-not-started" : answered < counts.total ? "task-in-progress" : "task-done";
      $statuses[i].textContent = c.t(key, { rated: answered, total: counts.total });
    }
  }

  function renderCounts(c, summary) {
    var $rows = c.$root.querySelectorAll("[data-counts] [data-section-row]");
    for (var i = 0; i < $rows.length; i++) {
      var id = $rows[i].getAttribute("data-section-row");
      var counts = id === "" ? summary.total : summary.sections.filter(function (s) {
        return s.id === id;
      })[0];
      if (!counts) continue;
      var $cells = $rows[i].querySelectorAll("[data-count]");
      for (var j = 0; j < $cells.length; j++) {
        var value = $cells[j].getAttribute("data-count");
        $cells[j].textContent = String(value === "total" ? counts.total : counts.counts[value] || 0);
      }
    }
  }

  function renderChart(c, summary) {
    var $canvas = c.$root.querySelector("[data-chart]");
    if (!$canvas) return;
    empty($canvas);
    var cols = columns(c);
    var max = Math.max.apply(null, summary.sections.map(function (s) {
      return s.total;
    }).concat([1]));
    var rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
    var height = summary.sections.length * rowHeight;
    // The table below carries the same figures for assistive technology.
    var $svg = svg("svg", {
      class: "iom-chart__svg",
      viewBox: "0 0 " + CHART_WIDTH + " " + height,
      width: "100%",
      "aria-hidden": "true",
      focusable: "false"
    });
    summary.sections.forEach(function (section, i) {
      var y = i * rowHeight;
      var title = c.instrument.sections[i] ? c.instrument.sections[i].title : section.id;
      if (title.length > 80) title = title.slice(0, 78) + "…";
      $svg.appendChild(svg("text", { x: 0, y: y + 14, class: "iom-chart__label" }, title));
      var x = 0;
      cols.forEach(function (col) {
        var count = section.counts[col.value] || 0;
        if (!count) return;
        var w = (count / max) * CHART_WIDTH;
        var $g = svg("g", { class: "iom-chart__segment iom-chart__segment--" + col.tone });
        $g.appendChild(svg("title", {}, col.label + ": " + count));
        $g.appendChild(svg("rect", { x: x, y: y + LABEL_HEIGHT, width: Math.max(w - 2, 1), height: BAR_HEIGHT }));
        if (w >= 18) {
          $g.appendChild(svg("text", { x: x + w / 2 - 1, y: y + LABEL_HEIGHT + 17, "text-anchor": "middle" }, String(count)));
        }
        $svg.appendChild($g);
        x += w;
      });
    });
    $canvas.appendChild($svg);
  }

  function itemLink(c, id) {
    var $a = el("a", "iom-link", id + " " + c.instrument.titles[id]);
    $a.href = c.itemHref(id);
    $a.setAttribute("data-focus-item", id);
    return $a;
  }

  function renderPriorities(c, summary) {
    var $list = c.$root.querySelector("[data-priorities]");
    if (!$list) return;
    empty($list);
    summary.priorities.forEach(function (p) {
      var $li = el("li", "iom-priorities__item");
      $li.appendChild(tag(c, p.rating));
      $li.appendChild(document.createTextNode(" "));
      $li.appendChild(itemLink(c, p.id));
      $list.appendChild($li);
    });
    c.$root.querySelector("[data-priorities-empty]").hidden = summary.priorities.length > 0;
  }

  function renderAnswers(c) {
    var $list = c.$root.querySelector("[data-check-answers]");
    if (!$list) return;
    empty($list);
    var fragment = document.createDocumentFragment();
    c.instrument.sections.forEach(function (section) {
      section.items.forEach(function (id) {
        var r = c.doc.responses[id] || {};
        var $row = el("div", "iom-summary-list__row");
        $row.appendChild(el("dt", "iom-summary-list__key", id + " " + c.instrument.titles[id]));
        var $value = el("dd", "iom-summary-list__value");
        var $rating = el("p", "iom-summary-list__rating");
        if (r.rating && c.instrument.labels[r.rating]) $rating.appendChild(tag(c, r.rating));
        else $rating.textContent = c.t("not-rated");
        $value.appendChild($rating);
        if (r.rating === "na" && r.na_reason) $value.appendChild(el("p", "", c.t("reason", { reason: r.na_reason })));
        c.instrument.fields.forEach(function (key) {
          var $p = el("p", "iom-summary-list__text");
          $p.appendChild(el("strong", "", c.instrument.fieldLabels[key] + ": "));
          $p.appendChild(document.createTextNode(r[key] ? r[key] : c.t("nothing-recorded")));
          $value.appendChild($p);
        });
        var count = (r.actions || []).filter(function (a) {
          return !c.assessment.isEmptyAction(a);
        }).length;
        if (count) $value.appendChild(el("p", "", c.t("action-count", { count: count })));
        $row.appendChild($value);
        var $change = el("dd", "iom-summary-list__actions");
        var $a = el("a", "iom-link", c.t("change"));
        $a.href = c.itemHref(id);
        $a.setAttribute("data-focus-item", id);
        $a.appendChild(el("span", "iom-visually-hidden", c.t("change-hidden", { item: id })));
        $change.appendChild($a);
        $row.appendChild($change);
        fragment.appendChild($row);
      });
    });
    $list.appendChild(fragment);
  }

  function renderActions(c, summary) {
    var $body = c.$root.querySelector("[data-actions-body]");
    if (!$body) return;
    empty($body);
    summary.actions.forEach(function (entry) {
      var a = entry.action;
      var $tr = el("tr");
      var $th = el("th");
      $th.setAttribute("scope", "row");
      $th.appendChild(itemLink(c, entry.item));
      $tr.appendChild($th);
      $tr.appendChild(el("td", "iom-pre", a.action || ""));
      $tr.appendChild(el("td", "", a.owner || ""));
      $tr.appendChild(el("td", "", a.due || ""));
      $tr.appendChild(el("td", "", c.instrument.statusLabels[a.status] || a.status || ""));
      $body.appendChild($tr);
    });
    c.$root.querySelector("[data-actions-table]").hidden = !summary.actions.length;
    c.$root.querySelector("[data-actions-empty]").hidden = summary.actions.length > 0;
  }

  function renderEarlier(c, summary) {
    var $box = c.$root.querySelector("[data-earlier]");
    if (!$box) return;
    var $list = $box.querySelector("[data-earlier-list]");
    empty($list);
    summary.earlier.forEach(function (id) {
      var r = c.doc.responses[id] || {};
      var text = id + (r.rating ? " – " + (c.instrument.labels[r.rating] || r.rating) : "");
      // Why it did not move, as lib/migrate.js recorded it.
      var why = c.doc.earlier && c.doc.earlier[id];
      if (why && c.messages["earlier-" + why.reason]) text += " (" + c.t("earlier-" + why.reason, { into: why.into }) + ")";
      var $li = el("li", "", text);
      $list.appendChild($li);
    });
    $box.hidden = !summary.earlier.length;
  }

  /** Fill every summary part on the page from `summary` (lib/assessment.js summarise). */
  IOM.instrumentParts.renderSummary = function (c, summary) {
    renderTaskList(c, summary);
    renderProgress(c, summary);
    renderCounts(c, summary);
    renderChart(c, summary);
    renderPriorities(c, summary);
    renderAnswers(c);
    renderActions(c, summary);
    renderEarlier(c, summary);
    return summary;
  };
})();
