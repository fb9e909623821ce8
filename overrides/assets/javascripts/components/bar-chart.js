/*
 * Stacked bar charts drawn in HTML (IOM.barChart): the assessment summary's ratings by section
 * and compare's changes by section. A row per section: its title above its bar, as page text,
 * so it wraps instead of being cut short, keeps the page's size at every width (it is not an
 * image scaled to fit) and takes a reader's own text spacing (WCAG 1.4.4, 1.4.10, 1.4.12).
 * Each part of a bar is exactly as wide as its share and is labelled on the bar with its count
 * and word ("3 Red") where they fit, else its count, else nothing; the key and the table that
 * go with every chart give each figure in words. Labels are fitted again when the chart's
 * width changes (a phone turned, a window resized).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  var el = IOM.ui.el;

  // Room kept beside a label for a reader's wider spacing (WCAG 1.4.12 asks for 0.12em more
  // between letters and 0.16em more between words), and a little air at the bar's edges.
  var SPACING = { letter: 0.12, word: 0.16, edges: 0.6 };

  /** The em of room a label's text needs beyond its width as drawn now. */
  function spare(text) {
    var spaces = text.split(" ").length - 1;
    return text.length * SPACING.letter + spaces * SPACING.word + SPACING.edges;
  }

  /**
   * Draw a chart into $canvas (emptied first) and return it.
   *
   * rows: [{label, scale, parts: [{tone, count, text}]}]: `text` is the part's full label
   *   ("3 Red"); `scale` is the count a whole bar stands for (default options.scale).
   * options: {scale, name}: with a `name` the chart is an image of that name for assistive
   *   technology; without one it is hidden from it (a table beside it has the figures).
   * The same figures again leave the chart as it is: the summary is redrawn on every change.
   */
  function draw($canvas, rows, options) {
    var key = JSON.stringify([rows, options]);
    var $drawn = $canvas.querySelector(".iom-bars");
    if ($drawn && $drawn.iomKey === key) return $drawn;
    var $chart = el("div", "iom-bars");
    $chart.iomKey = key;
    if (options.name) {
      $chart.setAttribute("role", "img");
      $chart.setAttribute("aria-label", options.name);
    } else {
      $chart.setAttribute("aria-hidden", "true");
    }
    rows.forEach(function (row) {
      var $row = el("div", "iom-bars__row");
      $row.appendChild(el("p", "iom-bars__label", row.label));
      var $bar = el("div", "iom-bars__bar");
      var scale = row.scale || options.scale || 1;
      row.parts.forEach(function (part) {
        if (!part.count) return;
        var $part = el("span", "iom-bars__part iom-bars__part--" + part.tone);
        $part.style.width = (100 * part.count) / scale + "%";
        $part.setAttribute("data-tone", part.tone);
        $part.setAttribute("data-count", String(part.count));
        $part.setAttribute("data-text", part.text);
        $part.appendChild(el("span", "iom-bars__text", part.text));
        $bar.appendChild($part);
      });
      $row.appendChild($bar);
      $chart.appendChild($row);
    });
    IOM.ui.empty($canvas);
    $canvas.appendChild($chart);
    fit($chart);
    follow($canvas);
    return $chart;
  }

  /**
   * Each part's label as long as its part holds, spacing room included: the words, else the
   * count, else none. All labels are written, then all measured, so the page lays out twice.
   */
  function fit($chart) {
    if (!$chart.clientWidth) return; // not shown yet: fitted once it is (follow)
    var $parts = Array.prototype.slice.call($chart.querySelectorAll(".iom-bars__part"));
    var forms = [
      function ($part) {
        return $part.getAttribute("data-text");
      },
      function ($part) {
        return $part.getAttribute("data-count");
      }
    ];
    var left = $parts;
    forms.forEach(function (form) {
      left.forEach(function ($part) {
        $part.firstChild.textContent = form($part);
      });
      var tooWide = left.filter(function ($part) {
        var $text = $part.firstChild;
        var em = parseFloat(getComputedStyle($text).fontSize);
        return $text.offsetWidth + spare($text.textContent) * em > $part.clientWidth;
      });
      left = tooWide;
    });
    left.forEach(function ($part) {
      $part.firstChild.textContent = "";
    });
    $chart.setAttribute("data-fitted-width", String($chart.clientWidth));
  }

  /** Fit the labels of the chart in $canvas again whenever its width changes (one observer a canvas). */
  function follow($canvas) {
    if ($canvas.iomBarsObserver || !window.ResizeObserver) return;
    $canvas.iomBarsObserver = new ResizeObserver(function () {
      var $chart = $canvas.querySelector(".iom-bars");
      if ($chart && String($chart.clientWidth) !== $chart.getAttribute("data-fitted-width")) fit($chart);
    });
    $canvas.iomBarsObserver.observe($canvas);
  }

  IOM.barChart = { draw: draw };
})();
