// WCAG 2.5.8 Target Size (Minimum) on the page as it is now. Returns one readable line per
// target that is smaller than 24 by 24 CSS px and not spaced as the criterion allows.
// Argument: a CSS selector to check only the targets inside it (their neighbours are every
// target on the page), or null for all.
//
// Targets: links, buttons, form controls, summaries, labels of controls and anything made
// focusable. Targets hidden with opacity (the theme's heading permalinks, shown on hover) still
// take a click, so they count; ones outside the page (the skip link, the closed mobile drawer)
// do not.
// Exceptions applied, as the criterion words them:
//   Spacing: a 24 px circle centred on an undersized target's box meets no other target and
//            no other undersized target's circle.
//   Inline:  a link inside a sentence (an inline link whose block has other text).
//   A radio button or checkbox counts with its label when the label takes the same click and
//   the two touch (the label holds the control, or lies beside it).
(within) => {
  const MIN = 24;
  const RADIUS = MIN / 2;
  const SELECTOR = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "label[for]", "[role=button]", "[role=link]", "[role=tab]", "[role=checkbox]",
    "[role=radio]", "[tabindex]:not([tabindex='-1'])",
  ].join(",");

  const describe = (el) => {
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + classes.filter(Boolean).slice(0, 2).map((c) => "." + c).join("");
    const text = (el.getAttribute("aria-label") || el.textContent || el.value || "")
      .trim().replace(/\s+/g, " ").slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };

  const pageWidth = document.documentElement.scrollWidth;
  const pageHeight = document.documentElement.scrollHeight;
  const onPage = (r) =>
    r.right + scrollX > 0 && r.bottom + scrollY > 0 && r.left + scrollX < pageWidth
    && r.top + scrollY < pageHeight;

  // The part of a box left visible by the ancestors that clip their content (the closed
  // drawer's panels lie inside the page but are clipped to nothing).
  const visiblePart = (el, rect) => {
    let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const r = up.getBoundingClientRect();
      box = {
        left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
        right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom),
      };
    }
    return box.right - box.left >= 1 && box.bottom - box.top >= 1;
  };

  // A target under another element (the search dialog's overlay) cannot take the click.
  const covered = (el, rect) => {
    const x = (rect.left + rect.right) / 2;
    const y = (rect.top + rect.bottom) / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false; // cannot tell
    const hit = document.elementFromPoint(x, y);
    return !!hit && !el.contains(hit) && !hit.contains(el) && !(el.labels && [...el.labels].includes(hit));
  };

  const targets = [];
  for (const el of document.querySelectorAll(SELECTOR)) {
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    if (getComputedStyle(el).pointerEvents === "none") continue;
    if (el.disabled) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1 || !onPage(rect) || !visiblePart(el, rect)) continue;
    if (covered(el, rect)) continue;
    // A 1 px box: text or a control for screen readers, or a visually hidden file input.
    if (rect.width <= 1 || rect.height <= 1) continue;
    targets.push({ el, rect });
  }

  const union = (a, b) => ({
    left: Math.min(a.left, b.left), top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom),
  });
  const touches = (a, b) =>
    a.left <= b.right + 1 && b.left <= a.right + 1 && a.top <= b.bottom + 1 && b.top <= a.bottom + 1;

  // A check box or radio with a label that takes the same click and touches it.
  const withLabel = (el, rect) => {
    if (!(el.matches("input[type=radio], input[type=checkbox]"))) return rect;
    let box = rect;
    for (const label of el.labels || []) {
      const lr = label.getBoundingClientRect();
      if (touches(lr, rect)) box = union(box, lr);
    }
    return box;
  };

  const inSentence = (el) => {
    if (!el.matches("a") || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    if (!block) return false;
    const letters = (node) => node.textContent.replace(/\s+/g, "").length;
    const own = [...block.querySelectorAll("a")].reduce((n, a) => n + letters(a), 0);
    return letters(block) - own > 2;
  };

  for (const t of targets) {
    t.box = withLabel(t.el, t.rect);
    t.width = t.box.right - t.box.left;
    t.height = t.box.bottom - t.box.top;
    t.small = (t.width < MIN - 0.01 || t.height < MIN - 0.01) && !inSentence(t.el);
    t.cx = (t.box.left + t.box.right) / 2;
    t.cy = (t.box.top + t.box.bottom) / 2;
  }

  const related = (a, b) =>
    a.el.contains(b.el) || b.el.contains(a.el)
    || (a.el.labels && [...a.el.labels].includes(b.el))
    || (b.el.labels && [...b.el.labels].includes(a.el))
    || (a.el.matches("label[for]") && a.el.control === b.el)
    || (b.el.matches("label[for]") && b.el.control === a.el);

  const distanceToBox = (x, y, r) => {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    return Math.hypot(dx, dy);
  };

  const findings = [];
  const scope = within ? [...document.querySelectorAll(within)] : null;
  for (const t of targets) {
    if (!t.small) continue;
    if (scope && !scope.some((root) => root.contains(t.el))) continue;
    // A label counted with its control is checked as that control.
    if (t.el.matches("label[for]") && t.el.control
        && t.el.control.matches("input[type=radio], input[type=checkbox]")) continue;
    const near = [];
    for (const other of targets) {
      if (other === t || related(t, other)) continue;
      const hitsBox = distanceToBox(t.cx, t.cy, other.box) < RADIUS - 0.01;
      const hitsCircle = other.small && Math.hypot(t.cx - other.cx, t.cy - other.cy) < MIN - 0.01;
      if (hitsBox || hitsCircle) near.push(describe(other.el));
    }
    if (near.length) {
      const size = `${Math.round(t.width * 10) / 10}×${Math.round(t.height * 10) / 10}`;
      findings.push(`${describe(t.el)} is ${size} px and too close to ${near.slice(0, 2).join(", ")}`);
    }
  }
  return [...new Set(findings)];
}
