/*
 * One open assessment: the document a form page shows, and the changes made on this page.
 * Pure: no DOM (the page wires browser events to refresh and flush: components/ui.js watch).
 *
 *   var session = IOM.lib.session.open({store, instrument, migrate})
 *   session.doc                the document as this page shows it: the stored copy with this
 *                              page's changes that are not saved yet
 *   session.change(path, value, wait)  one change, as a patch: ["name"],
 *                              ["responses", "SA-1.1", "evidence"|"rating"|"actions"|…] or
 *                              ["completed", "SA-1"] (the section's "Have you completed");
 *                              saved now, or after `wait` ms of quiet (typing)
 *   session.save()             → {ok, reason: "full" | "unavailable" | "removed"}
 *   session.flush()            save what is waiting, if anything
 *   session.refresh(options)   storage changed elsewhere (another tab, the back/forward cache)
 *   session.subscribe(fn)      fn({source: "elsewhere" | "removed" | "opened", changed})
 *
 * Never lose an answer: a save re-reads the stored document and applies only this page's
 * changes to it, so two tabs that edit different items both keep theirs, and when they edit
 * the same field the later save wins. A document that was saved and is now gone from storage
 * was deleted or cleared (in this tab or another): it is never written back. A page that has
 * not saved yet joins the assessment another tab has started instead of starting a second.
 * A list of actions is one field (adding and removing renumbers them).
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};
  var A = IOM.lib.assessment;

  var MAX_WAIT = 2000; // ms: typing without a pause is still saved this often

  function Session(options) {
    this.store = options.store;
    this.prefix = options.store.prefix; // any key of this toolkit may concern it (ui.watch)
    this.instrument = A.describe(options.instrument);
    this.migrator = options.migrate || null;
    this.pending = Object.create(null); // path → {path, value}
    this.listeners = [];
    this.timer = null;
    this.firstPending = 0;
    this.load(this.choose());
  }

  IOM.lib.session = {
    open: function (options) {
      return new Session(options);
    }
  };

  /** The assessment to open: the one last open on this form, else the newest, else a new one. */
  Session.prototype.choose = function () {
    var id = this.instrument.id;
    var uid = this.store.current(id);
    var text = uid ? this.store.text(id, uid) : null;
    if (!text) {
      var saved = this.store.list(id);
      if (saved.length) {
        uid = saved[0].uid;
        text = this.store.text(id, uid);
      }
    }
    return text ? { uid: uid, text: text } : { uid: this.store.newId(), doc: A.create(this.instrument), join: true };
  };

  /** Show `found` ({uid, text} as stored, or {uid, doc} not saved yet) with this page's changes. */
  Session.prototype.load = function (found) {
    this.uid = found.uid;
    this.stored = !!found.text;
    this.text = found.text || null;
    this.joins = !!found.join; // a new page's document: it joins one another tab starts
    this.doc = this.applyPending(found.text ? this.shape(parse(found.text)) : found.doc);
    if (this.stored && this.store.current(this.instrument.id) !== this.uid) {
      this.store.setCurrent(this.instrument.id, this.uid);
    }
  };

  /** A stored document in this version's shape: answers moved to current ids, responses kept. */
  Session.prototype.shape = function (doc) {
    if (!A.isObject(doc)) doc = A.create(this.instrument);
    this.needsMigrate = A.isEarlierVersion(doc, this.instrument) && !this.migrator;
    if (this.migrator && A.isEarlierVersion(doc, this.instrument)) doc = this.migrator.migrate(doc, this.instrument);
    if (!A.isObject(A.own(doc, "responses"))) doc.responses = {};
    return doc;
  };

  /** lib/migrate.js has loaded: show the open document in this version's shape. */
  Session.prototype.useMigrate = function (migrator) {
    this.migrator = migrator;
    if (this.text) this.doc = this.applyPending(this.shape(parse(this.text)));
    this.notify("opened", true);
  };

  Session.prototype.applyPending = function (doc) {
    var self = this;
    Object.keys(this.pending).forEach(function (key) {
      apply(doc, self.pending[key].path, self.pending[key].value, self.instrument);
    });
    return doc;
  };

  /** Set one field of `doc`; an answer is made when the item has none yet. */
  function apply(doc, path, value, instrument) {
    if (path.length === 1) {
      doc[path[0]] = value;
      return;
    }
    if (path[0] !== "responses") {
      // A map of the document's own, such as completed: {section id: true}.
      var map = A.own(doc, path[0]);
      if (!A.isObject(map)) map = doc[path[0]] = {};
      map[path[1]] = value;
      return;
    }
    var responses = doc.responses;
    var r = A.own(responses, path[1]);
    if (!A.isObject(r)) r = responses[path[1]] = A.emptyResponse(instrument);
    r[path[2]] = value && typeof value === "object" ? JSON.parse(JSON.stringify(value)) : value;
  }

  Session.prototype.hasPending = function () {
    return this.whole || Object.keys(this.pending).length > 0;
  };

  /** Record one change and show it; save now, or after `wait` ms without another change. */
  Session.prototype.change = function (path, value, wait) {
    if (!this.hasPending()) this.firstPending = Date.now();
    this.pending[path.join("\u0000")] = { path: path, value: value };
    this.pending.updated = { path: ["updated"], value: new Date().toISOString() };
    apply(this.doc, path, value, this.instrument);
    clearTimeout(this.timer);
    if (!wait) return this.save();
    var delay = Math.max(0, Math.min(wait, this.firstPending + MAX_WAIT - Date.now()));
    this.timer = setTimeout(this.save.bind(this), delay);
    return null;
  };

  Session.prototype.flush = function () {
    if (this.hasPending()) this.save();
  };

  /** Write this page's changes over the stored document as it is now. */
  Session.prototype.save = function () {
    clearTimeout(this.timer);
    var id = this.instrument.id;
    var text = this.store.text(id, this.uid);
    if (!text && this.stored) {
      this.removed();
      return { ok: false, reason: "removed" };
    }
    if (!text && this.joins) {
      // Not saved yet: another tab may have started this form meanwhile. Join it.
      var other = this.store.current(id);
      text = other ? this.store.text(id, other) : null;
      if (text) this.uid = other;
    }
    // A document opened whole (new, a copy, an import) is written as it is, once.
    var doc = this.applyPending(text && !this.whole ? this.shape(parse(text)) : this.doc);
    var result = this.store.save(id, this.uid, doc);
    this.doc = doc;
    if (result.ok) {
      this.pending = Object.create(null);
      this.whole = false;
      this.text = this.store.text(id, this.uid);
      if (!this.stored) this.store.setCurrent(id, this.uid);
      this.stored = true;
      this.joins = false;
      result = { ok: true, persistent: this.store.persistent };
    }
    this.notify("saved", result);
    return result;
  };

  /**
   * Storage may have changed elsewhere: show what it holds now, with this page's changes.
   * options.follow: open the assessment last opened (back from the back/forward cache);
   * options.cleared: "Clear all my data" ran, so changes not saved yet go too (options.here:
   * on this page, which says so itself: subscribers hear "opened", not "removed").
   */
  Session.prototype.refresh = function (options) {
    options = options || {};
    var id = this.instrument.id;
    if (options.cleared) this.drop();
    var text = this.store.text(id, this.uid);
    if (!text && this.stored) return this.removed(options.here ? "opened" : "removed");
    var current = this.store.current(id);
    if ((this.joins || options.follow) && current && current !== this.uid && this.store.text(id, current)) {
      this.flush();
      this.load({ uid: current, text: this.store.text(id, current) });
      return this.notify("elsewhere", true);
    }
    var changed = !!text && text !== this.text;
    if (changed) {
      this.text = text;
      this.doc = this.applyPending(this.shape(parse(text)));
    }
    this.notify("elsewhere", changed);
  };

  /** The open document was deleted or cleared: its unsaved changes go with it. */
  Session.prototype.removed = function (source) {
    this.drop();
    this.load(this.choose());
    this.notify(source || "removed", true);
  };

  Session.prototype.drop = function () {
    clearTimeout(this.timer);
    this.pending = Object.create(null);
    this.whole = false;
  };

  /** Make another document the open one: saved (open), or new and saved now (new, import). */
  Session.prototype.open = function (uid, doc) {
    this.flush();
    this.drop();
    if (doc) {
      // Kept whole: until it is saved, a later change saves it all (it joins nothing).
      this.load({ uid: uid, doc: this.shape(JSON.parse(JSON.stringify(doc))) });
      this.whole = true;
      this.notify("opened", true);
      return this.save();
    }
    var text = this.store.text(this.instrument.id, uid);
    if (text) this.load({ uid: uid, text: text });
    this.notify("opened", !!text);
    return { ok: !!text };
  };

  /** Delete the open document and open the newest other one, or a new one. */
  Session.prototype.remove = function () {
    this.drop();
    this.store.remove(this.instrument.id, this.uid);
    this.stored = false;
    this.load(this.choose());
    this.notify("opened", true);
  };

  Session.prototype.subscribe = function (fn) {
    this.listeners.push(fn);
  };

  /** Tell subscribers: {source, changed} or, after a save, {source: "saved", result}. */
  Session.prototype.notify = function (source, changed) {
    var event = typeof changed === "object" ? { source: source, result: changed } : { source: source, changed: changed };
    this.listeners.forEach(function (fn) {
      fn(event);
    });
  };

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }
})();
