/*
 * Filter component: narrows a page's items by the <select> controls in its form.
 *
 * Markup (rendered by the site, readable without JavaScript):
 *   <div data-module="iom-filter">
 *     <form class="iom-js-only"> <select name="theme">…</select> … [data-iom-filter-clear] </form>
 *     <p role="status" data-iom-filter-count="Showing {shown} of {total} case studies">…</p>
 *   </div>
 *   …any element in the same article with data-iom-filter-item="<id>" and
 *   data-filter-<name>="token token" for each select name.
 *
 * An item is shown when, for every select with a value, that value is one of its tokens.
 * Several elements may share an item id (an index row, a heading, a section); the count is
 * of distinct ids. The chosen values are kept in the address (?theme=…&area=…) so a filtered
 * view can be shared; unknown values in the address are ignored.
 */
(function () {
  "use strict";

  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  function tokens(text) {
    return String(text || "")
      .split(/\s+/)
      .filter(Boolean);
  }

  IOM.components["iom-filter"] = class {
    constructor($root) {
      this.$root = $root;
      this.$form = $root.querySelector("form");
      this.$selects = Array.prototype.slice.call($root.querySelectorAll("select[name]"));
      this.$clear = $root.querySelector("[data-iom-filter-clear]");
      this.$count = $root.querySelector("[data-iom-filter-count]");
      this.$scope = $root.closest("article") || document;
      this.$items = [];
      this.total = 0;
    }

    init() {
      if (!this.$form || !this.$selects.length) return;
      this.$items = Array.prototype.slice.call(
        this.$scope.querySelectorAll("[data-iom-filter-item]")
      );
      this.total = this.countIds(this.$items);
      this.readAddress();
      this.$form.addEventListener("submit", this.handleSubmit.bind(this));
      this.$form.addEventListener("change", this.handleChange.bind(this));
      if (this.$clear) this.$clear.addEventListener("click", this.handleClear.bind(this));
      this.apply();
    }

    /** The chosen values, {name: value}, leaving out selects set to "all" (empty). */
    criteria() {
      var chosen = {};
      this.$selects.forEach(function ($select) {
        if ($select.value) chosen[$select.name] = $select.value;
      });
      return chosen;
    }

    matches($item, chosen) {
      return Object.keys(chosen).every(function (name) {
        return tokens($item.getAttribute("data-filter-" + name)).indexOf(chosen[name]) !== -1;
      });
    }

    countIds($items) {
      var seen = {};
      $items.forEach(function ($item) {
        seen[$item.getAttribute("data-iom-filter-item")] = true;
      });
      return Object.keys(seen).length;
    }

    apply() {
      var chosen = this.criteria();
      var shown = [];
      var self = this;
      this.$items.forEach(function ($item) {
        var match = self.matches($item, chosen);
        $item.hidden = !match;
        if (match) shown.push($item);
        if ($item.id) self.showInTableOfContents($item.id, match);
      });
      this.announce(this.countIds(shown));
    }

    /** Hide the page's table-of-contents entry of a hidden heading, so the two agree. */
    showInTableOfContents(id, visible) {
      var $links = document.querySelectorAll(".md-nav--secondary a.md-nav__link");
      for (var i = 0; i < $links.length; i++) {
        // The theme rewrites these hrefs to full addresses, so compare the fragment only.
        if ($links[i].hash === "#" + id) {
          var $entry = $links[i].closest("li");
          if ($entry) $entry.hidden = !visible;
        }
      }
    }

    announce(shown) {
      if (!this.$count) return;
      var message = (this.$count.getAttribute("data-iom-filter-count") || "{shown} of {total}")
        .replace("{shown}", String(shown))
        .replace("{total}", String(this.total));
      if (this.$count.textContent !== message) this.$count.textContent = message;
    }

    readAddress() {
      var params = new URLSearchParams(window.location.search);
      this.$selects.forEach(function ($select) {
        var wanted = params.get($select.name);
        if (wanted === null) return;
        var known = Array.prototype.some.call($select.options, function ($option) {
          return $option.value === wanted;
        });
        if (known) $select.value = wanted;
      });
    }

    writeAddress() {
      if (!window.history || typeof window.history.replaceState !== "function") return;
      var url = new URL(window.location.href);
      this.$selects.forEach(function ($select) {
        if ($select.value) url.searchParams.set($select.name, $select.value);
        else url.searchParams.delete($select.name);
      });
      try {
        window.history.replaceState(window.history.state, "", url.toString());
      } catch (error) {
        // Some file:// contexts refuse; the filter still works without a shareable address.
      }
    }

    handleSubmit(event) {
      event.preventDefault();
      this.apply();
    }

    handleChange() {
      this.apply();
      this.writeAddress();
    }

    handleClear() {
      this.$selects.forEach(function ($select) {
        $select.value = "";
      });
      this.apply();
      this.writeAddress();
    }
  };
})();
