/* 网格通 outbox: work recorded in the field is stored in IndexedDB first, each item with an idempotency key
   made on the device, and sent in order when there is signal. An item leaves the outbox after a 2xx answer,
   or stays visible as failed after a definitive refusal (4xx) with the server's Chinese message. */
"use strict";
(function () {
  const DB_NAME = "fq-gridapp";
  let dbPromise = null;

  function open() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains("outbox")) db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
          if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return dbPromise;
  }

  function tx(store, mode, work) {
    return open().then((db) => new Promise((resolve, reject) => {
      const t = db.transaction(store, mode);
      let result;
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
      const request = work(t.objectStore(store));
      if (request) request.onsuccess = () => { result = request.result; };
    }));
  }

  function uuid() {
    if (self.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  const listeners = [];
  function changed() { listeners.forEach((f) => { try { f(); } catch (e) { /* keep going */ } }); }

  /** Stores one piece of work; `label` says what it is in Chinese. */
  function add(kind, url, body, label) {
    const item = { kind, url, body, label, key: uuid(), status: "pending", error: null, createdAt: Date.now() };
    return tx("outbox", "readwrite", (s) => s.add(item)).then((seq) => { changed(); return seq; });
  }

  function all() { return tx("outbox", "readonly", (s) => s.getAll()); }
  function remove(seq) { return tx("outbox", "readwrite", (s) => s.delete(seq)); }
  function put(item) { return tx("outbox", "readwrite", (s) => s.put(item)); }
  function getMeta(name) { return tx("meta", "readonly", (s) => s.get(name)); }
  function setMeta(name, value) { return tx("meta", "readwrite", (s) => s.put(value, name)); }

  /** The Chinese message of an error answer: the field errors, else the problem's detail. */
  function message(status, text) {
    try {
      const problem = JSON.parse(text);
      const fields = (problem.errors || []).map((e) => e.message).filter(Boolean);
      if (fields.length) return fields.join(";");
      if (problem.detail) return problem.detail;
      if (problem.title) return problem.title;
    } catch (e) { /* not JSON */ }
    return `服务器拒绝了该项(${status})`;
  }

  let flushing = null;
  /** Sends every pending item in order. Resolves to "done", "offline", "signed_out", "csrf" or "retry_later". */
  function flush(csrf) {
    if (flushing) return flushing;
    flushing = (async () => {
      try {
        const items = (await all()).sort((a, b) => a.seq - b.seq);
        for (const item of items) {
          if (item.status !== "pending") continue;
          let response;
          try {
            response = await fetch(item.url, {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/json", "Accept": "application/json",
                         "X-CSRF-Token": csrf() || "", "Idempotency-Key": item.key },
              body: JSON.stringify(item.body) });
          } catch (e) {
            return "offline";
          }
          if (response.ok) { await remove(item.seq); changed(); continue; }
          if (response.status === 401) return "signed_out";
          if (response.status === 403 && (await response.clone().text()).includes("csrf_failed")) return "csrf";
          if (response.status === 408 || response.status === 429 || response.status >= 500) return "retry_later";
          item.status = "failed";
          item.error = message(response.status, await response.text());
          await put(item);
          changed();
        }
        return "done";
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  self.FqOutbox = { add, all, remove, flush, uuid, getMeta, setMeta, onChange: (f) => listeners.push(f) };
})();
