/*
 * Reading data that came from outside (a file, the browser's storage): only a value's own
 * properties count, so a key such as "constructor", "toString" or "__proto__" finds nothing
 * that Object.prototype has. Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  /** `object[key]` when it is the object's own property, else undefined. */
  function own(object, key) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key)
      ? object[key]
      : undefined;
  }

  /** A plain object (not null, not an array). */
  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  /** Text with something other than spaces in it. */
  function hasText(v) {
    return typeof v === "string" && v.trim() !== "";
  }

  /** The value when it is text, else "" (a missing or mistyped field reads as empty). */
  function text(v) {
    return typeof v === "string" ? v : "";
  }

  IOM.lib.data = { own: own, isObject: isObject, hasText: hasText, text: text };
})();
