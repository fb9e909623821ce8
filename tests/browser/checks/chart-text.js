// Every piece of text drawn in the charts, as the reader sees it: its words, its size on the
// screen in CSS px (the SVG's font size times the scale the SVG is drawn at) and which chart
// it is in.
// Argument: CSS selector of the chart canvases.
(selector) =>
  [...document.querySelectorAll(selector)].flatMap((canvas) =>
    [...canvas.querySelectorAll("svg text")]
      .filter((el) => el.textContent.trim() && el.checkVisibility({ visibilityProperty: true }))
      .map((el) => {
        const m = el.getScreenCTM();
        const scale = Math.hypot(m.a, m.b);
        const size = parseFloat(getComputedStyle(el).fontSize) * scale;
        const chart = canvas.closest("figure, [data-module]") || canvas;
        return {
          chart: chart.className || chart.tagName.toLowerCase(),
          text: el.textContent.trim(),
          px: Math.round(size * 10) / 10,
        };
      })
  )
