/*
 * Entry point: finds every element with data-module="…" and starts its component once.
 *
 * Components are loaded on demand (classic scripts, so they also work from file://): a page
 * with no form downloads no form code. The build joins the files each page's modules need
 * (modules.json, beside this file) into one bundle and names it on the page content
 * (data-iom-bundle); parts a component loads itself when needed (IOM.loadPart), such as
 * iom-migrate for a form whose saved document is from an earlier version of it, each have a
 * bundle of their own, bundles/part-<module>.js.
 */
(function () {
  "use strict";

  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};
  IOM.lib = IOM.lib || {};

  var scriptBase = (function () {
    var current = document.currentScript && document.currentScript.src;
    return current ? current.replace(/[^/]*$/, "") : "";
  })();
  var requested = {}; // file → Promise, so each file is fetched once per page life

  function loadScript(file) {
    if (!requested[file]) {
      requested[file] = new Promise(function (resolve, reject) {
        var $script = document.createElement("script");
        $script.src = scriptBase + file;
        $script.async = false; // keep declared order
        $script.onload = resolve;
        $script.onerror = function () {
          delete requested[file]; // a later call tries again (after a network failure)
          $script.remove();
          reject(new Error("Could not load " + file));
        };
        document.head.appendChild($script);
      });
    }
    return requested[file];
  }

  /** The page's bundle: the code of every component the page starts with. */
  function loadPageBundle() {
    var $bundled = document.querySelector("[data-iom-bundle]");
    if (!$bundled) return Promise.reject(new Error("This page names no script bundle"));
    return loadScript($bundled.getAttribute("data-iom-bundle"));
  }

  /**
   * Load a module's scripts on demand, not for a root on the page: for code only some users
   * need, such as downloads and import on the assessment forms. Returns a Promise.
   */
  IOM.loadPart = function (name) {
    return loadScript("bundles/part-" + name + ".js");
  };

  function startRoot($root) {
    var name = $root.getAttribute("data-module");
    if ($root.hasAttribute("data-iom-init")) return Promise.resolve();
    if ($root.getAttribute("data-load") === "on-use") return waitForUse($root, name);
    $root.setAttribute("data-iom-init", "loading");
    return startComponent(loadPageBundle(), $root, name);
  }

  function startComponent(loading, $root, name) {
    return loading
      .then(function () {
        var Component = IOM.components[name];
        if (!Component) throw new Error("No component registered for " + name);
        new Component($root).init();
        $root.setAttribute("data-iom-init", "ready");
      })
      .catch(function (error) {
        // One broken widget must not stop the rest of the page.
        $root.setAttribute("data-iom-init", "failed");
        if (window.console) console.error("[iom] " + name + ":", error);
      });
  }

  /*
   * data-load="on-use": a component few visitors need (such as "Clear all my data") loads
   * when someone first focuses or presses inside it. A click that arrives while it loads is
   * held and replayed once the component is ready, so nothing the user does is lost.
   */
  function waitForUse($root, name) {
    var started = null;
    var $heldClick = null;
    $root.setAttribute("data-iom-init", "waiting");

    function handleFirstUse(event) {
      if (event.type === "click" && $root.getAttribute("data-iom-init") !== "ready") {
        event.preventDefault();
        event.stopPropagation();
        $heldClick = event.target;
      }
      if (started) return;
      $root.setAttribute("data-iom-init", "loading");
      started = startComponent(IOM.loadPart(name), $root, name).then(function () {
        ["focusin", "pointerdown", "click"].forEach(function (type) {
          $root.removeEventListener(type, handleFirstUse, true);
        });
        if ($heldClick) $heldClick.click();
      });
    }

    ["focusin", "pointerdown", "click"].forEach(function (type) {
      $root.addEventListener(type, handleFirstUse, true);
    });
    return Promise.resolve();
  }

  /** Start every component under root that is not started yet. Safe to call repeatedly. */
  IOM.initAll = function (root) {
    var $roots = (root || document).querySelectorAll("[data-module]");
    var started = [];
    for (var i = 0; i < $roots.length; i++) started.push(startRoot($roots[i]));
    IOM.ready = Promise.all(started);
    return IOM.ready;
  };

  // On phones and tablets the theme's menu (the drawer) opens from a <label> for a hidden check
  // box: it takes no keyboard focus, and ARIA allows a label no role. Put a real button in its
  // place, named as the menu is, that says whether the menu is open; Escape closes the open
  // menu and returns to it. The closed menu is out of the tab order (iom.css).
  function setUpMenuButton() {
    var $toggle = document.getElementById("__drawer");
    var $label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    var $menu = document.querySelector(".md-nav--primary");
    if (!$toggle || !$label || $label.hidden) return;
    var $button = document.createElement("button");
    $button.type = "button";
    $button.className = $label.className + " iom-menu-button";
    $button.setAttribute("aria-label", ($menu && $menu.getAttribute("aria-label")) || "Menu");
    while ($label.firstChild) $button.appendChild($label.firstChild); // the icon
    $label.hidden = true;
    $label.parentNode.insertBefore($button, $label);
    function handleChange() {
      $button.setAttribute("aria-expanded", String($toggle.checked));
    }
    handleChange();
    $toggle.addEventListener("change", handleChange);
    $button.addEventListener("click", function () {
      $toggle.click(); // toggles the box and fires "change", as a click on the label did
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !$toggle.checked) return;
      $toggle.click();
      $button.focus();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpMenuButton);
  } else {
    setUpMenuButton(); // deferred: the header is parsed
  }

  // "Skip to content" only scrolls: the next Tab and a screen reader would still start from
  // the top. Move focus to its target, again once the browser has followed the link.
  function focusSkipTarget(id) {
    var $target = document.getElementById(id);
    if (!$target) return;
    if (!$target.hasAttribute("tabindex")) $target.setAttribute("tabindex", "-1");
    $target.focus();
  }

  document.addEventListener("click", function (event) {
    var $skip = event.target.closest ? event.target.closest(".md-skip") : null;
    if (!$skip) return;
    var id = decodeURIComponent($skip.hash.slice(1));
    focusSkipTarget(id);
    setTimeout(function () {
      focusSkipTarget(id);
    }, 0);
  });

  // Deferred, this runs before DOMContentLoaded; start then, when the whole page is parsed.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      IOM.initAll(document);
    });
  } else {
    IOM.initAll(document);
  }
})();
