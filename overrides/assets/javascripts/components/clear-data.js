/*
 * "Clear all my data": removes every key this toolkit keeps in the browser (all start with
 * the prefix in data-storage-prefix, "iom:"), after confirmation. Other components on the
 * page hear `iom:data-cleared` on document, and those in other tabs the storage events, and
 * start afresh (components/ui.js watch): nothing cleared is written back.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  function ClearData($root) {
    this.$root = $root;
  }

  ClearData.prototype.init = function () {
    this.t = IOM.ui.messages(this.$root);
    this.store = IOM.lib.store.open(this.$root.getAttribute("data-storage-prefix"));
    this.$confirm = this.$root.querySelector('[data-confirm="clear"]');
    this.$status = this.$root.querySelector("[data-status]");
    this.$button = this.$root.querySelector('[data-command="clear"]');
    this.$root.addEventListener("click", this.handleClick.bind(this));
  };

  ClearData.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    if (!$button) return;
    var command = $button.getAttribute("data-command");
    if (command === "clear") {
      this.$status.textContent = "";
      if (!this.store.persistent) {
        this.$status.textContent = this.t("unavailable");
        return;
      }
      var count = this.store.savedCount();
      if (!this.store.count()) {
        this.$status.textContent = this.t("nothing");
        return;
      }
      this.$confirm.querySelector("[data-clear-count]").textContent = String(count);
      this.$confirm.hidden = false;
      this.$confirm.focus();
    } else if (command === "clear-confirm") {
      var saved = this.store.savedCount();
      var removed = this.store.clearAll();
      this.$confirm.hidden = true;
      document.dispatchEvent(new CustomEvent("iom:data-cleared", { detail: { removed: removed } }));
      this.$status.textContent = this.t("cleared", { count: saved });
      this.$button.focus();
    } else if (command === "cancel") {
      this.$confirm.hidden = true;
      this.$button.focus();
    }
  };

  IOM.components["iom-clear-data"] = ClearData;
})();
