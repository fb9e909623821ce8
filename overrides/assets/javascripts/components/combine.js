/*
 * Combine agencies' assessments: read several downloaded files (file picker or drag and drop),
 * show each agency's rating per item as a heatmap and a table with the spread and disagreement
 * flags, every agency's evidence side by side, and let the lead record an agreed rating and
 * note per item (or accept, in one step, every item on which all agencies agree). The result
 * is saved as an assessment of its own and downloaded (JSON, CSV).
 * Files come in through lib/importer.js; those for another instrument, or refused, are named
 * in an error summary and the rest combine. The files, agreed ratings and notes are kept in
 * the browser (<prefix>v1:combine) until the lead saves the result or starts again, so a
 * reload loses nothing; "Clear all my data" removes them, in every open tab.
 * The summary, file list and ratings table are drawn at once; the heatmap and each item's
 * evidence and agreement controls follow just after the first paint.
 * Logic is in lib/merge.js; every text shown comes from the page ([data-message]).
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var el = ui.el;
  var A = IOM.lib.assessment;
  var merge = IOM.lib.merge;
  var own = A.own;

  var MAX_ERRORS_PER_FILE = 3;
  var STATE = "combine";
  var ITEMS_PER_TASK = 2;
  var KEEP_DELAY = 250; // ms: the session is written once the page is drawn and quiet

  /** After the next paint: a frame, then a task. */
  function afterPaint(fn) {
    requestAnimationFrame(function () {
      setTimeout(fn, 0);
    });
  }

  function Combine($root) {
    this.$root = $root;
  }

  Combine.prototype.init = function () {
    var $root = this.$root;
    var self = this;
    this.t = ui.messages($root);
    this.infos = ui.instruments($root);
    this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix"));
    this.prefix = this.store.stateKey(STATE); // for ui.watch: the one key it keeps
    this.maxBytes = Number($root.getAttribute("data-max-bytes"));
    this.files = []; // lib/importer.js results, in the order added
    this.agreed = Object.create(null); // instrument id → item id → {rating, note}
    this.result = null;
    this.info = null;
    this.$select = $root.querySelector("[data-instrument-select]");
    this.$input = $root.querySelector("[data-combine-files]");
    this.$dropzone = $root.querySelector("[data-dropzone]");
    this.say = ui.status($root.querySelector("[data-status]"));
    this.errors = ui.errorSummary($root);

    $root.addEventListener("click", this.handleClick.bind(this));
    $root.addEventListener("input", this.handleInput.bind(this));
    $root.addEventListener("change", this.handleInput.bind(this));
    ["dragover", "dragenter", "dragleave", "drop"].forEach(function (type) {
      self.$dropzone.addEventListener(type, self.handleDrag.bind(self));
    });
    ui.watch(this);
    this.restore();
  };

  /* ---- the kept session ---- */

  /** The session of an earlier visit, checked like any file: what fails is left out. */
  Combine.prototype.restore = function () {
    var kept = this.store.getState(STATE);
    if (!A.isObject(kept) || !Array.isArray(own(kept, "files"))) return;
    var self = this;
    this.files = kept.files
      .filter(function (file) {
        return A.isObject(file) && typeof own(file, "name") === "string";
      })
      .map(function (file) {
        return { name: file.name, size: 0, value: own(file, "doc"), errors: [] };
      })
      .filter(function (file) {
        return merge.keepable(file, self.infos);
      });
    var agreed = own(kept, "agreed");
    Object.keys(this.infos).forEach(function (id) {
      var choices = own(agreed, id);
      if (!A.isObject(choices)) return;
      var map = (self.agreed[id] = Object.create(null));
      Object.keys(choices).forEach(function (item) {
        var rating = own(choices[item], "rating");
        var note = own(choices[item], "note");
        map[item] = { rating: typeof rating === "string" ? rating : "", note: typeof note === "string" ? note : "" };
      });
    });
    var meta = own(kept, "meta");
    var $meta = this.$root.querySelectorAll("[data-meta]");
    for (var m = 0; m < $meta.length; m++) {
      var value = own(meta, $meta[m].getAttribute("data-meta"));
      if (typeof value === "string") $meta[m].value = value;
    }
    var chosen = own(kept, "instrument");
    if (this.$select.tagName === "SELECT" && typeof chosen === "string" && (chosen === "" || this.infos[chosen])) this.$select.value = chosen;
    if (!this.files.length) return;
    this.update(false);
    var count = this.result ? this.countAgreed() : 0;
    this.say(this.t("restored", { count: this.files.length, agreed: count }));
  };

  /** Keep the session soon (flush keeps it at once: the page is being hidden or left). */
  Combine.prototype.keep = function () {
    clearTimeout(this.keepTimer);
    this.unkept = true;
    this.keepTimer = setTimeout(this.flush.bind(this), KEEP_DELAY);
  };

  Combine.prototype.flush = function () {
    clearTimeout(this.keepTimer);
    if (!this.unkept) return;
    this.unkept = false;
    var self = this;
    var files = this.files.filter(function (file) {
      return merge.keepable(file, self.infos);
    });
    if (!files.length && !Object.keys(this.agreed).length) {
      this.store.removeState(STATE);
      return;
    }
    var meta = {};
    var $meta = this.$root.querySelectorAll("[data-meta]");
    for (var i = 0; i < $meta.length; i++) meta[$meta[i].getAttribute("data-meta")] = $meta[i].value;
    var result = this.store.setState(STATE, {
      instrument: this.$select.value,
      files: files.map(function (file) {
        return { name: file.name, doc: file.value };
      }),
      agreed: this.agreed,
      meta: meta
    });
    var $status = this.$root.querySelector("[data-save-status]");
    if (!result.ok || !this.store.persistent) $status.textContent = this.t("keep-failed");
  };

  /** Storage changed in another tab: when "Clear all my data" removed the session, so here. */
  Combine.prototype.refresh = function (options) {
    if (!(options.cleared || (this.files.length && !this.store.getState(STATE)))) return;
    if (!this.files.length && !Object.keys(this.agreed).length) return;
    this.reset();
    if (!options.here) this.say(this.t("cleared-elsewhere"));
  };

  Combine.prototype.reset = function () {
    clearTimeout(this.keepTimer);
    this.unkept = false;
    this.files = [];
    this.agreed = Object.create(null);
    var $meta = this.$root.querySelectorAll("[data-meta]");
    for (var i = 0; i < $meta.length; i++) $meta[i].value = "";
    this.update(false);
  };

  /* ---- adding files ---- */

  Combine.prototype.handleFiles = function () {
    var list = this.$input.files;
    if (list && list.length) this.addFiles(list);
    this.$input.value = "";
  };

  Combine.prototype.handleDrag = function (event) {
    event.preventDefault();
    var over = event.type === "dragover" || event.type === "dragenter";
    this.$dropzone.classList.toggle("iom-dropzone--over", over);
    var list = event.type === "drop" && event.dataTransfer && event.dataTransfer.files;
    if (list && list.length) this.addFiles(list);
  };

  /** Read every file in `list` (a FileList or array of File), then combine again. */
  Combine.prototype.addFiles = function (list) {
    var self = this;
    return IOM.lib.assessmentCsv.readFiles(list, this.infos, this.maxBytes).then(function (files) {
      var firstNew = self.files.length;
      Array.prototype.push.apply(self.files, files);
      var sorted = self.update(firstNew);
      self.keep();
      // Counted over the files just added: those refused are named in the error summary.
      var accepted = sorted.status.slice(firstNew).filter(function (status) {
        return status.accepted;
      }).length;
      var words = { count: files.length, accepted: accepted, refused: files.length - accepted, instrument: self.info ? self.info.title : "–" };
      if (files.length === 1) self.say(self.t(accepted ? "read-one" : "read-one-refused", words));
      else self.say(self.t("read", words) + (accepted < files.length ? " " + self.t("read-refused", words) : ""));
    });
  };

  /* ---- commands ---- */

  Combine.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    var command = $button && $button.getAttribute("data-command");
    if (!command || !this.commands[command]) return;
    event.preventDefault();
    this.commands[command].call(this, $button);
  };

  Combine.prototype.commands = {
    "remove-file": function ($button) {
      var index = parseInt($button.getAttribute("data-index"), 10);
      var removed = this.files.splice(index, 1)[0];
      this.update(false);
      this.keep();
      if (removed) this.say(this.t("removed", { file: removed.name }));
      var $buttons = this.$root.querySelectorAll('[data-command="remove-file"]');
      ($buttons[Math.min(index, $buttons.length - 1)] || this.$input).focus();
    },
    "clear-files": function () {
      this.files = [];
      this.update(false);
      this.keep();
      this.say(this.t("cleared"));
      this.$input.focus();
    },
    "start-again": function () {
      var $confirm = this.$root.querySelector('[data-confirm="start-again"]');
      $confirm.hidden = false;
      $confirm.focus();
    },
    "start-again-confirm": function () {
      this.$root.querySelector('[data-confirm="start-again"]').hidden = true;
      this.reset();
      this.store.removeState(STATE);
      this.say(this.t("started-again"));
      this.$input.focus();
    },
    cancel: function () {
      this.$root.querySelector('[data-confirm="start-again"]').hidden = true;
      this.$root.querySelector('[data-command="start-again"]').focus();
    },
    "accept-unanimous": function () {
      var agreed = this.agreedFor(this.info.id);
      var unanimous = merge.unanimous(this.result);
      var count = 0;
      Object.keys(unanimous).forEach(function (id) {
        var choice = agreed[id] || (agreed[id] = { rating: "", note: "" });
        if (choice.rating) return; // a rating the lead chose stays
        choice.rating = unanimous[id];
        count++;
      });
      this.renderAgreedChoices();
      this.renderAgreedCount();
      this.keep();
      this.say(count ? this.t("accepted", { count: count }) : this.t("accepted-none"));
    },
    save: function () {
      var doc = this.consensus();
      var id = this.info.id;
      var uid = this.savedUid || this.store.newId();
      var result = this.store.save(id, uid, doc);
      var $status = this.$root.querySelector("[data-save-status]");
      if (!result.ok || !this.store.persistent) {
        $status.textContent = this.t("save-failed");
        return;
      }
      this.savedUid = uid;
      this.store.setCurrent(id, uid);
      // Saved: the result is an assessment of its own now, so the session is not kept.
      clearTimeout(this.keepTimer);
      this.unkept = false;
      this.store.removeState(STATE);
      $status.textContent = this.t("saved", { name: doc.name, instrument: this.info.title });
    },
    "export-json": function () {
      var doc = this.consensus();
      var name = this.fileBase(doc) + ".json";
      ui.download(name, "application/json", JSON.stringify(doc, null, 2) + "\n");
      this.$root.querySelector("[data-save-status]").textContent = this.t("downloaded", { file: name });
    },
    "export-csv": function () {
      var name = this.fileBase(this.consensus()) + ".csv";
      ui.download(name, "text/csv;charset=utf-8", this.csv());
      this.$root.querySelector("[data-save-status]").textContent = this.t("downloaded", { file: name });
    }
  };

  Combine.prototype.handleInput = function (event) {
    var $target = event.target;
    if ($target === this.$input) {
      if (event.type === "change") this.handleFiles();
      return;
    }
    if ($target === this.$select) {
      if (event.type === "change") {
        this.update(false);
        this.keep();
      }
      return;
    }
    if ($target.hasAttribute("data-meta")) {
      if (event.type === "input") this.keep();
      return;
    }
    var kind = $target.getAttribute("data-agree");
    if (!kind || !this.info) return;
    var id = $target.closest("[data-combine-item]").getAttribute("data-combine-item");
    var agreed = this.agreedFor(this.info.id);
    agreed[id] = agreed[id] || { rating: "", note: "" };
    agreed[id][kind] = $target.value;
    this.renderAgreedCount();
    this.keep();
  };

  Combine.prototype.agreedFor = function (instrumentId) {
    if (!this.agreed[instrumentId]) this.agreed[instrumentId] = Object.create(null);
    return this.agreed[instrumentId];
  };

  /* ---- combining ---- */

  /**
   * Sort the files, combine the accepted ones and show everything. `focusFrom`: the index of
   * the first file just added, when the error summary should take focus for a problem with
   * one of those (not for one the user has already been told of).
   */
  Combine.prototype.update = function (focusFrom) {
    var sorted = merge.sortFiles(this.files, this.infos, this.$select.value, { duplicates: true });
    var moveFocus =
      typeof focusFrom === "number" &&
      sorted.status.slice(focusFrom).some(function (status) {
        return !status.accepted;
      });
    var info = (this.info = this.infos[sorted.instrumentId] || null);
    this.sorted = sorted;
    // Only a file from an earlier version of the form needs its answers moved (and a report).
    this.reports = sorted.accepted.map(function (file) {
      return A.isEarlierVersion(file.doc, info) ? IOM.lib.migrate.migrateWithReport(file.doc, info) : null;
    });
    this.result = null;
    if (info && sorted.accepted.length) {
      this.result = merge.combine(
        sorted.accepted.map(function (file) {
          return file.doc;
        }),
        info,
        { fallbackName: this.t("agency-n") }
      );
    }
    this.renderErrors(sorted.rejected, moveFocus);
    this.renderFiles();
    this.renderResults();
    return sorted;
  };

  Combine.prototype.renderErrors = function (rejected, moveFocus) {
    var self = this;
    var href = "#" + this.$input.id;
    var errors = [];
    rejected.forEach(function (file) {
      Array.prototype.push.apply(errors, ui.fileErrors(self.t, file.name, file.errors, href, MAX_ERRORS_PER_FILE));
    });
    if (errors.length) this.errors.show(this.t("error-title"), errors, moveFocus);
    else this.errors.hide();
  };

  Combine.prototype.renderFiles = function () {
    var self = this;
    var $list = this.$root.querySelector("[data-file-list]");
    ui.empty($list);
    this.files.forEach(function (file, index) {
      var status = self.sorted.status[index];
      var text = status.accepted ? file.name : self.t("file-line-refused", { file: file.name });
      if (status.accepted && self.result) {
        text = self.t("file-line", { file: file.name, agency: self.result.agencies[status.index].name });
        var report = self.reports[status.index];
        if (report) {
          text += " " + self.t("migrated", { file: file.name, from: report.fromVersion, moved: report.moved.length, earlier: report.earlier.length });
        }
      }
      var $li = el("li", "iom-file-list__item");
      $li.appendChild(el("span", "iom-file-list__name", text));
      var $remove = el("button", "iom-button iom-button--secondary iom-button--small", self.t("remove-file"));
      $remove.type = "button";
      $remove.setAttribute("data-command", "remove-file");
      $remove.setAttribute("data-index", String(index));
      $remove.appendChild(el("span", "iom-visually-hidden", self.t("remove-file-hidden", { file: file.name })));
      $li.appendChild(document.createTextNode(" "));
      $li.appendChild($remove);
      $list.appendChild($li);
    });
    this.$root.querySelector("[data-file-box]").hidden = !this.files.length;
  };

  /* ---- results ---- */

  Combine.prototype.renderResults = function () {
    var result = this.result;
    var has = !!result;
    var $root = this.$root;
    ["[data-results]", "[data-save]", "[data-accept]"].forEach(function (selector) {
      $root.querySelector(selector).hidden = !has;
    });
    ["[data-results-empty]", "[data-disagree-empty]", "[data-items-empty]", "[data-save-empty]"].forEach(function (selector) {
      $root.querySelector(selector).hidden = has;
    });
    this.itemsDrawn = (this.itemsDrawn || 0) + 1; // a later update stops an earlier drawing
    $root.removeAttribute("data-items-ready");
    if (!has) {
      ["[data-disagree-list]", "[data-items]", "[data-heatmap]", "[data-ratings-head]", "[data-ratings-body]"].forEach(function (selector) {
        ui.empty($root.querySelector(selector));
      });
      return;
    }
    this.levels = ui.levels(this.info, this.t);
    var summary = this.t(result.agencies.length === 1 ? "summary-one" : "summary", {
      agencies: result.agencies.length,
      items: result.items.length,
      noun: this.info.noun,
      disagree: result.disagreements
    });
    if (result.agencies.length < 2) summary += " " + this.t("need-two");
    $root.querySelector("[data-results-summary]").textContent = summary;
    this.renderTable();
    this.renderDisagreements();
    this.renderAgreedCount();
    this.renderLater();
  };

  /**
   * Rows of items, columns of agencies; every cell names the rating beside its colour. A CSS
   * grid of page text (partnership.css), so agency names wrap whole and every word keeps the
   * page's size and a reader's text spacing; with many agencies it scrolls in its region, the
   * item ids staying in view.
   */
  Combine.prototype.renderHeatmap = function () {
    var self = this;
    var result = this.result;
    var $canvas = this.$root.querySelector("[data-heatmap]");
    ui.empty($canvas);
    var $grid = el("div", "iom-heatmap__grid");
    $grid.setAttribute("role", "img");
    $grid.setAttribute("aria-label", this.t("heatmap-label", { items: result.items.length, noun: this.info.noun, agencies: result.agencies.length }));
    $grid.style.gridTemplateColumns = "auto repeat(" + result.agencies.length + ", minmax(5.5rem, 9rem))";
    $grid.appendChild(el("span", "iom-heatmap__corner"));
    result.agencies.forEach(function (agency) {
      $grid.appendChild(el("span", "iom-heatmap__head", agency.name));
    });
    result.items.forEach(function (item) {
      var flag = item.disagree ? " iom-heatmap__label--flag" : "";
      $grid.appendChild(el("span", "iom-heatmap__label" + flag, item.id + (item.disagree ? " ≠" : "")));
      item.ratings.forEach(function (rating) {
        $grid.appendChild(el("span", "iom-heatmap__cell iom-heatmap__cell--" + self.levels.tone(rating), self.levels.label(rating)));
      });
    });
    $canvas.appendChild($grid);
  };

  Combine.prototype.spreadText = function (item) {
    if (item.spread === null) return this.t("spread-none");
    if (item.spread === 0) return this.t("spread-same");
    if (item.spread === 1) return this.t("spread-level");
    return this.t("spread-levels", { n: item.spread });
  };

  Combine.prototype.flagText = function (item) {
    var self = this;
    if (!item.flags.length) return this.t("flag-none");
    return item.flags
      .map(function (flag) {
        return self.t("flag-" + flag);
      })
      .join("; ");
  };

  function headCell(text) {
    var $th = el("th", "", text);
    $th.scope = "col";
    return $th;
  }

  Combine.prototype.renderTable = function () {
    var self = this;
    var result = this.result;
    var $table = this.$root.querySelector("[data-ratings-table]");
    $table.querySelector("[data-ratings-caption]").textContent = this.t("ratings-caption", { noun: this.info.noun });
    var $head = $table.querySelector("[data-ratings-head]");
    var $body = $table.querySelector("[data-ratings-body]");
    ui.empty($head);
    var $tr = el("tr");
    $tr.appendChild(headCell(this.t("col-item")));
    result.agencies.forEach(function (agency) {
      $tr.appendChild(headCell(agency.name));
    });
    $tr.appendChild(headCell(this.t("col-spread")));
    $tr.appendChild(headCell(this.t("col-flag")));
    $head.appendChild($tr);
    var rows = document.createDocumentFragment();
    result.items.forEach(function (item) {
      var $row = el("tr", item.disagree ? "iom-combine__row--flag" : "");
      $row.setAttribute("data-item-row", item.id);
      var $th = el("th");
      $th.scope = "row";
      var $a = el("a", "", item.id);
      $a.href = "#combine-" + A.anchor(item.id);
      $th.appendChild($a);
      $th.appendChild(document.createTextNode(" " + item.title));
      $row.appendChild($th);
      item.ratings.forEach(function (rating, a) {
        var $td = el("td");
        $td.setAttribute("data-agency", String(a));
        $td.setAttribute("data-rating", rating || "");
        $td.appendChild(self.levels.tag(rating));
        $row.appendChild($td);
      });
      var $spread = el("td", "", self.spreadText(item));
      $spread.setAttribute("data-spread", item.spread === null ? "" : String(item.spread));
      $row.appendChild($spread);
      var $flag = el("td", "", item.disagree ? null : self.flagText(item));
      $flag.setAttribute("data-flags", item.flags.join(" "));
      if (item.disagree) $flag.appendChild(el("strong", "iom-flag", self.flagText(item)));
      $row.appendChild($flag);
      rows.appendChild($row);
    });
    ui.empty($body);
    $body.appendChild(rows);
  };

  Combine.prototype.renderDisagreements = function () {
    var self = this;
    var $list = this.$root.querySelector("[data-disagree-list]");
    ui.empty($list);
    var flagged = this.result.items.filter(function (item) {
      return item.disagree;
    });
    var $empty = this.$root.querySelector("[data-disagree-empty]");
    $empty.hidden = flagged.length > 0;
    $empty.textContent = this.t("flag-none");
    flagged.forEach(function (item) {
      var $li = el("li");
      $li.setAttribute("data-disagree-item", item.id);
      var $a = el("a", "", item.id + " " + item.title);
      $a.href = "#combine-" + A.anchor(item.id);
      $li.appendChild($a);
      var words = item.ratings
        .map(function (rating, a) {
          return self.result.agencies[a].name + ": " + self.levels.label(rating);
        })
        .join(", ");
      $li.appendChild(document.createTextNode(" – " + self.flagText(item) + " (" + words + ")"));
      $list.appendChild($li);
    });
    var byAgency = {};
    this.result.earlier.forEach(function (e) {
      (byAgency[e.agency] = byAgency[e.agency] || []).push(e.id);
    });
    var $summary = this.$root.querySelector("[data-results-summary]");
    Object.keys(byAgency).forEach(function (a) {
      $summary.appendChild(el("span", "iom-combine__earlier", " " + self.t("earlier", { agency: self.result.agencies[a].name, ids: byAgency[a].join(", ") })));
    });
  };

  /**
   * What the table's first paint need not wait for, drawn just after it: the heatmap, then
   * each item's evidence and agreement controls, a few items a task. (With many agencies they
   * are large and, below the file list, off screen at first.)
   */
  Combine.prototype.renderLater = function () {
    var self = this;
    var drawing = this.itemsDrawn;
    var $items = this.$root.querySelector("[data-items]");
    var items = this.result.items;
    var next = 0;
    ui.empty($items);
    ui.empty(this.$root.querySelector("[data-heatmap]"));
    function drawSome() {
      if (drawing !== self.itemsDrawn) return; // the files changed meanwhile
      var fragment = document.createDocumentFragment();
      for (var end = Math.min(next + ITEMS_PER_TASK, items.length); next < end; next++) fragment.appendChild(self.itemSection(items[next]));
      $items.appendChild(fragment);
      if (next < items.length) setTimeout(drawSome, 0);
      else self.$root.setAttribute("data-items-ready", "");
    }
    afterPaint(function () {
      if (drawing !== self.itemsDrawn) return;
      self.renderHeatmap();
      setTimeout(drawSome, 0);
    });
  };

  function slot($item, name) {
    return $item.querySelector('[data-slot="' + name + '"]');
  }

  Combine.prototype.itemSection = function (item) {
    var self = this;
    var info = this.info;
    var $item = this.$root.querySelector("[data-item-template]").content.querySelector("[data-combine-item]").cloneNode(true);
    var key = "combine-" + A.anchor(item.id);
    $item.setAttribute("data-combine-item", item.id);
    $item.id = key;
    if (item.disagree) $item.classList.add("iom-combine__item--flag");
    var $heading = el("h3", "iom-combine__item-title");
    $heading.appendChild(el("span", "iom-item__id", item.id));
    $heading.appendChild(document.createTextNode(" " + item.title));
    var $place = slot($item, "heading");
    $place.parentNode.replaceChild($heading, $place);
    slot($item, "caption-id").textContent = " " + item.id;
    var $labelIds = $item.querySelectorAll('[data-slot="label-id"]');
    for (var i = 0; i < $labelIds.length; i++) $labelIds[i].textContent = item.id;
    var values = this.values();
    var counts = [];
    values.forEach(function (value) {
      if (item.counts[value]) counts.push(self.t("count", { label: self.levels.label(value), n: item.counts[value] }));
    });
    if (item.unrated) counts.push(self.t("count", { label: self.t("not-rated"), n: item.unrated }));
    // The spread needs two ratings: with fewer, the table's "–" would read as a stray dash.
    var line = counts.join(", ") + "." + (item.spread === null ? "" : " " + self.spreadText(item) + ".");
    if (item.common.length) line += " " + self.t("common", { labels: item.common.map(self.levels.label).join(", ") }) + ".";
    var $ratings = slot($item, "ratings");
    $ratings.textContent = line;
    if (item.disagree) {
      $ratings.appendChild(document.createTextNode(" "));
      $ratings.appendChild(el("strong", "iom-flag", self.flagText(item)));
    }
    this.fillEvidence($item, item);
    var $select = $item.querySelector('[data-agree="rating"]');
    var $note = $item.querySelector('[data-agree="note"]');
    $select.id = key + "-agreed";
    $note.id = key + "-note";
    slot($item, "rating-label").setAttribute("for", $select.id);
    slot($item, "note-label").setAttribute("for", $note.id);
    var $none = el("option", "", self.t("not-agreed"));
    $none.value = "";
    $select.appendChild($none);
    values.forEach(function (value) {
      var $option = el("option", "", self.levels.label(value));
      $option.value = value;
      $select.appendChild($option);
    });
    var choice = this.agreedFor(info.id)[item.id] || {};
    $select.value = choice.rating || "";
    $note.value = choice.note || "";
    return $item;
  };

  /** The ratings in the form's own order (best last, as on the assessment pages), then N/A. */
  Combine.prototype.values = function () {
    var values = this.info.levels.map(function (level) {
      return level.value;
    });
    if (this.info.na) values.push(A.NA);
    return values;
  };

  Combine.prototype.fillEvidence = function ($item, item) {
    var self = this;
    var info = this.info;
    var $tr = el("tr");
    $tr.appendChild(headCell(this.t("col-agency")));
    $tr.appendChild(headCell(this.t("col-rating")));
    info.fields.forEach(function (key) {
      $tr.appendChild(headCell(info.fieldLabels[key] || key));
    });
    slot($item, "evidence-head").appendChild($tr);
    var byAgency = {};
    item.answers.forEach(function (answer) {
      byAgency[answer.agency] = answer;
    });
    var $body = slot($item, "evidence-body");
    this.result.agencies.forEach(function (agency, a) {
      var answer = byAgency[a];
      var $row = el("tr");
      var $th = el("th", "", agency.name);
      $th.scope = "row";
      $row.appendChild($th);
      var $rating = el("td");
      $rating.appendChild(self.levels.tag(item.ratings[a]));
      if (answer && answer.na_reason) $rating.appendChild(el("p", "iom-combine__reason", self.t("na-reason", { reason: answer.na_reason })));
      $row.appendChild($rating);
      info.fields.forEach(function (key, f) {
        var $td = el("td", "iom-pre", answer ? answer.fields[key] : "");
        if (f === info.fields.length - 1 && answer && answer.actions.length) {
          var list = answer.actions
            .map(function (x) {
              return [x.action, x.owner, x.due].filter(A.hasText).join(" – ");
            })
            .join("; ");
          $td.appendChild(el("p", "iom-combine__actions", self.t("actions", { list: list })));
        }
        $row.appendChild($td);
      });
      $body.appendChild($row);
    });
  };

  /** After "accept": the agreed-rating lists already drawn show the choices. */
  Combine.prototype.renderAgreedChoices = function () {
    var agreed = this.agreedFor(this.info.id);
    var $selects = this.$root.querySelectorAll('[data-agree="rating"]');
    for (var i = 0; i < $selects.length; i++) {
      var choice = agreed[$selects[i].closest("[data-combine-item]").getAttribute("data-combine-item")];
      $selects[i].value = (choice && choice.rating) || "";
    }
  };

  Combine.prototype.countAgreed = function () {
    var agreed = this.agreedFor(this.info.id);
    return this.result.items.filter(function (item) {
      return agreed[item.id] && agreed[item.id].rating;
    }).length;
  };

  Combine.prototype.renderAgreedCount = function () {
    if (!this.result) return;
    this.$root.querySelector("[data-agreed-count]").textContent = this.t("agreed-count", {
      agreed: this.countAgreed(),
      total: this.result.items.length,
      noun: this.info.noun
    });
  };

  /* ---- saving and downloads ---- */

  Combine.prototype.meta = function () {
    var meta = {};
    var $fields = this.$root.querySelectorAll("[data-meta]");
    for (var i = 0; i < $fields.length; i++) meta[$fields[i].getAttribute("data-meta")] = $fields[i].value.trim();
    var names = this.result.agencies.map(function (a) {
      return a.name;
    });
    if (!meta.name) meta.name = this.t("default-name", { agencies: names.join(", ") });
    if (!meta.partnership) {
      meta.partnership =
        this.result.agencies
          .map(function (a) {
            return a.partnership;
          })
          .filter(Boolean)[0] || "";
    }
    if (!meta.agency) meta.agency = this.t("combined-agency", { count: names.length });
    meta.completedBy = meta.agency;
    meta.labels = { agreed: this.t("agreed") };
    return meta;
  };

  /** The combined result as a saved-assessment document. */
  Combine.prototype.consensus = function () {
    return merge.consensusDoc(this.result, this.agreedFor(this.info.id), this.info, this.meta());
  };

  Combine.prototype.fileBase = function (doc) {
    var day = A.isDate(doc.date) ? doc.date : new Date().toISOString().slice(0, 10);
    return this.info.id + "-" + (A.slug(doc.name || doc.partnership) || "combined") + "-" + day;
  };

  Combine.prototype.csv = function () {
    var self = this;
    var result = this.result;
    var agreed = this.agreedFor(this.info.id);
    var header = [this.t("csv-section"), this.t("csv-id"), this.t("csv-item")];
    result.agencies.forEach(function (a) {
      header.push(a.name);
    });
    header.push(this.t("csv-spread"), this.t("csv-flag"), this.t("csv-agreed"), this.t("csv-note"));
    var rows = [header];
    result.sections.forEach(function (section) {
      result.items.forEach(function (item) {
        if (item.section !== section.id) return;
        var choice = agreed[item.id] || {};
        var row = [section.title, item.id, item.title];
        item.ratings.forEach(function (rating) {
          row.push(rating ? self.levels.label(rating) : "");
        });
        row.push(item.spread === null ? "" : item.spread);
        row.push(item.disagree ? self.flagText(item) : self.t("no"));
        row.push(choice.rating ? self.levels.label(choice.rating) : "");
        row.push(choice.note || "");
        rows.push(row);
      });
    });
    return IOM.lib.csv.build(rows);
  };

  IOM.components["iom-combine"] = Combine;
})();
