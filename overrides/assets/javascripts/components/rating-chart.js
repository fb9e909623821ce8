/*
 * The ratings chart of an assessment (IOM.ratingChart): per section, one bar made of a
 * segment per rating (the scale, then N/A, then not rated), each with its count and, where
 * it fits, the rating's word on it, so colour is never the only signal. Drawn as inline SVG
 * (it prints, and the standalone HTML report carries it as it is, with report.css inline).
 * Only the board report (report.js) draws it: the overview's summary draws the same figures
 * with components/bar-chart.js, whose text is page text (issue 17); moving the report to that
 * chart needs charts.css carried into the standalone file. A table beside it carries the
 * same figures for assistive technology, so the SVG is hidden from it.
 *
 *   IOM.ratingChart(summary, instrument, levels) → <svg>
 *     summary: lib/assessment.js summarise(); instrument: the page's (ui.instrument);
 *     levels: ui.levels(instrument, t)
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var A = IOM.lib.assessment;

  var CHART = { width: 640, label: 20, bar: 24, gap: 14 };
  var CHAR_WIDTH = 7.5; // px of the 13 px bold text per character, for "does the word fit"

  function ratingChart(summary, ins, levels) {
    var values = ins.levels.map(function (level) {
      return level.value;
    });
    if (ins.na) values.push(A.NA);
    values.push("");
    var max = Math.max.apply(
      null,
      summary.sections
        .map(function (s) {
          return s.total;
        })
        .concat([1])
    );
    var rowHeight = CHART.label + CHART.bar + CHART.gap;
    var $svg = ui.svg("svg", {
      class: "iom-chart__svg",
      viewBox: "0 0 " + CHART.width + " " + summary.sections.length * rowHeight,
      width: "100%",
      "aria-hidden": "true",
      focusable: "false"
    });
    summary.sections.forEach(function (section, i) {
      var y = i * rowHeight;
      var title = ins.sections[i].title;
      ui.svg("text", { x: 0, y: y + 14, class: "iom-chart__label" }, title.length > 80 ? title.slice(0, 78) + "…" : title, $svg);
      var x = 0;
      values.forEach(function (value) {
        var count = section.counts[value] || 0;
        if (!count) return;
        var w = (count / max) * CHART.width;
        var $g = ui.svg("g", { class: "iom-chart__segment iom-chart__segment--" + levels.tone(value) }, null, $svg);
        ui.svg("title", {}, levels.label(value) + ": " + count, $g);
        ui.svg("rect", { x: x, y: y + CHART.label, width: Math.max(w - 2, 1), height: CHART.bar }, null, $g);
        var words = count + " " + levels.label(value);
        var label = w >= words.length * CHAR_WIDTH + 8 ? words : w >= 18 ? String(count) : "";
        if (label) ui.svg("text", { x: x + w / 2 - 1, y: y + CHART.label + 17, "text-anchor": "middle" }, label, $g);
        x += w;
      });
    });
    return $svg;
  }

  IOM.ratingChart = ratingChart;
})();
