// WCAG 1.4.10 Reflow, on the page as it is now (the tests set a 320 CSS px wide viewport).
// Returns the document's width and every element that scrolls sideways without being a
// keyboard-focusable, named region (role="region" with aria-label or aria-labelledby,
// tabindex="0"). The theme's code blocks (pre > code, focusable) may scroll: code is read in
// lines and cannot reflow. Also lists elements that stick out past the right edge of the
// viewport, for the failure message.
() => {
  const root = document.documentElement;
  const width = root.clientWidth;

  const describe = (el) => {
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + classes.filter(Boolean).slice(0, 2).map((c) => "." + c).join("");
    const text = (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };

  const nameOf = (el) => {
    const label = (el.getAttribute("aria-label") || "").trim();
    if (label) return label;
    const ids = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    return ids.map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim();
  };

  const insideClippingBox = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };

  const unnamedScrollers = [];
  const sticksOut = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || style.visibility === "hidden") continue;
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      const focusable = el.getAttribute("tabindex") === "0";
      const region = el.getAttribute("role") === "region" && nameOf(el) !== "";
      if (!(focusable && (region || el.matches("pre > code")))) {
        unnamedScrollers.push(`${describe(el)} (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
    }
    if (box.right > width + 0.5 && !insideClippingBox(el)
        && el.parentElement.getBoundingClientRect().right <= width + 0.5) {
      sticksOut.push(`${describe(el)} to ${Math.round(box.right)} px`);
    }
  }
  return { scrollWidth: root.scrollWidth, width, unnamedScrollers, sticksOut };
}
