/*
 * Saved assessments in the browser's localStorage, under versioned keys:
 *   <prefix>v1:assessment:<instrument id>:<uid>   one saved-assessment document (JSON)
 *   <prefix>v1:current:<instrument id>            uid of the assessment open on that page
 *   <prefix>v1:<name>                             a tool's own state (combine's session)
 * Every key this toolkit writes starts with the prefix ("iom:"), so clearAll can remove all.
 * When storage is blocked, an in-memory stand-in keeps the page working and `persistent` is
 * false, so the page can say that nothing will be kept. Pure: no DOM.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  IOM.lib = IOM.lib || {};

  var KEY_VERSION = "v1";

  function memoryStorage() {
    var data = {};
    return {
      get length() {
        return Object.keys(data).length;
      },
      key: function (i) {
        return Object.keys(data)[i] || null;
      },
      getItem: function (k) {
        return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null;
      },
      setItem: function (k, v) {
        data[k] = String(v);
      },
      removeItem: function (k) {
        delete data[k];
      }
    };
  }

  function browserStorage() {
    try {
      var storage = window.localStorage;
      var probe = "iom:probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function isQuotaError(error) {
    return (
      error &&
      (error.name === "QuotaExceededError" ||
        error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
        error.code === 22 ||
        error.code === 1014)
    );
  }

  /** A store bound to a key prefix. `storage` may be given (tests); by default localStorage. */
  function open(prefix, storage) {
    var backend = storage || browserStorage();
    var persistent = !!backend;
    if (!backend) backend = memoryStorage();
    prefix = prefix || "iom:";

    function docKey(instrumentId, uid) {
      return prefix + KEY_VERSION + ":assessment:" + instrumentId + ":" + uid;
    }
    function currentKey(instrumentId) {
      return prefix + KEY_VERSION + ":current:" + instrumentId;
    }
    function keys() {
      var found = [];
      for (var i = 0; i < backend.length; i++) {
        var key = backend.key(i);
        if (key && key.indexOf(prefix) === 0) found.push(key);
      }
      return found;
    }
    function write(key, value) {
      try {
        backend.setItem(key, value);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? "full" : "unavailable" };
      }
    }

    return {
      persistent: persistent,
      prefix: prefix,
      newId: function () {
        return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      },
      /** Saved assessments of one instrument: [{uid, doc}], most recently changed first. */
      list: function (instrumentId) {
        var start = docKey(instrumentId, "");
        var found = [];
        keys().forEach(function (key) {
          if (key.indexOf(start) !== 0) return;
          var doc = parse(backend.getItem(key));
          if (doc) found.push({ uid: key.slice(start.length), doc: doc });
        });
        found.sort(function (a, b) {
          return String(b.doc.updated || "").localeCompare(String(a.doc.updated || ""));
        });
        return found;
      },
      load: function (instrumentId, uid) {
        return uid ? parse(this.text(instrumentId, uid)) : null;
      },
      /** A saved document as stored (JSON text), or null. */
      text: function (instrumentId, uid) {
        return backend.getItem(docKey(instrumentId, uid));
      },
      save: function (instrumentId, uid, doc) {
        return write(docKey(instrumentId, uid), JSON.stringify(doc));
      },
      remove: function (instrumentId, uid) {
        backend.removeItem(docKey(instrumentId, uid));
      },
      current: function (instrumentId) {
        return backend.getItem(currentKey(instrumentId));
      },
      setCurrent: function (instrumentId, uid) {
        return write(currentKey(instrumentId), uid);
      },
      /** A tool's own state under <prefix>v1:<name>: read (parsed, or null), kept, forgotten. */
      stateKey: function (name) {
        return prefix + KEY_VERSION + ":" + name;
      },
      getState: function (name) {
        return parse(backend.getItem(this.stateKey(name)));
      },
      setState: function (name, value) {
        return write(this.stateKey(name), JSON.stringify(value));
      },
      removeState: function (name) {
        backend.removeItem(this.stateKey(name));
      },
      /** How many keys this toolkit keeps. */
      count: function () {
        return keys().length;
      },
      /** How many things a user saved: keys, less the notes of which assessment is open. */
      savedCount: function () {
        var pointer = prefix + KEY_VERSION + ":current:";
        return keys().filter(function (key) {
          return key.indexOf(pointer) !== 0;
        }).length;
      },
      /** Remove every key with this store's prefix; returns how many were removed. */
      clearAll: function () {
        var found = keys();
        found.forEach(function (key) {
          backend.removeItem(key);
        });
        return found.length;
      }
    };
  }

  function parse(text) {
    if (!text) return null;
    try {
      var value = JSON.parse(text);
      return value && typeof value === "object" ? value : null;
    } catch (error) {
      return null;
    }
  }

  IOM.lib.store = { open: open, memoryStorage: memoryStorage };
})();
