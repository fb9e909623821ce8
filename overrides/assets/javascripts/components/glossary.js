/*
 * Glossary tooltips: Esc closes an abbreviation's tooltip without moving the pointer or the
 * focus (WCAG 1.4.13, content on hover or focus must be dismissible).
 *
 * The theme (content.tooltips) shows the tooltips; this component only removes the one on
 * screen when Esc is pressed. The abbreviations hook marks the first abbreviation on each
 * page with data-module="iom-glossary"; one listener serves the whole document.
 */
(function () {
  "use strict";

  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  var listening = false;

  function handleKeydown(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var $tooltips = document.querySelectorAll('.md-tooltip2[role="tooltip"]');
    for (var i = 0; i < $tooltips.length; i++) {
      $tooltips[i].classList.remove("md-tooltip2--active");
      $tooltips[i].classList.add("iom-tooltip--dismissed");
    }
  }

  IOM.components["iom-glossary"] = class {
    constructor($root) {
      this.$root = $root;
    }

    init() {
      if (listening) return;
      listening = true;
      document.addEventListener("keydown", handleKeydown);
    }
  };
})();
