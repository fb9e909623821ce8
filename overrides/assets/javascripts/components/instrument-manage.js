/*
 * Managing saved assessments, on an instrument's overview page (module iom-instrument): the
 * list of saved assessments with their dates, open / new / duplicate / delete (with its
 * confirmation), print, and the way in to downloads and import (instrument-transfer.js,
 * loaded on first use). Section pages have none of this, so their bundle leaves it out.
 * Part of the component in instrument.js, which runs first: this file adds methods to its
 * prototype and commands to its `commands`. On a section page (reached by instant navigation,
 * if turned on) it finds no saved list and no downloads and does nothing.
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var Instrument = IOM.components["iom-instrument"];
  var proto = Instrument.prototype;
  var clockTime = Instrument.clockTime;

  /** Called by the core's init, before the first document is shown. */
  proto.initManage = function () {
    this.$savedList = this.$root.querySelector("[data-saved-list]");
    // Downloads and import load on first use (most visits only rate), keeping the page light.
    this.transfer = null;
    this.transferLoading = null;
    var preload = this.withTransfer.bind(this, function () {});
    var $transfer = this.$root.querySelectorAll("[data-transfer]");
    for (var t = 0; t < $transfer.length; t++) {
      $transfer[t].addEventListener("focusin", preload);
      $transfer[t].addEventListener("pointerdown", preload);
    }
    var $file = this.$root.querySelector("[data-import-file]");
    if ($file) {
      $file.addEventListener("change", this.handleImportFile.bind(this));
    }
  };

  /** Run `use(transfer)` once the downloads-and-import part has loaded (at most once). */
  proto.withTransfer = function (use) {
    var self = this;
    if (!this.transferLoading) {
      this.transferLoading = (IOM.instrumentParts.transfer
        ? Promise.resolve()
        : IOM.loadPart("iom-instrument-transfer")
      ).then(function () {
        self.transfer = new IOM.instrumentParts.transfer(self);
        return self.transfer;
      });
      this.transferLoading.catch(function (error) {
        self.transferLoading = null; // let a later click try again
        if (window.console) console.error("[iom] downloads and import:", error);
      });
    }
    return this.transferLoading.then(use);
  };

  /** A file chosen before the part had loaded: hand it over once it has. */
  proto.handleImportFile = function () {
    var loaded = !!this.transfer;
    this.withTransfer(function (transfer) {
      if (!loaded) transfer.handleFile();
    });
  };

  /* ---- commands ---- */

  var commands = {
    open: function () {
      var uid = this.$savedList.value;
      var doc = this.store.load(this.instrument.id, uid);
      if (!doc) return;
      this.hideConfirms();
      this.show(uid, doc);
      this.announce(this.t("opened", { name: this.displayName(doc) }));
    },
    new: function () {
      this.hideConfirms();
      var uid = this.store.newId();
      this.show(uid, this.assessment.create(this.instrument));
      this.save();
      this.renderName();
      this.announce(this.t("created"));
      var $name = this.$root.querySelector('[data-about-field="name"]');
      if ($name) $name.focus();
    },
    duplicate: function () {
      this.hideConfirms();
      var copy = JSON.parse(JSON.stringify(this.doc));
      copy.name = this.t("copy-name", { name: this.displayName(this.doc) });
      copy.updated = new Date().toISOString();
      this.show(this.store.newId(), copy);
      this.save();
      this.renderName();
      this.announce(this.t("duplicated", { name: copy.name }));
    },
    delete: function () {
      this.showConfirm("delete");
    },
    "delete-confirm": function () {
      var name = this.displayName(this.doc);
      this.store.remove(this.instrument.id, this.uid);
      this.hideConfirms();
      this.openCurrentAfterDelete();
      this.announce(this.t("deleted", { name: name }));
      this.$root.querySelector('[data-command="delete"]').focus();
    },
    cancel: function ($button) {
      var $confirm = $button.closest("[data-confirm]");
      var kind = $confirm && $confirm.getAttribute("data-confirm");
      this.hideConfirms();
      if (kind === "import" && this.transfer) this.transfer.cancel();
      var $back = this.$root.querySelector(kind === "import" ? "[data-import-file]" : '[data-command="delete"]');
      if ($back) $back.focus();
    },
    print: function () {
      this.renderSummaryNow();
      window.print();
    }
  };
  Object.keys(commands).forEach(function (name) {
    proto.commands[name] = commands[name];
  });

  proto.openCurrentAfterDelete = function () {
    var saved = this.store.list(this.instrument.id);
    if (saved.length) {
      this.show(saved[0].uid, saved[0].doc);
    } else {
      this.show(this.store.newId(), this.assessment.create(this.instrument));
    }
  };

  proto.showConfirm = function (kind, name) {
    this.hideConfirms();
    var $confirm = this.$root.querySelector('[data-confirm="' + kind + '"]');
    var $names = $confirm.querySelectorAll("[data-confirm-name]");
    for (var i = 0; i < $names.length; i++) $names[i].textContent = name || this.displayName(this.doc);
    $confirm.hidden = false;
    $confirm.focus();
    return $confirm;
  };

  proto.hideConfirms = function () {
    var $confirms = this.$root.querySelectorAll("[data-confirm]");
    for (var i = 0; i < $confirms.length; i++) $confirms[i].hidden = true;
  };

  /* ---- the saved list ---- */

  /** Every saved assessment of this instrument, newest first, the open one selected. */
  proto.renderList = function () {
    if (!this.$savedList) return; // a section page has none
    var self = this;
    var saved = this.store.list(this.instrument.id);
    if (!saved.some(function (s) { return s.uid === self.uid; })) {
      saved.unshift({ uid: this.uid, doc: this.doc });
    }
    while (this.$savedList.firstChild) this.$savedList.removeChild(this.$savedList.firstChild);
    saved.forEach(function (s) {
      var $option = document.createElement("option");
      $option.value = s.uid;
      var doc = s.uid === self.uid ? self.doc : s.doc;
      $option.textContent = self.t("list-option", { name: self.displayName(doc), updated: formatTime(doc.updated) });
      $option.selected = s.uid === self.uid;
      self.$savedList.appendChild($option);
    });
  };

  // Dates are formatted by hand, as en-GB shows them: the first toLocaleString() call on a page
  // sets up the browser's date formatting, which cost about 50 ms of blocking time on a slow phone.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /** "23 Nov 2026, 14:05" in local time, or "" for a missing or broken timestamp. */
  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() + ", " + clockTime(d);
  }
})();
