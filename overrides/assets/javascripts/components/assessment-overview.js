/*
 * An assessment form's overview page (module iom-instrument), a GOV.UK task list: how many
 * sections are completed and "Continue" to the first that is not, each section's status
 * (lib/check.js), the partnership details, "Check your answers" (every problem, linking to
 * its field on its section page; warnings apart), downloads (JSON, CSV), the saved
 * assessments (open, new, duplicate, delete, import) and the summary (counts by rating as a
 * chart and a table, priorities, every answer with change links, every action, answers kept
 * from an earlier version). The open assessment and saving are the
 * AssessmentPage's (assessment-page.js); the CSV writers and the import path
 * (lib/importer.js) load on first use. Items live on the section pages: links to them come
 * from the page's instrument JSON.
 */
(function () {
  "use strict";
  var IOM = window.IOM;
  var ui = IOM.ui;
  var el = ui.el;
  var A = IOM.lib.assessment;
  var own = A.own;

  // Dates are formatted by hand, as en-GB shows them: the first toLocaleString() call on a page
  // sets up the browser's date formatting, which cost about 50 ms of blocking time on a slow phone.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function Overview($root) {
    this.$root = $root;
  }

  Overview.prototype.init = function () {
    var $root = this.$root;
    this.page = new IOM.AssessmentPage($root, this.show.bind(this));
    this.session = this.page.session;
    this.t = this.page.t;
    this.instrument = this.page.instrument;
    this.$savedList = $root.querySelector("[data-saved-list]");
    this.$file = $root.querySelector("[data-import-file]");
    // What an import did is said beside the file control, where focus returns: the status at
    // the top of the section is out of view there, and the autosave's "Saved" follows at once.
    this.sayImported = ui.status($root.querySelector("[data-import-status]"));
    this.pendingImport = null;
    $root.addEventListener("input", this.handleInput.bind(this));
    $root.addEventListener("change", this.handleInput.bind(this));
    $root.addEventListener("click", this.handleClick.bind(this));
    // The CSV writers and the import path load when someone heads for them.
    var preload = this.withFiles.bind(this, null);
    var $transfer = $root.querySelectorAll("[data-transfer]");
    for (var i = 0; i < $transfer.length; i++) {
      $transfer[i].addEventListener("focusin", preload);
      $transfer[i].addEventListener("pointerdown", preload);
    }
    this.show();
  };

  /** Fill the page from the open document. */
  Overview.prototype.show = function () {
    var doc = this.session.doc;
    var $about = this.$root.querySelectorAll("[data-about-field]");
    for (var i = 0; i < $about.length; i++) {
      var value = own(doc, $about[i].getAttribute("data-about-field"));
      value = typeof value === "string" ? value : "";
      if ($about[i].value !== value) $about[i].value = value;
    }
    this.page.renderName();
    this.renderList();
    this.renderSummary();
  };

  Overview.prototype.handleInput = function (event) {
    var $target = event.target;
    var key = $target.getAttribute("data-about-field");
    if (key && (event.type === "input" || $target.type === "date")) {
      this.page.change([key], $target.value, $target, $target.type !== "date");
      if (key === "name" || key === "partnership") {
        this.page.renderName();
        this.renderList();
      }
      if (this.checked) this.check(false);
    } else if ($target === this.$file && event.type === "change") {
      this.handleImportFile();
    }
  };

  /* ---- commands ---- */

  Overview.prototype.handleClick = function (event) {
    var $button = event.target.closest("[data-command]");
    if (!$button) return;
    var command = $button.getAttribute("data-command");
    if (!this.commands[command]) return;
    event.preventDefault();
    this.commands[command].call(this, $button);
  };

  Overview.prototype.commands = {
    open: function () {
      this.hideConfirms();
      if (this.session.open(this.$savedList.value).ok) this.page.say(this.t("opened", { name: this.page.displayName(this.session.doc) }));
    },
    new: function () {
      this.hideConfirms();
      this.session.open(this.page.store.newId(), A.create(this.instrument));
      this.page.say(this.t("created"));
      this.$root.querySelector('[data-about-field="name"]').focus();
    },
    duplicate: function () {
      this.hideConfirms();
      this.session.flush();
      var copy = JSON.parse(JSON.stringify(this.session.doc));
      copy.name = this.t("copy-name", { name: this.page.displayName(copy) });
      copy.updated = new Date().toISOString();
      this.session.open(this.page.store.newId(), copy);
      this.page.say(this.t("duplicated", { name: copy.name }));
    },
    delete: function () {
      this.showConfirm("delete");
    },
    "delete-confirm": function () {
      var name = this.page.displayName(this.session.doc);
      this.hideConfirms();
      this.session.remove();
      this.page.say(this.t("deleted", { name: name }));
      this.$root.querySelector('[data-command="delete"]').focus();
    },
    cancel: function ($button) {
      var kind = $button.closest("[data-confirm]").getAttribute("data-confirm");
      this.hideConfirms();
      this.pendingImport = null;
      if (kind === "import") this.$file.value = "";
      this.$root.querySelector(kind === "import" ? "[data-import-file]" : '[data-command="delete"]').focus();
    },
    print: function () {
      this.renderSummary();
      window.print();
    },
    check: function () {
      this.check(true);
    },
    "download-copy": function () {
      this.page.downloadJson();
    },
    "export-json": function () {
      this.page.downloadJson();
    },
    "export-csv": function () {
      this.downloadCsv("-answers.csv", "answers");
    },
    "export-actions": function () {
      this.downloadCsv("-actions.csv", "actions");
    },
    "export-xlsx": function () {
      this.downloadXlsx();
    },
    "import-new": function () {
      this.finishImport(this.page.store.newId());
    },
    "import-replace": function () {
      this.finishImport(this.session.uid);
    }
  };

  /** Run `use()` once the CSV writers and the import path have loaded (null: only load). */
  Overview.prototype.withFiles = function (use) {
    var self = this;
    if (!this.filesLoading) {
      this.filesLoading = IOM.lib.importer ? Promise.resolve() : IOM.loadPart("iom-assessment-files");
      this.filesLoading.catch(function (error) {
        self.filesLoading = null; // a later use tries again
        if (window.console) console.error("[iom] downloads and import:", error);
      });
    }
    return use ? this.filesLoading.then(use) : this.filesLoading;
  };

  Overview.prototype.downloadCsv = function (suffix, kind) {
    var self = this;
    this.withFiles(function () {
      var name = self.page.fileName();
      var rows = IOM.lib.assessmentCsv[kind](self.session.doc, self.instrument, self.t);
      ui.download(name + suffix, "text/csv;charset=utf-8", IOM.lib.csv.build(rows));
      self.page.say(self.t("downloaded", { file: name + suffix }));
    });
  };

  /** Answers and actions as two sheets of one workbook; the writer loads on first use. */
  Overview.prototype.downloadXlsx = function () {
    var self = this;
    this.withFiles(function () {
      return IOM.lib.xlsx ? null : IOM.loadPart("iom-xlsx");
    }).then(function () {
      var name = self.page.fileName() + ".xlsx";
      var tables = IOM.lib.assessmentCsv.tables(self.session.doc, self.instrument);
      var kinds = self.instrument.actions === false ? ["answers"] : ["answers", "actions"];
      var sheets = kinds.map(function (kind) {
        var table = tables[kind];
        return {
          name: self.t("sheet-" + kind),
          widths: table.columns.map(function (column) {
            return column.width;
          }),
          rows: IOM.lib.assessmentCsv.withHeadings(table),
          repeat: table.columns
            .map(function (column) {
              return column.key;
            })
            .indexOf("itemId")
        };
      });
      ui.download(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IOM.lib.xlsx.build(sheets, { cutNote: self.t("sheet-cut") }));
      self.page.say(self.t("downloaded", { file: name }));
    }).catch(function (error) {
      self.page.say(self.t("download-failed"));
      if (window.console) console.error("[iom] workbook:", error);
    });
  };

  /* ---- import: file → bytes → UTF-8 → JSON or a sheet → checked → confirmed → the open or a new one ---- */

  Overview.prototype.handleImportFile = function () {
    var self = this;
    var file = this.$file.files && this.$file.files[0];
    this.hideConfirms();
    this.pendingImport = null;
    this.sayImported("");
    if (!file) return;
    this.withFiles(function () {
      var ours = {};
      ours[self.instrument.id] = self.instrument;
      return IOM.lib.importer.read(file, {
        parse: function (text, name) {
          return IOM.lib.assessmentCsv.parseFile(text, name, ours, false);
        },
        maxBytes: Number(self.$root.getAttribute("data-max-bytes")),
        validate: function (value) {
          return IOM.lib.assessmentFile.validate(value, self.instrument);
        }
      });
    }).then(function (read) {
      if (read.errors.length) {
        self.$file.value = "";
        self.page.errors.show(self.t("error-title-import"), ui.fileErrors(self.t, read.name, read.errors, "#" + self.$file.id), true);
        return;
      }
      self.page.errors.hide();
      self.pendingImport = read;
      var answered = Object.keys(read.value.responses).filter(function (id) {
        return A.hasText(own(read.value.responses[id], "rating"));
      }).length;
      var $confirm = self.showConfirm("import");
      $confirm.querySelector("[data-confirm-import-text]").textContent = self.t("import-confirm", {
        file: read.name,
        answered: answered,
        noun: self.instrument.noun,
        partnership: A.hasText(read.value.partnership) ? read.value.partnership : self.t("import-no-partnership")
      });
      $confirm.querySelector("[data-confirm-import-changes]").textContent = self.describeReplacing(read);
    });
  };

  /** The document an import opens: replacing (uid is the open one's) or as a new one. */
  Overview.prototype.importedDoc = function (read, uid) {
    var doc = JSON.parse(JSON.stringify(read.value));
    if (read.sheet) {
      // A sheet holds answers and details, not the name, the "completed" answers or the notes
      // on earlier answers: replacing keeps the open one's; a new one is named after the file.
      var open = this.session.doc;
      if (uid === this.session.uid) {
        ["name", "completed", "earlier"].forEach(function (key) {
          if (own(open, key) !== undefined) doc[key] = own(open, key);
        });
      } else {
        doc.name = read.name.replace(/\.csv$/i, "");
      }
    }
    return doc;
  };

  /** What "Replace" would say it changes, in the page's words (lib/assessment-file.js). */
  Overview.prototype.describeReplacing = function (read) {
    var self = this;
    var F = IOM.lib.assessmentFile;
    var change = F.differences(this.session.doc, this.importedDoc(read, this.session.uid), this.instrument);
    return F.describeChanges(change, this.page.displayName(this.session.doc), this.t, function (key) {
      var $field = self.$root.querySelector('[data-about-field="' + key + '"]');
      var $label = $field && self.$root.querySelector('label[for="' + $field.id + '"]');
      return $label ? $label.textContent.trim() : self.t("import-detail-" + key);
    });
  };

  Overview.prototype.finishImport = function (uid) {
    var read = this.pendingImport;
    if (!read) return;
    this.pendingImport = null;
    this.hideConfirms();
    this.$file.value = "";
    var replacing = uid === this.session.uid;
    var result = this.session.open(uid, this.importedDoc(read, uid));
    var words = { file: read.name, name: this.page.displayName(this.session.doc) };
    if (result.ok) this.sayImported(this.t(replacing ? "imported-replace" : "imported-new", words));
    this.$file.focus();
  };

  Overview.prototype.showConfirm = function (kind) {
    this.hideConfirms();
    var $confirm = this.$root.querySelector('[data-confirm="' + kind + '"]');
    var $names = $confirm.querySelectorAll("[data-confirm-name]");
    for (var i = 0; i < $names.length; i++) $names[i].textContent = this.page.displayName(this.session.doc);
    $confirm.hidden = false;
    $confirm.focus();
    return $confirm;
  };

  Overview.prototype.hideConfirms = function () {
    var $confirms = this.$root.querySelectorAll("[data-confirm]");
    for (var i = 0; i < $confirms.length; i++) $confirms[i].hidden = true;
  };

  /* ---- the saved list ---- */

  /** Every saved assessment of this instrument, newest first, the open one selected. */
  Overview.prototype.renderList = function () {
    var self = this;
    var uid = this.session.uid;
    var saved = this.page.store.list(this.instrument.id).filter(function (s) {
      return s.uid !== uid;
    });
    saved.unshift({ uid: uid, doc: this.session.doc });
    ui.empty(this.$savedList);
    saved.forEach(function (s) {
      var $option = el("option", "", self.t("list-option", { name: self.page.displayName(s.doc), updated: formatTime(s.doc.updated) }));
      $option.value = s.uid;
      $option.selected = s.uid === uid;
      self.$savedList.appendChild($option);
    });
  };

  /** "23 Nov 2026, 14:05" in local time, or "" for a missing or broken timestamp. */
  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() + ", " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /* ---- "Check your answers" ---- */

  /**
   * Every problem in the error summary of "Check your answers", each linking to its field
   * (on its section page, or a detail here) and shown beside it here; warnings below it.
   * Once run, it follows every change until nothing is left to fix.
   */
  Overview.prototype.check = function (moveFocus) {
    var self = this;
    var found = this.page.problems();
    var href = function (p) {
      return (p.item ? self.itemHref(p.item, null) : "") + "#" + p.field;
    };
    this.checked = true;
    this.page.showBeside(found.errors);
    var $status = this.$root.querySelector("[data-check-status]");
    var count = found.errors.length;
    var summary = this.checkSummary || (this.checkSummary = ui.errorSummary(this.$root, this.$root.querySelector("[data-check-summary]")));
    var text = count ? this.t(count === 1 ? "check-count-one" : "check-count", { count: count }) : this.t("check-ok");
    if ($status.textContent !== text) $status.textContent = text;
    var $warnings = this.$root.querySelector("[data-check-warnings]");
    var $list = $warnings.querySelector("[data-check-warning-list]");
    ui.empty($list);
    found.warnings.forEach(function (p) {
      var $li = el("li");
      var $a = el("a", "iom-link", p.message);
      $a.href = href(p);
      $li.appendChild($a);
      $list.appendChild($li);
    });
    $warnings.hidden = !found.warnings.length;
    // Rebuilt only when it changes: its alert is read again each time it is.
    var key = found.errors.map(function (p) {
      return href(p) + " " + p.message;
    }).join("\n");
    if (count && (key !== this.shownKey || moveFocus)) {
      summary.show(
        this.t("error-title-check"),
        found.errors.map(function (p) {
          return { message: p.message, href: href(p) };
        }),
        moveFocus
      );
    } else if (!count) {
      summary.hide();
    }
    this.shownKey = key;
    return found;
  };

  /** A link to an item on its section page (or, with `fragment` null, to the page alone). */
  Overview.prototype.itemHref = function (id, fragment) {
    var section = this.instrument.sectionOf[id];
    var url = section ? section.url : "";
    return fragment === null ? url : url + "#" + A.anchor(id);
  };

  /* ---- the summary ---- */

  Overview.prototype.renderSummary = function () {
    var summary = A.summarise(this.session.doc, this.instrument);
    this.renderTaskList();
    if (this.checked) this.check(false);
    this.$root.querySelector("[data-progress-total]").textContent = this.page.progressText(summary.total);
    this.renderCounts(summary);
    this.renderChart(summary);
    this.renderPriorities(summary);
    this.renderAnswers();
    this.renderActions(summary);
    this.renderEarlier(summary);
  };

  /**
   * The task list: how many sections are completed, "Continue" to the first that is not (or
   * to the check, once all are), and each section's status with why it is not Completed.
   */
  Overview.prototype.renderTaskList = function () {
    var self = this;
    var ins = this.instrument;
    var check = IOM.lib.check;
    var status = check.sections(this.session.doc, ins, check.run(this.session.doc, ins));
    var titles = Object.create(null);
    var urls = Object.create(null);
    ins.sections.forEach(function (section) {
      titles[section.id] = section.title;
      urls[section.id] = section.url;
    });
    var started = false;
    status.sections.forEach(function (s) {
      started = started || s.status !== "not-started";
      var $status = self.$root.querySelector('[data-task-status="' + s.id + '"]');
      var $reason = self.$root.querySelector('[data-task-reason="' + s.id + '"]');
      if (!$status) return;
      var word = self.t("task-" + s.status);
      var $tag = s.status === "completed" ? el("span", "iom-task-list__done", word) : el("strong", "iom-status-tag iom-status-tag--" + (s.status === "not-started" ? "blue" : "light-blue"), word);
      ui.empty($status);
      $status.appendChild($tag);
      var reason = "";
      if (s.reason === "unanswered") reason = self.t("task-reason-unanswered", { answered: s.answered, total: s.total });
      else if (s.reason === "problems") reason = self.t(s.errors === 1 ? "task-reason-problems-one" : "task-reason-problems", { count: s.errors });
      else if (s.reason === "unconfirmed") reason = self.t("task-reason-unconfirmed");
      if ($reason) $reason.textContent = reason;
    });
    this.$root.querySelector("[data-task-progress]").textContent = this.t(status.total === 1 ? "task-progress-one" : "task-progress", { completed: status.completed, total: status.total });
    var $continue = this.$root.querySelector("[data-continue]");
    var $to = this.$root.querySelector("[data-continue-to]");
    if (status.next) {
      $continue.href = urls[status.next];
      $to.textContent = this.t(started ? "continue-next" : "continue-start", { section: titles[status.next] });
    } else {
      $continue.href = "#check-your-answers";
      $to.textContent = this.t("continue-check");
    }
  };

  Overview.prototype.renderCounts = function (summary) {
    var $rows = this.$root.querySelectorAll("[data-counts] [data-section-row]");
    for (var i = 0; i < $rows.length; i++) {
      var id = $rows[i].getAttribute("data-section-row");
      var counts = id === "" ? summary.total : summary.bySection[id];
      var $cells = $rows[i].querySelectorAll("[data-count]");
      for (var j = 0; j < $cells.length; j++) {
        var value = $cells[j].getAttribute("data-count");
        $cells[j].textContent = String(value === "total" ? counts.total : counts.counts[value] || 0);
      }
    }
  };

  /**
   * Counts by rating per section as bars (components/bar-chart.js): the scale, then N/A, then
   * not rated; every bar on the scale of the largest section. The table below carries the same
   * figures for assistive technology.
   */
  Overview.prototype.renderChart = function (summary) {
    var ins = this.instrument;
    var levels = this.page.levels;
    var values = ins.levels.map(function (level) {
      return level.value;
    });
    if (ins.na) values.push(A.NA);
    values.push("");
    var max = Math.max.apply(null, summary.sections.map(function (s) {
      return s.total;
    }).concat([1]));
    var rows = summary.sections.map(function (section, i) {
      return {
        label: ins.sections[i].title,
        parts: values.map(function (value) {
          var count = section.counts[value] || 0;
          return { tone: levels.tone(value), count: count, text: count + " " + levels.label(value) };
        })
      };
    });
    IOM.barChart.draw(this.$root.querySelector("[data-chart]"), rows, { scale: max });
  };

  Overview.prototype.itemLink = function (id) {
    var $a = el("a", "iom-link", id + " " + this.instrument.titles[id]);
    $a.href = this.itemHref(id);
    return $a;
  };

  Overview.prototype.renderPriorities = function (summary) {
    var self = this;
    var $list = this.$root.querySelector("[data-priorities]");
    ui.empty($list);
    summary.priorities.forEach(function (p) {
      var $li = el("li", "iom-priorities__item");
      $li.appendChild(self.page.levels.tag(p.rating));
      $li.appendChild(document.createTextNode(" "));
      $li.appendChild(self.itemLink(p.id));
      $list.appendChild($li);
    });
    this.$root.querySelector("[data-priorities-empty]").hidden = summary.priorities.length > 0;
  };

  /** Check your answers: each item's rating (or N/A with its reason), texts and a Change link. */
  Overview.prototype.renderAnswers = function () {
    var self = this;
    var ins = this.instrument;
    var $list = this.$root.querySelector("[data-check-answers]");
    ui.empty($list);
    var fragment = document.createDocumentFragment();
    ins.itemIds.forEach(function (id) {
      var r = own(self.session.doc.responses, id);
      var rating = A.ratingOf(r, ins);
      var $row = el("div", "iom-summary-list__row");
      $row.appendChild(el("dt", "iom-summary-list__key", id + " " + ins.titles[id]));
      var $value = el("dd", "iom-summary-list__value");
      var $rating = el("p", "iom-summary-list__rating");
      $rating.appendChild(self.page.levels.tag(rating));
      $value.appendChild($rating);
      if (rating === A.NA && A.hasText(own(r, "na_reason"))) $value.appendChild(el("p", "", self.t("reason", { reason: r.na_reason })));
      ins.fields.forEach(function (key) {
        var $p = el("p", "iom-summary-list__text");
        $p.appendChild(el("strong", "", ins.fieldLabels[key] + ": "));
        $p.appendChild(document.createTextNode(A.hasText(own(r, key)) ? r[key] : self.t("nothing-recorded")));
        $value.appendChild($p);
      });
      var count = A.actionsOf(r).length;
      if (count) $value.appendChild(el("p", "", self.t("action-count", { count: count })));
      $row.appendChild($value);
      var $change = el("dd", "iom-summary-list__actions");
      var $a = el("a", "iom-link", self.t("change"));
      $a.href = self.itemHref(id);
      $a.appendChild(el("span", "iom-visually-hidden", self.t("change-hidden", { item: id })));
      $change.appendChild($a);
      $row.appendChild($change);
      fragment.appendChild($row);
    });
    $list.appendChild(fragment);
  };

  Overview.prototype.renderActions = function (summary) {
    var self = this;
    var $body = this.$root.querySelector("[data-actions-body]");
    if (!$body) return; // an instrument without actions
    ui.empty($body);
    summary.actions.forEach(function (entry) {
      var a = entry.action;
      var $tr = el("tr");
      var $th = el("th");
      $th.setAttribute("scope", "row");
      $th.appendChild(self.itemLink(entry.item));
      $tr.appendChild($th);
      $tr.appendChild(el("td", "iom-pre", own(a, "action")));
      $tr.appendChild(el("td", "", own(a, "owner")));
      $tr.appendChild(el("td", "", own(a, "due")));
      $tr.appendChild(el("td", "", self.instrument.statusLabels[own(a, "status")] || own(a, "status")));
      $body.appendChild($tr);
    });
    this.$root.querySelector("[data-actions-table]").hidden = !summary.actions.length;
    this.$root.querySelector("[data-actions-empty]").hidden = summary.actions.length > 0;
  };

  Overview.prototype.renderEarlier = function (summary) {
    var self = this;
    var doc = this.session.doc;
    var $box = this.$root.querySelector("[data-earlier]");
    var $list = $box.querySelector("[data-earlier-list]");
    ui.empty($list);
    summary.earlier.forEach(function (id) {
      var rating = own(own(doc.responses, id), "rating");
      var text = id + (A.hasText(rating) ? " – " + self.page.levels.label(rating) : "");
      // Why it did not move, as lib/migrate.js recorded it.
      var reason = own(own(own(doc, "earlier"), id), "reason");
      if (typeof reason === "string" && self.t.has("earlier-" + reason)) {
        text += " (" + self.t("earlier-" + reason, { into: own(doc.earlier[id], "into") }) + ")";
      }
      $list.appendChild(el("li", "", text));
    });
    $box.hidden = !summary.earlier.length;
  };

  IOM.components["iom-instrument"] = Overview;
})();
