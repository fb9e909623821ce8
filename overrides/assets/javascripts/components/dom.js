/*
 * DOM helpers shared by the components that draw summaries, charts and tables, and that
 * offer downloads. Text is only ever set with textContent.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  var SVG = "http://www.w3.org/2000/svg";

  IOM.dom = {
    /** A new element with an optional class and text. */
    el: function (tag, className, text) {
      var $el = document.createElement(tag);
      if (className) $el.className = className;
      if (text !== undefined && text !== null) $el.textContent = text;
      return $el;
    },

    /** A new SVG element with attributes and optional text. */
    svg: function (tag, attrs, text) {
      var $el = document.createElementNS(SVG, tag);
      Object.keys(attrs || {}).forEach(function (key) {
        $el.setAttribute(key, attrs[key]);
      });
      if (text !== undefined) $el.textContent = text;
      return $el;
    },

    /** Remove every child of an element. */
    empty: function ($el) {
      while ($el && $el.firstChild) $el.removeChild($el.firstChild);
    },

    /** Save `content` as a file called `name`, made in the browser (nothing is uploaded). */
    download: function (name, type, content) {
      var url = URL.createObjectURL(new Blob([content], { type: type }));
      var $a = document.createElement("a");
      $a.href = url;
      $a.download = name;
      $a.hidden = true;
      document.body.appendChild($a);
      $a.click();
      document.body.removeChild($a);
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 1000);
    }
  };
})();
