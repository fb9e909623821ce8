/*
 * Combine agencies' assessments: read several downloaded files (file picker or drag and drop),
 * show each agency's rating per item as a heatmap and a table with the spread and disagreement
 * flags, every agency's evidence side by side, and let the lead record an agreed rating and
 * note per item. The result is saved as an assessment of its own and downloaded (JSON, CSV).
 * Files for another instrument, or unreadable, are named in an error summary; the rest combine.
 * Logic is in lib/merge.js; every text shown comes from the page ([data-message]).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.components = IOM.components || {};

  var MAX_ERRORS_PER_FILE = 3;

  var el = IOM.dom.el;
  var svg = IOM.dom.svg;
  var empty = IOM.dom.empty;
  var download = IOM.dom.download;

  function anchor(id) {
    return String(id).toLowerCase().replace(/\./g, "-");
  }

  function readMessages($root) {
    var messages = {};
    var $messages = $root.querySelectorAll(".iom-templates [data-message]");
    for (var i = 0; i < $messages.length; i++) {
      messages[$messages[i].getAttribute("data-message")] = $messages[i].textContent;
    }
    return messages;
  }

  function readInstruments($root) {
    var infos = {};
    var order = [];
    var $blocks = $root.querySelectorAll("[data-instrument-info]");
    for (var i = 0; i < $blocks.length; i++) {
      var info = JSON.parse($blocks[i].content.textContent);
      infos[info.id] = info;
      order.push(info.id);
    }
    return { infos: infos, order: order };
  }


  function Combine($root) {
    this.$root = $root;
    this.moduleName = "iom-combine";
  }

  Combine.prototype.init = function () {
    var $root = this.$root;
    this.messages = readMessages($root);
    var found = readInstruments($root);
    this.infos = found.infos;
    this.store = IOM.lib.store.open($root.getAttribute("data-storage-prefix"));
    this.files = []; // {name, size, text} in the order added
    this.agreed = {}; // instrument id → item id → {rating, note}
    this.savedUid = {}; // instrument id → uid of the combined assessment saved this visit
    this.result = null;
    this.info = null;
    this.$select = $root.querySelector("[data-instrument-select]");
    this.$input = $root.querySelector("[data-combine-files]");
    this.$dropzone = $root.querySelector("[data-dropzone]");
    this.$status = $root.querySelector("[data-status]");

    this.handleFiles = this.handleFiles.bind(this);
    this.handleClick = this.handleClick.bind(this);
    this.handleChange = this.handleChange.bind(this);
    this.handleDrag = this.handleDrag.bind(this);
    this.handleDrop = this.handleDrop.bind(this);
    this.$input.addEventListener("change", this.handleFiles);
    $root.addEventListener("click", this.handleClick);
    $root.addEventListener("input", this.handleChange);
    $root.addEventListener("change", this.handleChange);
    if (this.$dropzone) {
      this.$dropzone.addEventListener("dragover", this.handleDrag);
      this.$dropzone.addEventListener("dragenter", this.handleDrag);
      this.$dropzone.addEventListener("dragleave", this.handleDrag);
      this.$dropzone.addEventListener("drop", this.handleDrop);
    }
    IOM.combineView = this; // for tests and the benchmark
  };

  /** A message with {placeholders} filled in. */
  Combine.prototype.t = function (key, values) {
    var text = this.messages[key] || key;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  };

  /* ---- adding files ---- */

  Combine.prototype.handleFiles = function () {
    var list = this.$input.files;
    if (list && list.length) this.addFiles(list);
    this.$input.value = "";
  };

  Combine.prototype.handleDrag = function (event) {
    event.preventDefault();
    this.$dropzone.classList.toggle("iom-dropzone--over", event.type !== "dragleave");
  };

  Combine.prototype.handleDrop = function (event) {
    event.preventDefault();
    this.$dropzone.classList.remove("iom-dropzone--over");
    var list = event.dataTransfer && event.dataTransfer.files;
    if (list && list.length) this.addFiles(list);
  };

  /** Read every file in `list` (a FileList or array of File), then combine again. */
  Combine.prototype.addFiles = function (list) {
    var self = this;
    var MAX = IOM.lib.assessment.MAX_BYTES;
    var reads = Array.prototype.map.call(list, function (file) {
      // A file too large is not read: its size alone says why it is left out.
      var text = file.size > MAX ? Promise.resolve("") : file.text();
      return text.then(
        function (content) {
          return { name: file.name, size: file.size, text: content };
        },
        function () {
          return { name: file.name, size: file.size, text: "" };
        }
      );
    });
    return Promise.all(reads).then(function (files) {
      Array.prototype.push.apply(self.files, files);
      var sorted = self.update(true);
      var info = self.infos[sorted.instrumentId];
      self.announce(
        self.t("read", {
          count: files.length,
          accepted: sorted.accepted.length,
          instrument: info ? info.title : "–"
        })
      );
    });
  };

  Combine.prototype.announce = function (text) {
    if (this.$status) this.$status.textContent = text;
  };

  /* ---- commands ---- */

  Combine.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    if (!$button || !this.$root.contains($button)) return;
    var command = $button.getAttribute("data-command");
    if (!this.commands[command]) return;
    event.preventDefault();
    this.commands[command].call(this, $button);
  };

  Combine.prototype.commands = {
    "remove-file": function ($button) {
      var index = parseInt($button.getAttribute("data-index"), 10);
      var removed = this.files.splice(index, 1)[0];
      this.update(false);
      if (removed) this.announce(this.t("removed", { file: removed.name }));
      var $buttons = this.$root.querySelectorAll('[data-command="remove-file"]');
      ($buttons[Math.min(index, $buttons.length - 1)] || this.$input).focus();
    },
    "clear-files": function () {
      this.files = [];
      this.update(false);
      this.announce(this.t("cleared"));
      this.$input.focus();
    },
    save: function () {
      var doc = this.consensus();
      if (!doc) return;
      var id = this.info.id;
      var uid = this.savedUid[id] || this.store.newId();
      var result = this.store.save(id, uid, doc);
      var $status = this.$root.querySelector("[data-save-status]");
      if (!result.ok || !this.store.persistent) {
        $status.textContent = this.t("save-failed");
        return;
      }
      this.savedUid[id] = uid;
      this.store.setCurrent(id, uid);
      $status.textContent = this.t("saved", { name: doc.name, instrument: this.info.title });
    },
    "export-json": function () {
      var doc = this.consensus();
      if (!doc) return;
      var name = this.fileBase(doc) + ".json";
      download(name, "application/json", JSON.stringify(doc, null, 2) + "\n");
      this.$root.querySelector("[data-save-status]").textContent = this.t("downloaded", { file: name });
    },
    "export-csv": function () {
      var doc = this.consensus();
      if (!doc) return;
      var name = this.fileBase(doc) + ".csv";
      download(name, "text/csv;charset=utf-8", this.csv());
      this.$root.querySelector("[data-save-status]").textContent = this.t("downloaded", { file: name });
    }
  };

  Combine.prototype.handleChange = function (event) {
    var $target = event.target;
    if ($target === this.$select) {
      if (event.type === "change") this.update(false);
      return;
    }
    var kind = $target.getAttribute("data-agree");
    if (!kind || !this.info) return;
    var id = $target.closest("[data-combine-item]").getAttribute("data-combine-item");
    var agreed = this.agreedFor(this.info.id);
    agreed[id] = agreed[id] || { rating: "", note: "" };
    agreed[id][kind] = $target.value;
    this.renderAgreedCount();
  };

  Combine.prototype.agreedFor = function (instrumentId) {
    if (!this.agreed[instrumentId]) this.agreed[instrumentId] = {};
    return this.agreed[instrumentId];
  };

  /* ---- combining ---- */

  /** Sort the files, combine the accepted ones and show everything. */
  Combine.prototype.update = function (moveFocus) {
    var chosen = this.$select ? this.$select.value : "";
    var sorted = IOM.lib.merge.sortFiles(this.files, this.infos, chosen);
    this.sorted = sorted;
    this.info = this.infos[sorted.instrumentId] || null;
    this.reports = sorted.accepted.map(function (file) {
      return IOM.lib.migrate.migrateWithReport(file.doc, this.info);
    }, this);
    this.result = null;
    if (this.info && sorted.accepted.length) {
      this.result = IOM.lib.merge.combine(
        sorted.accepted.map(function (file) {
          return file.doc;
        }),
        this.info,
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
    var $summary = this.$root.querySelector("[data-error-summary]");
    var $list = $summary.querySelector("[data-error-list]");
    empty($list);
    rejected.forEach(function (file) {
      var shown = file.errors.slice(0, MAX_ERRORS_PER_FILE);
      shown.forEach(function (error) {
        var values = { file: file.name };
        Object.keys(error).forEach(function (key) {
          values[key] = error[key];
        });
        self.addError($list, self.t("file-" + error.code, values));
      });
      if (file.errors.length > MAX_ERRORS_PER_FILE) {
        self.addError($list, self.t("file-more", { file: file.name, count: file.errors.length - MAX_ERRORS_PER_FILE }));
      }
    });
    $summary.querySelector("[data-error-title]").textContent = this.t("error-title");
    $summary.hidden = !rejected.length;
    if (rejected.length && moveFocus) {
      $summary.focus();
      $summary.scrollIntoView({ block: "start" });
    }
  };

  Combine.prototype.addError = function ($list, message) {
    var $li = el("li");
    var $a = el("a", "", message);
    $a.href = "#" + this.$input.id;
    $li.appendChild($a);
    $list.appendChild($li);
  };

  Combine.prototype.renderFiles = function () {
    var self = this;
    var $box = this.$root.querySelector("[data-file-box]");
    var $list = this.$root.querySelector("[data-file-list]");
    empty($list);
    this.files.forEach(function (file, index) {
      var $li = el("li", "iom-file-list__item");
      var status = self.sorted.status[index];
      var text = file.name;
      if (status && status.accepted && self.result) {
        text = self.t("file-line", { file: file.name, agency: self.result.agencies[status.index].name });
        var report = self.reports[status.index];
        if (report && report.fromVersion !== undefined && report.fromVersion !== self.info.version) {
          text += " " + self.t("migrated", {
            file: file.name,
            from: report.fromVersion,
            moved: report.moved.length,
            earlier: report.earlier.length
          });
        }
      }
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
    $box.hidden = !this.files.length;
  };

  /* ---- results ---- */

  Combine.prototype.renderResults = function () {
    var result = this.result;
    var has = !!result;
    var $root = this.$root;
    $root.querySelector("[data-results]").hidden = !has;
    $root.querySelector("[data-results-empty]").hidden = has;
    $root.querySelector("[data-disagree-empty]").hidden = has;
    $root.querySelector("[data-items-empty]").hidden = has;
    $root.querySelector("[data-save-empty]").hidden = has;
    $root.querySelector("[data-save]").hidden = !has;
    if (!has) {
      empty($root.querySelector("[data-disagree-list]"));
      empty($root.querySelector("[data-items]"));
      empty($root.querySelector("[data-heatmap]"));
      return;
    }
    var info = this.info;
    var summary = this.t("summary", {
      agencies: result.agencies.length,
      items: result.items.length,
      noun: info.noun,
      disagree: result.disagreements
    });
    if (result.agencies.length < 2) summary += " " + this.t("need-two");
    $root.querySelector("[data-results-summary]").textContent = summary;
    this.renderHeatmap();
    this.renderTable();
    this.renderDisagreements();
    this.renderItems();
    this.renderAgreedCount();
  };

  Combine.prototype.levelOf = function (value) {
    var levels = this.info.levels;
    for (var i = 0; i < levels.length; i++) if (levels[i].value === value) return levels[i];
    return null;
  };

  Combine.prototype.label = function (value) {
    if (value === null || value === undefined || value === "") return this.t("not-rated");
    return this.info.labels[value] || value;
  };

  Combine.prototype.tone = function (value) {
    if (value === null || value === undefined || value === "") return "none";
    var level = this.levelOf(value);
    return level ? level.tone : "grey";
  };

  /** A rating as a tag with its word (colour is never the only signal). */
  Combine.prototype.tag = function (value) {
    return el("span", "iom-level-tag iom-level-tag--" + this.tone(value), this.label(value));
  };

  Combine.prototype.renderHeatmap = function () {
    var result = this.result;
    var $canvas = this.$root.querySelector("[data-heatmap]");
    empty($canvas);
    var cellW = 104;
    var cellH = 26;
    var labelW = 96;
    var headH = 110;
    // Room on the right for the last agency's slanted name.
    var width = labelW + cellW * result.agencies.length + 90;
    var height = headH + cellH * result.items.length + 4;
    var $svg = svg("svg", {
      class: "iom-heatmap__svg",
      viewBox: "0 0 " + width + " " + height,
      width: width,
      height: height,
      role: "img",
      "aria-label": this.t("heatmap-label", { items: result.items.length, noun: this.info.noun, agencies: result.agencies.length })
    });
    var self = this;
    result.agencies.forEach(function (agency, a) {
      var x = labelW + a * cellW + cellW / 2;
      var name = agency.name.length > 18 ? agency.name.slice(0, 17) + "…" : agency.name;
      $svg.appendChild(
        svg("text", { class: "iom-heatmap__head", x: x, y: headH - 8, transform: "rotate(-35 " + x + " " + (headH - 8) + ")" }, name)
      );
    });
    result.items.forEach(function (item, row) {
      var y = headH + row * cellH;
      var $label = svg("text", { class: "iom-heatmap__label" + (item.disagree ? " iom-heatmap__label--flag" : ""), x: 4, y: y + cellH / 2 + 4 }, item.id + (item.disagree ? " ≠" : ""));
      $svg.appendChild($label);
      item.ratings.forEach(function (rating, a) {
        var $g = svg("g", { class: "iom-heatmap__cell iom-heatmap__cell--" + self.tone(rating) });
        $g.appendChild(svg("rect", { x: labelW + a * cellW + 1, y: y + 1, width: cellW - 2, height: cellH - 2 }));
        $g.appendChild(
          svg("text", { x: labelW + a * cellW + cellW / 2, y: y + cellH / 2 + 4, "text-anchor": "middle" }, self.label(rating))
        );
        $svg.appendChild($g);
      });
    });
    $canvas.appendChild($svg);
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

  Combine.prototype.renderTable = function () {
    var self = this;
    var result = this.result;
    var $table = this.$root.querySelector("[data-ratings-table]");
    $table.querySelector("[data-ratings-caption]").textContent = this.t("ratings-caption", { noun: this.info.noun });
    var $head = $table.querySelector("[data-ratings-head]");
    var $body = $table.querySelector("[data-ratings-body]");
    empty($head);
    empty($body);
    var $tr = el("tr");
    $tr.appendChild(headCell(this.t("col-item")));
    result.agencies.forEach(function (agency) {
      $tr.appendChild(headCell(agency.name));
    });
    $tr.appendChild(headCell(this.t("col-spread")));
    $tr.appendChild(headCell(this.t("col-flag")));
    $head.appendChild($tr);
    result.items.forEach(function (item) {
      var $row = el("tr");
      $row.setAttribute("data-item-row", item.id);
      if (item.disagree) $row.className = "iom-combine__row--flag";
      var $th = el("th");
      $th.scope = "row";
      var $a = el("a", "", item.id);
      $a.href = "#combine-" + anchor(item.id);
      $th.appendChild($a);
      $th.appendChild(document.createTextNode(" " + item.title));
      $row.appendChild($th);
      item.ratings.forEach(function (rating, a) {
        var $td = el("td");
        $td.setAttribute("data-agency", String(a));
        $td.setAttribute("data-rating", rating || "");
        $td.appendChild(self.tag(rating));
        $row.appendChild($td);
      });
      var $spread = el("td", "", self.spreadText(item));
      $spread.setAttribute("data-spread", item.spread === null ? "" : String(item.spread));
      $row.appendChild($spread);
      var $flag = el("td");
      $flag.setAttribute("data-flags", item.flags.join(" "));
      if (item.disagree) {
        $flag.appendChild(el("strong", "iom-flag", self.flagText(item)));
      } else {
        $flag.textContent = self.flagText(item);
      }
      $row.appendChild($flag);
      $body.appendChild($row);
    });
  };

  function headCell(text) {
    var $th = el("th", "", text);
    $th.scope = "col";
    return $th;
  }

  Combine.prototype.renderDisagreements = function () {
    var self = this;
    var $list = this.$root.querySelector("[data-disagree-list]");
    empty($list);
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
      $a.href = "#combine-" + anchor(item.id);
      $li.appendChild($a);
      var words = item.ratings
        .map(function (rating, a) {
          return self.result.agencies[a].name + ": " + self.label(rating);
        })
        .join(", ");
      $li.appendChild(document.createTextNode(" – " + self.flagText(item) + " (" + words + ")"));
      $list.appendChild($li);
    });
    if (this.result.earlier.length) this.renderEarlier();
  };

  Combine.prototype.renderEarlier = function () {
    var self = this;
    var byAgency = {};
    this.result.earlier.forEach(function (e) {
      (byAgency[e.agency] = byAgency[e.agency] || []).push(e.id);
    });
    var $summary = this.$root.querySelector("[data-results-summary]");
    Object.keys(byAgency).forEach(function (a) {
      $summary.appendChild(
        el("span", "iom-combine__earlier", " " + self.t("earlier", { agency: self.result.agencies[a].name, ids: byAgency[a].join(", ") }))
      );
    });
  };

  Combine.prototype.renderItems = function () {
    var self = this;
    var info = this.info;
    var result = this.result;
    var agreed = this.agreedFor(info.id);
    var $items = this.$root.querySelector("[data-items]");
    var $template = this.$root.querySelector("[data-item-template]");
    empty($items);
    result.items.forEach(function (item) {
      var $item = $template.content.querySelector("[data-combine-item]").cloneNode(true);
      var key = "combine-" + anchor(item.id);
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
      var $ratings = slot($item, "ratings");
      var counts = [];
      info.levels
        .map(function (l) {
          return l.value;
        })
        .concat(info.na ? ["na"] : [])
        .forEach(function (value) {
          if (item.counts[value]) counts.push(self.t("count", { label: self.label(value), n: item.counts[value] }));
        });
      if (item.unrated) counts.push(self.t("count", { label: self.t("not-rated"), n: item.unrated }));
      var line = counts.join(", ") + ". " + self.spreadText(item) + ".";
      if (item.common.length) {
        line += " " + self.t("common", { labels: item.common.map(self.label, self).join(", ") }) + ".";
      }
      $ratings.textContent = line;
      if (item.disagree) {
        $ratings.appendChild(document.createTextNode(" "));
        $ratings.appendChild(el("strong", "iom-flag", self.flagText(item)));
      }
      self.fillEvidence($item, item);
      var $select = $item.querySelector('[data-agree="rating"]');
      var $note = $item.querySelector('[data-agree="note"]');
      $select.id = key + "-agreed";
      $note.id = key + "-note";
      slot($item, "rating-label").setAttribute("for", $select.id);
      slot($item, "note-label").setAttribute("for", $note.id);
      var $none = el("option", "", self.t("not-agreed"));
      $none.value = "";
      $select.appendChild($none);
      // Offer the levels in the form's own order: best last, as on the assessment pages.
      var values = info.levels.map(function (l) {
        return l.value;
      });
      if (info.na) values.push("na");
      values.forEach(function (value) {
        var $option = el("option", "", self.label(value));
        $option.value = value;
        $select.appendChild($option);
      });
      var choice = agreed[item.id] || {};
      $select.value = choice.rating || "";
      $note.value = choice.note || "";
      $items.appendChild($item);
    });
  };

  function slot($item, name) {
    return $item.querySelector('[data-slot="' + name + '"]');
  }

  Combine.prototype.fillEvidence = function ($item, item) {
    var self = this;
    var info = this.info;
    var $head = slot($item, "evidence-head");
    var $body = slot($item, "evidence-body");
    var $tr = el("tr");
    $tr.appendChild(headCell(this.t("col-agency")));
    $tr.appendChild(headCell(this.t("col-rating")));
    info.fields.forEach(function (key) {
      $tr.appendChild(headCell(info.fieldLabels[key] || key));
    });
    $head.appendChild($tr);
    var byAgency = {};
    item.answers.forEach(function (answer) {
      byAgency[answer.agency] = answer;
    });
    this.result.agencies.forEach(function (agency, a) {
      var answer = byAgency[a];
      var $row = el("tr");
      var $th = el("th", "", agency.name);
      $th.scope = "row";
      $row.appendChild($th);
      var $rating = el("td");
      $rating.appendChild(self.tag(item.ratings[a]));
      if (answer && answer.na_reason) $rating.appendChild(el("p", "iom-combine__reason", self.t("na-reason", { reason: answer.na_reason })));
      $row.appendChild($rating);
      info.fields.forEach(function (key, f) {
        var $td = el("td", "iom-pre", answer ? answer.fields[key] : "");
        if (f === info.fields.length - 1 && answer && answer.actions.length) {
          var list = answer.actions
            .map(function (x) {
              return [x.action, x.owner, x.due].filter(Boolean).join(" – ");
            })
            .join("; ");
          $td.appendChild(el("p", "iom-combine__actions", self.t("actions", { list: list })));
        }
        $row.appendChild($td);
      });
      $body.appendChild($row);
    });
  };

  Combine.prototype.renderAgreedCount = function () {
    if (!this.result) return;
    var agreed = this.agreedFor(this.info.id);
    var n = this.result.items.filter(function (item) {
      return agreed[item.id] && agreed[item.id].rating;
    }).length;
    this.$root.querySelector("[data-agreed-count]").textContent = this.t("agreed-count", {
      agreed: n,
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
      var partnerships = this.result.agencies
        .map(function (a) {
          return a.partnership;
        })
        .filter(Boolean);
      meta.partnership = partnerships[0] || "";
    }
    if (!meta.agency) meta.agency = this.t("combined-agency", { count: names.length });
    meta.completedBy = meta.agency;
    meta.labels = { agreed: this.t("agreed") };
    return meta;
  };

  /** The combined result as a saved-assessment document, or null when there is none. */
  Combine.prototype.consensus = function () {
    if (!this.result) return null;
    return IOM.lib.merge.consensusDoc(this.result, this.agreedFor(this.info.id), this.info, this.meta());
  };

  Combine.prototype.fileBase = function (doc) {
    var slug = IOM.lib.assessment.slug(doc.name || doc.partnership) || "combined";
    var day = doc.date || new Date().toISOString().slice(0, 10);
    return this.info.id + "-" + slug + "-" + day;
  };

  Combine.prototype.csv = function () {
    var self = this;
    var info = this.info;
    var result = this.result;
    var agreed = this.agreedFor(info.id);
    var sectionTitle = {};
    info.sections.forEach(function (s) {
      sectionTitle[s.id] = s.title;
    });
    var header = [this.t("csv-section"), this.t("csv-id"), this.t("csv-item")];
    result.agencies.forEach(function (a) {
      header.push(a.name);
    });
    header.push(this.t("csv-spread"), this.t("csv-flag"), this.t("csv-agreed"), this.t("csv-note"));
    var rows = [header];
    result.items.forEach(function (item) {
      var choice = agreed[item.id] || {};
      var row = [sectionTitle[item.section] || item.section, item.id, item.title];
      item.ratings.forEach(function (rating) {
        row.push(rating ? self.label(rating) : "");
      });
      row.push(item.spread === null ? "" : item.spread);
      row.push(item.disagree ? self.flagText(item) : self.t("no"));
      row.push(choice.rating ? self.label(choice.rating) : "");
      row.push(choice.note || "");
      rows.push(row);
    });
    return IOM.lib.csv.build(rows);
  };

  IOM.components["iom-combine"] = Combine;
})();
