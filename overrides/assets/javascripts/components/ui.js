/*
 * What every component needs (IOM.ui): the words the page carries, rating labels and tones,
 * the error summary, the polite status line, downloads, small DOM helpers, and keeping a saved
 * state in step with the browser (other tabs, the back/forward cache, leaving the page).
 * Text is only ever set with textContent.
 */
(function () {
  "use strict";
  var IOM = (window.IOM = window.IOM || {});
  var SVG = "http://www.w3.org/2000/svg";

  /** A new element with an optional class and text. */
  function el(tag, className, text) {
    var $el = document.createElement(tag);
    if (className) $el.className = className;
    if (text !== undefined && text !== null) $el.textContent = text;
    return $el;
  }

  /** A new SVG element with attributes and optional text, added to $parent when given. */
  function svg(tag, attrs, text, $parent) {
    var $el = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      $el.setAttribute(key, attrs[key]);
    });
    if (text !== undefined && text !== null) $el.textContent = text;
    if ($parent) $parent.appendChild($el);
    return $el;
  }

  function empty($el) {
    while ($el && $el.firstChild) $el.removeChild($el.firstChild);
  }

  /**
   * The words of a component, from its [data-message] elements: t(key, {name: value}) fills
   * {name} placeholders. A key the page does not carry is shown as itself, so it is noticed.
   */
  function messages($root) {
    var words = Object.create(null);
    var $messages = $root.querySelectorAll("[data-message]");
    for (var i = 0; i < $messages.length; i++) words[$messages[i].getAttribute("data-message")] = $messages[i].textContent;
    function t(key, values) {
      return (key in words ? words[key] : key).replace(/\{(\w+)\}/g, function (match, name) {
        return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
      });
    }
    t.has = function (key) {
      return key in words;
    };
    return t;
  }

  /** The instrument described by the page's JSON block (the first, or the one for `id`). */
  function instrument($root, id) {
    var $info = $root.querySelector(id ? '[data-instrument-info="' + id + '"]' : "[data-instrument-info]");
    return IOM.lib.assessment.describe(JSON.parse($info.content.textContent));
  }

  /** Every instrument the page describes (combine, compare), by id. */
  function instruments($root) {
    var infos = Object.create(null);
    var $blocks = $root.querySelectorAll("[data-instrument-info]");
    for (var i = 0; i < $blocks.length; i++) {
      var id = $blocks[i].getAttribute("data-instrument-info");
      infos[id] = instrument($root, id);
    }
    return infos;
  }

  /** Label, tone and tag of a rating value; "" or null is "not rated" (t("not-rated")). */
  function levels(instrument, t) {
    function label(value) {
      return value ? instrument.labels[value] || String(value) : t("not-rated");
    }
    function tone(value) {
      return value ? instrument.tones[value] || "grey" : "none";
    }
    return {
      label: label,
      tone: tone,
      /** A rating as a tag with its word beside the colour. */
      tag: function (value) {
        return el("span", "iom-level-tag iom-level-tag--" + tone(value), label(value));
      }
    };
  }

  /**
   * The GOV.UK error summary in $root ([data-error-summary], or the one given): show(title,
   * [{message, href}], moveFocus) and hide(). Its links put focus on the field they name.
   */
  function errorSummary($root, $given) {
    var $summary = $given || $root.querySelector("[data-error-summary]");
    $summary.addEventListener("click", function (event) {
      var $link = event.target.closest("a[href^='#']");
      var $field = $link && document.getElementById($link.getAttribute("href").slice(1));
      if (!$field) return;
      event.preventDefault();
      $field.scrollIntoView({ block: "center" });
      $field.focus();
    });
    return {
      $el: $summary,
      show: function (title, errors, moveFocus) {
        $summary.querySelector("[data-error-title]").textContent = title;
        var $list = $summary.querySelector("[data-error-list]");
        empty($list);
        errors.forEach(function (error) {
          var $li = el("li", "", error.href ? null : error.message);
          if (error.href) {
            var $a = el("a", "", error.message);
            $a.href = error.href;
            $li.appendChild($a);
          }
          $list.appendChild($li);
        });
        $summary.hidden = false;
        if (moveFocus !== false) {
          $summary.focus();
          $summary.scrollIntoView({ block: "start" });
        }
      },
      hide: function () {
        $summary.hidden = true;
      }
    };
  }

  /**
   * Messages for a refused file, from lib/importer.js and lib/assessment.js codes: the
   * page's "file-<code>" words with the file's name and the problem's details; at most `max`.
   */
  function fileErrors(t, name, errors, href, max) {
    var shown = errors.slice(0, max || 10).map(function (error) {
      var values = { file: name };
      Object.keys(error).forEach(function (key) {
        values[key] = error[key];
      });
      return { message: t("file-" + error.code, values), href: href };
    });
    if (errors.length > shown.length) shown.push({ message: t("file-more", { file: name, count: errors.length - shown.length }), href: href });
    return shown;
  }

  /** Add (on) or remove one id from an element's aria-describedby, keeping the others. */
  function describedBy($el, id, on) {
    var ids = ($el.getAttribute("aria-describedby") || "").split(" ").filter(function (one) {
      return one && one !== id;
    });
    if (on) ids.push(id);
    if (ids.length) $el.setAttribute("aria-describedby", ids.join(" "));
    else $el.removeAttribute("aria-describedby");
  }

  /** A polite live region: say(text) announces, even the same text twice. */
  function status($status) {
    return function say(text) {
      if (!$status) return;
      $status.textContent = "";
      setTimeout(function () {
        $status.textContent = text;
      }, 30);
    };
  }

  /** Save `content` as a file called `name`, made in the browser (nothing is uploaded). */
  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var $a = el("a");
    $a.href = url;
    $a.download = name;
    $a.hidden = true;
    document.body.appendChild($a);
    $a.click();
    document.body.removeChild($a);
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  /**
   * Keep something saved in the browser in step with it. `kept` has flush() (save what is
   * waiting: the page is being hidden or left) and refresh(options) (storage changed in
   * another tab; {cleared} after "Clear all my data", {here: true} when it ran on this page;
   * {follow} back from the back/forward cache), `prefix`, the start of the keys it cares
   * about, and `store`.
   */
  function watch(kept) {
    window.addEventListener("pagehide", function () {
      kept.flush();
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") kept.flush();
    });
    // One tab's change may be several keys (a save and its "current" pointer; "Clear all my
    // data" removes each key): take a burst of storage events as one.
    var timer = null;
    var removed = false;
    window.addEventListener("storage", function (event) {
      if (event.key !== null && event.key.indexOf(kept.prefix) !== 0) return;
      removed = removed || event.newValue === null;
      clearTimeout(timer);
      timer = setTimeout(function () {
        kept.refresh({ cleared: removed && !kept.store.count() });
        removed = false;
      }, 20);
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) kept.refresh({ follow: true });
    });
    document.addEventListener("iom:data-cleared", function () {
      kept.refresh({ cleared: true, here: true });
    });
  }

  IOM.ui = {
    el: el,
    svg: svg,
    empty: empty,
    messages: messages,
    instrument: instrument,
    instruments: instruments,
    levels: levels,
    errorSummary: errorSummary,
    fileErrors: fileErrors,
    describedBy: describedBy,
    status: status,
    download: download,
    watch: watch
  };
})();
