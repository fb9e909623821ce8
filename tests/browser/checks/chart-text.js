// Every piece of text drawn in the charts, as the reader sees it: its words, its size on the
// screen in CSS px and which chart it is in. SVG text counts at its font size times the scale
// the SVG is drawn at; HTML text (a chart drawn in HTML, or labels beside an SVG) at its
// computed font size. Text that is not shown, or is for screen readers only, is left out.
// Argument: CSS selector of the chart canvases.
(selector) => {
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const screenReaderOnly = (el) => {
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      const box = up.getBoundingClientRect();
      const style = getComputedStyle(up);
      if ((box.width <= 1 || box.height <= 1) && style.overflow !== "visible") return true;
      if (style.clipPath === "inset(50%)") return true;
    }
    return false;
  };
  const round = (px) => Math.round(px * 10) / 10;
  return [...document.querySelectorAll(selector)].flatMap((canvas) => {
    const chart = canvas.closest("figure, [data-module]") || canvas;
    const name = chart.className || chart.tagName.toLowerCase();
    const found = [];
    for (const el of canvas.querySelectorAll("svg text")) {
      if (!el.textContent.trim() || !shown(el)) continue;
      const m = el.getScreenCTM();
      const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
      found.push({ chart: name, text: el.textContent.trim(), px: round(size) });
    }
    const walker = document.createTreeWalker(canvas, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement;
      if (!node.textContent.trim() || owner.closest("svg")) continue;
      if (!shown(owner) || screenReaderOnly(owner)) continue;
      found.push({ chart: name, text: node.textContent.trim(), px: round(parseFloat(getComputedStyle(owner).fontSize)) });
    }
    return found;
  });
}
