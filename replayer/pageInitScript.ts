import type { Trajectory } from '../protocol/index.js';

export interface PageInitOptions {
  seed: string;
  /** Added to the real time in `Date`: recording start minus replay start, the same for every page of a session. */
  clockOffsetMs: number;
  storage?: Trajectory['storage'];
}

/**
 * Source of the script that runs in every document before the app's own. It shifts Date to the recording's time
 * (time keeps flowing; timers stay native: Playwright's clock.install catches errors thrown in timers and turns
 * them into console errors, which would hide page errors), seeds Math.random and
 * crypto.randomUUID (distinct values per call: a constant collides ids), restores recorded storage once per tab,
 * freezes CSS motion, and counts DOM mutations so the replayer can tell when the page went quiet without reading
 * the page's (faked) clock. Written as a string because tsx/esbuild's keepNames would inject a `__name` helper
 * that does not exist in the page.
 */
export function pageInitScript(options: PageInitOptions): string {
  return `(${INIT_SOURCE})(${JSON.stringify(options)});`;
}

const INIT_SOURCE = String.raw`function (options) {
  var NativeDate = Date;
  var NativeMath = { random: Math.random };
  var offset = options.clockOffsetMs;
  var ShiftedDate = function Date() {
    if (!new.target) return new NativeDate(NativeDate.now() + offset).toString();
    var args = arguments.length ? arguments : [NativeDate.now() + offset];
    return Reflect.construct(NativeDate, args, new.target === ShiftedDate ? NativeDate : new.target);
  };
  ShiftedDate.prototype = NativeDate.prototype;
  ShiftedDate.now = function now() { return NativeDate.now() + offset; };
  ShiftedDate.parse = NativeDate.parse;
  ShiftedDate.UTC = NativeDate.UTC;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true });
  window.Date = ShiftedDate;
  var state = 0;
  for (var i = 0; i < options.seed.length; i++) state = Math.imul(state ^ options.seed.charCodeAt(i), 2654435761) >>> 0;
  function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    var t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  Math.random = random;
  function hex(count) {
    var out = '';
    for (var j = 0; j < count; j++) out += Math.floor(random() * 16).toString(16);
    return out;
  }
  if (window.crypto && 'randomUUID' in window.crypto) {
    window.crypto.randomUUID = function () {
      return hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + '89ab'[Math.floor(random() * 4)] + hex(3) + '-' + hex(12);
    };
  }
  // sessionStorage is per tab: the marker restores storage on the first document only, so later navigations keep
  // what the app wrote.
  var MARKER = '__reprise.storageRestored';
  try {
    if (options.storage && !sessionStorage.getItem(MARKER)) {
      var local = options.storage.localStorage || {};
      var session = options.storage.sessionStorage || {};
      Object.keys(local).forEach(function (key) { localStorage.setItem(key, local[key]); });
      Object.keys(session).forEach(function (key) { sessionStorage.setItem(key, session[key]); });
      sessionStorage.setItem(MARKER, '1');
    }
  } catch (error) { /* opaque origins (about:blank, data:) have no storage */ }
  window.__repriseMutations = 0;
  var lastMutationAt = performance.now();
  // Identifies this document: a mutation count is only comparable within one document.
  window.__repriseDocument = String(performance.timeOrigin) + ':' + Math.floor(NativeMath.random() * 1e9);
  // Resolves once the DOM has had no mutation for quietMs counted from the call (so effects of the step just
  // performed are awaited), or after maxMs: { quietAfterMs, settled }.
  // A new tab appears to Playwright some time after the click that opened it, often after a quiet window: the
  // page says when it asked for one, so replay can wait for the tab instead of observing the opener.
  // A navigation the page started (location.href = ..., a form post, a link) is under way well before Playwright
  // reports its request or its commit: this document is leaving, and nothing read from it is the step's result.
  // A navigation that ends as a download or a 204 leaves the document in place: after a second it counts as over.
  var NETWORK_POLL_MS = 5;
  var leavingSince = -1;
  window.addEventListener('beforeunload', function () { leavingSince = performance.now(); });
  var popupRequested = false;
  var nativeOpen = window.open;
  window.open = function () {
    popupRequested = true;
    return nativeOpen.apply(this, arguments);
  };
  window.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented) return;
    var target = (link.getAttribute('target') || '').toLowerCase();
    var newTabTarget = target !== '' && target !== '_self' && target !== '_parent' && target !== '_top';
    if (newTabTarget || event.ctrlKey || event.metaKey || event.shiftKey) popupRequested = true;
  });
  // The app's own fetch and XHR calls, from the call to the end of the body read. Node hears of a request, and of
  // its end, on its own schedule: the page may already wait for a response Node has not seen start, or be about to
  // run the continuation of one Node has seen end. Counting here closes both gaps.
  var pendingNetwork = 0;
  var lastNetworkAt = -1;
  function networkSettled() {
    pendingNetwork = Math.max(pendingNetwork - 1, 0);
    lastNetworkAt = performance.now();
  }
  // Hands the app a new promise that settles like the native one, a turn later. The native one gets its handlers
  // here, so an unhandled rejection still comes from the promise the app holds, as it would without replay.
  function tracked(promise) {
    pendingNetwork++;
    return new Promise(function (resolve, reject) {
      promise.then(function (value) { networkSettled(); resolve(value); }, function (error) { networkSettled(); reject(error); });
    });
  }
  function trackMethod(owner, name) {
    var native = owner && owner[name];
    if (typeof native !== 'function') return;
    owner[name] = function () { return tracked(native.apply(this, arguments)); };
  }
  trackMethod(window, 'fetch');
  ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'].forEach(function (name) { trackMethod(window.Response && Response.prototype, name); });
  if (window.XMLHttpRequest) {
    var nativeSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function () {
      // A listener of this call's own: a second send() on a busy request throws, and must not take the first's.
      var settled = false;
      function settle() {
        if (!settled) networkSettled();
        settled = true;
      }
      pendingNetwork++;
      // loadend comes after the app's load and readystatechange handlers, and after abort, error and timeout.
      this.addEventListener('loadend', settle, { once: true });
      try {
        return nativeSend.apply(this, arguments);
      } catch (error) {
        this.removeEventListener('loadend', settle);
        settle();
        throw error;
      }
    };
  }
  // The app's short timers and animation frames: a render the app defers (a debounced search, a validation message
  // set after a delay, a rAF-batched update) is awaited until it has run, instead of hoping it lands inside the
  // quiet window. Longer timers (a toast hiding after seconds, a poll) are not waited for; nor is a self-rearming
  // loop past its third link (an animation, a ticker), and a chain that re-arms through promises only until
  // TIMER_WAIT_CAP_MS after the wait began. Replay's own timers use the native functions.
  var TIMER_HORIZON_MS = 500;
  var MAX_TIMER_CHAIN = 3;
  var TIMER_WAIT_CAP_MS = 1000;
  var nativeSetTimeout = window.setTimeout;
  var nativeClearTimeout = window.clearTimeout;
  var nativeClearInterval = window.clearInterval;
  var pendingTimeouts = new Set();
  var pendingFrames = new Set();
  var timerDepth = 0;
  var lastTimerAt = -1;
  function settleTimer(pending, id) {
    if (pending.delete(id)) lastTimerAt = performance.now();
  }
  // Runs the app's callback as link number depth of a chain (a timer it sets is the next link), then marks it done.
  function runTracked(pending, id, depth, callback, args) {
    var outer = timerDepth;
    timerDepth = depth;
    try {
      return callback.apply(window, args);
    } finally {
      timerDepth = outer;
      settleTimer(pending, id);
    }
  }
  window.setTimeout = function setTimeout(handler, delay) {
    var depth = timerDepth + 1;
    if (typeof handler !== 'function' || (Number(delay) || 0) > TIMER_HORIZON_MS || depth > MAX_TIMER_CHAIN) return nativeSetTimeout.apply(window, arguments);
    var args = Array.prototype.slice.call(arguments, 2);
    var id = nativeSetTimeout.call(window, function () { return runTracked(pendingTimeouts, id, depth, handler, args); }, delay);
    pendingTimeouts.add(id);
    return id;
  };
  // clearInterval clears a timeout too: timeouts and intervals share their ids.
  window.clearTimeout = function clearTimeout(id) {
    settleTimer(pendingTimeouts, id);
    return nativeClearTimeout.call(window, id);
  };
  window.clearInterval = function clearInterval(id) {
    settleTimer(pendingTimeouts, id);
    return nativeClearInterval.call(window, id);
  };
  if (typeof window.requestAnimationFrame === 'function') {
    var nativeRequestFrame = window.requestAnimationFrame;
    var nativeCancelFrame = window.cancelAnimationFrame;
    window.requestAnimationFrame = function requestAnimationFrame(callback) {
      var depth = timerDepth + 1;
      if (typeof callback !== 'function' || depth > MAX_TIMER_CHAIN) return nativeRequestFrame.call(window, callback);
      var id = nativeRequestFrame.call(window, function (time) { return runTracked(pendingFrames, id, depth, callback, [time]); });
      pendingFrames.add(id);
      return id;
    };
    window.cancelAnimationFrame = function cancelAnimationFrame(id) {
      settleTimer(pendingFrames, id);
      return nativeCancelFrame.call(window, id);
    };
  }
  // Quiet only counts once the page has nothing left to run: replay's own work (the look it just took) can hold back
  // the app's queued tasks, such as a timer that came due. A background-priority task runs after every task of
  // higher priority that is ready. Not requestIdleCallback: Chromium grants no idle period for a while after input,
  // so after a click every verdict would wait out the callback's timeout.
  function afterQueuedTasks(callback) {
    // Every Chromium replay drives has scheduler.postTask; a plain task is the fallback for anything else.
    if (window.scheduler && typeof scheduler.postTask === 'function') return void scheduler.postTask(callback, { priority: 'background' }).catch(callback);
    nativeSetTimeout.call(window, callback, 0);
  }
  // What replay reads of a settled page (observePage.ts): in the task that found it settled, or on its own.
  function readPage() {
    var fingerprint = window.__repriseDocument + '|' + window.__repriseMutations + '|' + formState();
    var animating = document.getAnimations().some(function (animation) { return animation.playState === 'running'; });
    var text = document.body ? document.body.innerText : '';
    return { title: document.title, text: text, fingerprint: fingerprint, animating: animating, document: window.__repriseDocument, mutations: window.__repriseMutations };
  }
  // Resolves once the DOM has had no mutation for quietMs counted from anchor (default: the call, so effects of the
  // step just performed are awaited), or after maxMs: { quietAfterMs, settled, anchor, mutations, document }, and
  // with read, the page's reading taken in the same task (one round trip less per look).
  // Replay observes after a short window, then calls again with the first call's anchor and the full window: an
  // unchanged mutation count proves the observation saw a DOM that stayed quiet (see settledObservation.ts).
  window.__repriseQuiet = function (quietMs, maxMs, anchor, read) {
    var start = performance.now();
    var from = typeof anchor === 'number' ? anchor : start;
    var idled = false;
    return new Promise(function (resolve) {
      function done(result) {
        var reads = read && !result.leaving && !result.popupRequested;
        // Text measured, and later photographed, in fallback fonts would differ from a run where the fonts arrived.
        if (reads && document.fonts.status !== 'loaded') return void document.fonts.ready.then(function () { idled = false; check(); });
        result.anchor = from;
        result.mutations = window.__repriseMutations;
        result.document = window.__repriseDocument;
        // A reading that throws (a page that broke innerText) is left to observePage's own read.
        if (reads) try { result.reading = readPage(); } catch (error) { /* read again from Node */ }
        resolve(result);
      }
      function check() {
        var now = performance.now();
        // Past the cap, the app's timers neither hold the verdict nor restart the window.
        var timersCapped = now - from >= TIMER_WAIT_CAP_MS;
        var timersPending = !timersCapped && pendingTimeouts.size + pendingFrames.size > 0;
        var since = Math.max(lastMutationAt, lastNetworkAt, timersCapped ? -1 : lastTimerAt, from);
        var popup = popupRequested;
        if (popup) popupRequested = false;
        if (popup) return done({ quietAfterMs: now - start, settled: false, popupRequested: true });
        if (leavingSince >= 0 && now - leavingSince < 1000) return done({ quietAfterMs: now - start, settled: false, leaving: true });
        var quiet = pendingNetwork === 0 && !timersPending && now - since >= quietMs;
        // The queued tasks must have run after the window closed: a task that ran before may have queued more.
        if (!quiet) idled = false;
        if (quiet && !idled) return void afterQueuedTasks(function () { idled = true; check(); });
        if (quiet) return done({ quietAfterMs: Math.max(since - start, 0), settled: true });
        if (now - start >= maxMs) return done({ quietAfterMs: now - start, settled: false });
        // A pending request or timer has no end time to aim at: look again shortly.
        var untilQuiet = pendingNetwork > 0 || timersPending ? NETWORK_POLL_MS : quietMs - (now - since);
        nativeSetTimeout.call(window, check, Math.min(untilQuiet, maxMs - (now - start)) + 1);
      }
      // Never answer in the calling task: DevTools runs this call ahead of timers already due, so an app timer
      // that fires inside the window (an error thrown 50 ms after a click) must get to run before the answer.
      nativeSetTimeout.call(window, check, 0);
    });
  };
  window.__repriseRead = readPage;
  // Form state lives in properties (value, checked, selected) that change without a DOM mutation.
  function formState() {
    var parts = [];
    var fields = document.querySelectorAll('input,select,textarea');
    for (var k = 0; k < fields.length; k++) {
      var field = fields[k];
      parts.push(field.type === 'checkbox' || field.type === 'radio' ? String(field.checked) : field.type === 'file' ? String(field.files && field.files.length) : field.value);
      if (field.tagName === 'SELECT') parts.push(String(field.selectedIndex));
    }
    var active = document.activeElement;
    parts.push(active ? active.tagName + '#' + active.id + '[' + (active.getAttribute('name') || '') + ']' : '');
    parts.push(String(window.innerWidth) + 'x' + String(window.innerHeight));
    return parts.join('\u0000');
  }
  function install() {
    var style = document.createElement('style');
    style.textContent = '*,*::before,*::after{animation-duration:0s!important;animation-delay:0s!important;' +
      'animation-iteration-count:1!important;transition-duration:0s!important;transition-delay:0s!important;scroll-behavior:auto!important;' +
      // A blinking caret would make two screenshots of the same state differ; Playwright hides it per screenshot.
      'caret-color:transparent!important}';
    (document.head || document.documentElement).appendChild(style);
    new MutationObserver(function () { window.__repriseMutations++; lastMutationAt = performance.now(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }
  if (document.documentElement) install();
  else document.addEventListener('DOMContentLoaded', install, { once: true });
}`;
