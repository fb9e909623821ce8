/*
 * The check every scenario file of the value-for-money calculator passes before it comes in
 * (lib/importer.js calls it; components/breakeven-scenarios.js, loaded on first use, asks
 * before it fills the form). Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var own = IOM.lib.data.own;
  var isObject = IOM.lib.data.isObject;

  var SCENARIO_FIELDS = ["cohort", "reduction", "uprating", "interventions", "other"];
  var STAFF_FIELDS = ["role", "posts", "cost"];
  var CRIME_FIELDS = ["label", "rate", "multiplier", "cost", "year"];

  /**
   * Every problem with a parsed scenario file ({format: "iom-breakeven", formatVersion: 1,
   * name, inputs}), as codes; [] when the form can be filled from it. Inputs are text, as
   * typed. shape: {staffRows: how many staff rows the form has, crimes: its crime-type keys}.
   * Only own properties are read.
   */
  function validateScenario(raw, shape) {
    if (!isObject(raw) || own(raw, "format") !== "iom-breakeven") return [{ code: "wrong-format" }];
    var version = own(raw, "formatVersion");
    if (typeof version === "number" && version > 1 && version % 1 === 0) return [{ code: "newer-format" }];
    if (version !== 1) return [{ code: "bad-format-version" }];
    var inputs = own(raw, "inputs");
    if (!isObject(inputs)) return [{ code: "bad-shape", path: "inputs" }];
    var errors = [];
    function text(object, key, path) {
      var value = own(object, key);
      if (value !== undefined && value !== null && typeof value !== "string") errors.push({ code: "bad-text", path: path });
    }
    text(raw, "name", "name");
    SCENARIO_FIELDS.forEach(function (key) {
      text(inputs, key, "inputs › " + key);
    });
    var staff = own(inputs, "staff");
    if (staff !== undefined && !Array.isArray(staff)) {
      errors.push({ code: "bad-shape", path: "inputs › staff" });
    } else if (staff && staff.length > shape.staffRows) {
      errors.push({ code: "too-many-staff", count: staff.length, max: shape.staffRows });
    } else {
      (staff || []).forEach(function (row, i) {
        if (!isObject(row)) return errors.push({ code: "bad-shape", path: "inputs › staff " + (i + 1) });
        STAFF_FIELDS.forEach(function (key) {
          text(row, key, "inputs › staff " + (i + 1) + " › " + key);
        });
      });
    }
    var crimes = own(inputs, "crimes");
    if (crimes !== undefined && !isObject(crimes)) {
      errors.push({ code: "bad-shape", path: "inputs › crimes" });
    } else {
      Object.keys(crimes || {}).forEach(function (key) {
        if (shape.crimes.indexOf(key) < 0) return errors.push({ code: "unknown-crime", value: key.slice(0, 40) });
        if (!isObject(crimes[key])) return errors.push({ code: "bad-shape", path: "inputs › crimes › " + key });
        CRIME_FIELDS.forEach(function (field) {
          text(crimes[key], field, "inputs › crimes › " + key + " › " + field);
        });
      });
    }
    return errors;
  }

  IOM.lib.scenarioFile = { validate: validateScenario };
})();
