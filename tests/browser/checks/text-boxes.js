// The text on the page as boxes: which text is cut off by a box that hides its overflow, and
// which pieces of text overlap each other. Used with and without the WCAG 1.4.12 text-spacing
// override (tests/browser/test_text_spacing_browser.py).
//
// Argument: { charts: CSS selector of chart canvases, part: "page" | "charts",
//             within: CSS selector to check only the text inside it, or null for all,
//             shortened: CSS selector of boxes that may end their text in an ellipsis }.
//   "page":   every visible HTML text outside the charts;
//   "charts": the text inside the charts: SVG <text> (whose box is taken from its glyphs,
//             rotation included) and any HTML text, checked against its own chart.
// Returns { clipped: [...], overlaps: [...] }, one readable line per finding.
(options) => {
  const TOLERANCE = 1; // CSS px: sub-pixel rounding and glyphs that touch are not overlaps

  const canvases = [...document.querySelectorAll(options.charts)];
  const scope = options.within ? [...document.querySelectorAll(options.within)] : null;
  const inChart = (el) => canvases.some((canvas) => canvas.contains(el));

  const shown = (el) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  // Text meant for screen readers only sits in a 1 px box (or a box clipped to nothing).
  const screenReaderOnly = (el) => {
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      const box = up.getBoundingClientRect();
      const style = getComputedStyle(up);
      if ((box.width <= 1 || box.height <= 1) && style.overflow !== "visible") return true;
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return true;
    }
    return false;
  };

  // Text on a panel moved out of sight: the closed phone menu lies off the page, and its
  // sub-menus are slid (transformed) outside the menu's box, which hides them. Text pushed
  // out of a box by its own length is not this: it is checked as cut off.
  const offPage = (r) => r.right + scrollX <= 0 || r.bottom + scrollY <= 0;
  const onHiddenPanel = (el, r) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const box = up.getBoundingClientRect();
      const outside = r.right <= box.left || r.left >= box.right || r.bottom <= box.top
        || r.top >= box.bottom;
      if (!outside) continue;
      for (let moved = el; moved !== up; moved = moved.parentElement) {
        if (getComputedStyle(moved).transform !== "none") return true;
      }
    }
    return false;
  };

  const describe = (el, text) => {
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + classes.filter(Boolean).slice(0, 2).map((c) => "." + c).join("");
    return `${name} "${text.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  };

  const quadOfRect = (r) => [
    { x: r.left, y: r.top }, { x: r.right, y: r.top },
    { x: r.right, y: r.bottom }, { x: r.left, y: r.bottom },
  ];

  // An SVG text's own box, turned by its transforms, in the page's coordinates.
  const quadOfSvgText = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    return [
      [b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height],
    ].map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }));
  };

  const boxes = [];
  const addHtmlText = (node) => {
    const owner = node.parentElement;
    if (owner.closest("svg, script, style, template, noscript, option, select, textarea")) return;
    if ((inChart(owner) ? "charts" : "page") !== options.part) return;
    if (scope && !scope.some((root) => root.contains(owner))) return;
    if (!shown(owner) || screenReaderOnly(owner)) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      if (offPage(rect) || onHiddenPanel(owner, rect)) continue;
      boxes.push({ node, owner, quad: quadOfRect(rect), label: describe(owner, node.textContent) });
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) addHtmlText(n);
  if (options.part === "charts") {
    for (const canvas of canvases) {
      for (const el of canvas.querySelectorAll("svg text")) {
        if (!el.textContent.trim() || !shown(el)) continue;
        if (el.querySelector("tspan")) continue; // its tspans are measured instead
        boxes.push({ node: el, owner: el, quad: quadOfSvgText(el), label: describe(el, el.textContent), svg: true });
      }
    }
  }

  const bounds = (quad) => ({
    left: Math.min(...quad.map((p) => p.x)), right: Math.max(...quad.map((p) => p.x)),
    top: Math.min(...quad.map((p) => p.y)), bottom: Math.max(...quad.map((p) => p.y)),
  });

  // Clipped: some of the box lies outside an ancestor that hides overflow (an SVG clips to its
  // own viewport). Scroll containers are not clipping: the text can be scrolled to.
  const clipped = [];
  const mayShorten = (el) => !!(options.shortened && el.closest(options.shortened));
  for (const box of boxes) {
    if (mayShorten(box.owner)) continue;
    const b = bounds(box.quad);
    for (let up = box.owner; up && up !== document.documentElement; up = up.parentElement) {
      const style = getComputedStyle(up);
      // Inside a scroll box the text can be scrolled to, whatever clips the box itself.
      if (/auto|scroll/.test(style.overflowX + style.overflowY)) break;
      const hides = (v) => v === "hidden" || v === "clip";
      const isSvgRoot = up.tagName.toLowerCase() === "svg" && style.overflow !== "visible";
      if (!(hides(style.overflowX) || hides(style.overflowY) || isSvgRoot)) continue;
      const r = up.getBoundingClientRect();
      const inner = {
        left: r.left + up.clientLeft, top: r.top + up.clientTop,
        right: r.left + up.clientLeft + (up.clientWidth || r.width),
        bottom: r.top + up.clientTop + (up.clientHeight || r.height),
      };
      // An ellipsis replaces the text that passes the content edge, inside the padding.
      if (style.textOverflow !== "clip") {
        inner.left += parseFloat(style.paddingLeft);
        inner.right -= parseFloat(style.paddingRight);
      }
      const outX = (hides(style.overflowX) || isSvgRoot)
        && (b.left < inner.left - TOLERANCE || b.right > inner.right + TOLERANCE);
      const outY = (hides(style.overflowY) || isSvgRoot)
        && (b.top < inner.top - TOLERANCE || b.bottom > inner.bottom + TOLERANCE);
      if (outX || outY) {
        box.clipped = true;
        clipped.push(`${box.label} is cut off by ${describe(up, "").replace(/ ""$/, "")}`);
        break;
      }
    }
  }

  // Overlaps: two boxes of different text that intersect by more than the tolerance
  // (separating-axis test, so turned labels are compared by their real outline). Text that is
  // cut off is reported as such, not as overlapping what lies beyond its box.
  const project = (quad, axis) => {
    const d = quad.map((p) => p.x * axis.x + p.y * axis.y);
    return [Math.min(...d), Math.max(...d)];
  };
  const axesOf = (quad) => quad.map((p, i) => {
    const q = quad[(i + 1) % quad.length];
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    return { x: -(q.y - p.y) / len, y: (q.x - p.x) / len };
  });
  const intersect = (a, b) => {
    for (const axis of [...axesOf(a), ...axesOf(b)]) {
      const [a0, a1] = project(a, axis);
      const [b0, b1] = project(b, axis);
      if (Math.min(a1, b1) - Math.max(a0, b0) <= TOLERANCE) return false;
    }
    return true;
  };
  for (const box of boxes) box.bounds = bounds(box.quad);
  boxes.sort((p, q) => p.bounds.top - q.bounds.top);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].bounds.top < a.bounds.bottom - TOLERANCE; j++) {
      const b = boxes[j];
      if (a.node === b.node || a.clipped || b.clipped) continue;
      if (b.bounds.left >= a.bounds.right - TOLERANCE || a.bounds.left >= b.bounds.right - TOLERANCE) continue;
      if (intersect(a.quad, b.quad)) overlaps.push(`${a.label} overlaps ${b.label}`);
    }
  }
  const unique = (list) => [...new Set(list)];
  return { clipped: unique(clipped), overlaps: unique(overlaps) };
}
