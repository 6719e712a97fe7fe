/* 网格通: the grid worker's app. Who is signed in comes from /app/api/me (kept in IndexedDB for use without
   signal); every piece of work goes through the outbox (outbox.js). */
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { me: null, csrf: null, patrol: null, track: [], watch: null, person: null };
  const OUTBOX = self.FqOutbox;

  function flash(text, isError) {
    const box = $("flash");
    box.textContent = text;
    box.classList.toggle("error", !!isError);
    box.hidden = !text;
  }

  function setNet() {
    const online = navigator.onLine;
    $("net").textContent = online ? "在线" : "离线:工作将保存在本机,恢复信号后自动发送";
    $("net").classList.toggle("offline", !online);
  }

  function show(tab) {
    document.querySelectorAll(".tab").forEach((s) => { s.hidden = s.id !== "tab-" + tab; });
    document.querySelectorAll(".app-tabs button").forEach((b) => {
      if (b.dataset.tab === tab) b.setAttribute("aria-current", "page"); else b.removeAttribute("aria-current");
    });
    if (tab === "tasks") loadTasks();
  }

  function option(select, value, text) {
    const o = document.createElement("option");
    o.value = value; o.textContent = text;
    select.appendChild(o);
  }

  function today() {
    const d = new Date(Date.now() + 8 * 3600 * 1000);  // the Beijing day
    return d.toISOString().slice(0, 10);
  }

  function fillForms() {
    const me = state.me;
    if (!me) return;
    $("who").textContent = `${me.displayName}(${me.roleName})`;
    for (const id of ["patrol-grid", "visit-grid"]) {
      const select = $(id);
      select.textContent = "";
      me.grids.forEach((g) => option(select, g.code, g.name));
    }
    const kinds = $("visit-kind");
    kinds.textContent = "";
    me.subjectKinds.forEach((k) => option(kinds, k.code, k.name));
    const categories = $("report-category");
    categories.textContent = "";
    option(categories, "", "请选择");
    me.categories.forEach((c) => option(categories, c.code, c.name));
    const list = $("checklist");
    list.textContent = "";
    me.checklist.forEach((item, index) => {
      const li = document.createElement("li");
      const label = document.createElement("label");
      label.htmlFor = "check-" + index;
      label.textContent = item.name;
      const select = document.createElement("select");
      select.id = "check-" + index;
      select.dataset.code = item.code;
      option(select, "", "未检查");
      option(select, "ok", "正常");
      option(select, "issue", "发现问题");
      const noteLabel = document.createElement("label");
      noteLabel.htmlFor = "check-note-" + index;
      noteLabel.className = "visually-hidden";
      noteLabel.textContent = item.name + "的说明";
      const note = document.createElement("input");
      note.id = "check-note-" + index;
      note.placeholder = "说明(发现问题时必填)";
      li.append(label, select, noteLabel, note);
      list.appendChild(li);
    });
    if (!$("visit-date").value) $("visit-date").value = today();
  }

  async function loadMe() {
    try {
      const response = await fetch("/app/api/me", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.status === 401) {
        $("signin").hidden = false;
        state.me = null;
        return;
      }
      if (!response.ok) { flash("无法读取账号信息(" + response.status + ")", true); return; }
      const me = await response.json();
      state.me = me.profile;
      state.csrf = me.csrfToken;
      $("signin").hidden = true;
      await OUTBOX.setMeta("me", { profile: me.profile, csrfToken: me.csrfToken });
    } catch (e) {
      const kept = await OUTBOX.getMeta("me");
      if (kept) { state.me = kept.profile; state.csrf = kept.csrfToken; }
    }
    fillForms();
  }

  async function loadTasks() {
    const list = $("tasks");
    let tasks = null;
    try {
      const response = await fetch("/app/api/tasks", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        tasks = (await response.json()).tasks;
        await OUTBOX.setMeta("tasks", tasks);
      }
    } catch (e) { /* offline: the last list */ }
    if (!tasks) tasks = (await OUTBOX.getMeta("tasks")) || [];
    list.textContent = "";
    $("tasks-empty").hidden = tasks.length > 0;
    tasks.forEach((task) => {
      const li = document.createElement("li");
      const title = document.createElement("strong");
      title.textContent = `${task.number} ${task.categoryName}`;
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = task.needsVerification ? `${task.stateName},请到现场核查` : task.stateName;
      li.append(title, meta);
      if (task.needsVerification) {
        const label = document.createElement("label");
        label.htmlFor = "reason-" + task.number;
        label.textContent = "核查意见";
        const reason = document.createElement("input");
        reason.id = "reason-" + task.number;
        const actions = document.createElement("p");
        actions.className = "actions";
        for (const [pass, text] of [[true, "核查通过"], [false, "核查不通过"]]) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = text;
          if (!pass) button.className = "secondary";
          button.addEventListener("click", () => {
            if (!pass && !reason.value.trim()) { flash("核查不通过时请写明理由", true); reason.focus(); return; }
            queue("verify", `/app/api/tasks/${encodeURIComponent(task.number)}/verify`,
                  { pass, reason: reason.value.trim() || null }, `核查 ${task.number}:${text}`);
            li.remove();
          });
          actions.appendChild(button);
        }
        li.append(label, reason, actions);
      }
      list.appendChild(li);
    });
  }

  async function renderOutbox() {
    const items = (await OUTBOX.all()).sort((a, b) => a.seq - b.seq);
    const pending = items.filter((i) => i.status === "pending").length;
    $("outbox-count").textContent = String(pending);
    $("outbox-empty").hidden = items.length > 0;
    const list = $("outbox");
    list.textContent = "";
    items.forEach((item) => {
      const li = document.createElement("li");
      li.className = item.status;
      const title = document.createElement("strong");
      title.textContent = item.label;
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = item.status === "failed" ? "未能提交:" + item.error : "等待发送";
      li.append(title, meta);
      if (item.status === "failed") {
        const drop = document.createElement("button");
        drop.type = "button";
        drop.className = "secondary";
        drop.textContent = "移除";
        drop.addEventListener("click", () => OUTBOX.remove(item.seq).then(renderOutbox));
        li.appendChild(drop);
      }
      list.appendChild(li);
    });
  }

  async function flush() {
    if (!navigator.onLine) return;
    let result = await OUTBOX.flush(() => state.csrf);
    if (result === "csrf" || result === "signed_out") {
      await loadMe();
      if (state.me && $("signin").hidden) result = await OUTBOX.flush(() => state.csrf);
    }
    if (result === "signed_out") flash("登录已过期,请重新登录后自动发送待发送的工作", true);
  }

  function queue(kind, url, body, label) {
    return OUTBOX.add(kind, url, body, label).then(() => {
      flash(navigator.onLine ? `已保存:${label},正在发送…` : `已保存在本机:${label},恢复信号后自动发送`);
      return flush();
    });
  }

  // Reports: photos are shrunk on the phone (at most 1600 px, JPEG) and kept as data: URLs with the report.
  function shrink(file) {
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => {
        const image = new Image();
        image.onload = () => {
          const scale = Math.min(1, 1600 / Math.max(image.width, image.height));
          const canvas = document.createElement("canvas");
          canvas.width = Math.round(image.width * scale);
          canvas.height = Math.round(image.height * scale);
          canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
          resolve({ name: file.name.replace(/\.[^.]*$/, "") + ".jpg", content: canvas.toDataURL("image/jpeg", 0.85) });
        };
        image.onerror = () => resolve({ name: file.name, content: reader.result });
        image.src = reader.result;
      };
      reader.readAsDataURL(file);
    });
  }

  function locate(latField, lonField) {
    if (!navigator.geolocation) { flash("本设备不支持定位,请手工填写经纬度", true); return; }
    navigator.geolocation.getCurrentPosition((p) => {
      latField.value = p.coords.latitude.toFixed(6);
      lonField.value = p.coords.longitude.toFixed(6);
    }, () => flash("无法取得定位,请检查定位权限或手工填写经纬度", true), { enableHighAccuracy: true, timeout: 15000 });
  }

  async function submitReport(event) {
    event.preventDefault();
    const form = event.target;
    const number = (v) => (v.trim() === "" ? null : Number(v));
    const photos = [];
    for (const file of Array.from($("report-photos").files).slice(0, 9)) photos.push(await shrink(file));
    const body = {
      category: form.category.value || null, description: form.description.value.trim() || null,
      address: form.address.value.trim() || null, latitude: number(form.latitude.value),
      longitude: number(form.longitude.value), resolvedOnSite: $("report-resolved").checked,
      result: form.result.value.trim() || null, photos,
    };
    await queue("report", "/app/api/reports", body, `上报:${(body.description || "").slice(0, 20)}`);
    form.reset();
  }

  async function submitVisit(event) {
    event.preventDefault();
    const form = event.target;
    const body = {
      subjectKind: form.subjectKind.value, subject: form.subject.value.trim() || null,
      gridCode: form.gridCode.value || null, visitedOn: form.visitedOn.value || null,
      notes: form.notes.value.trim() || null, findings: form.findings.value.trim() || null,
    };
    await queue("visit", "/app/api/visits", body, `走访:${body.subject || ""}`);
    form.subject.value = ""; form.notes.value = ""; form.findings.value = "";
  }

  // Patrols: the phone names the patrol, so its points and its end can wait in the outbox behind its start.
  function showPatrol() {
    const running = !!state.patrol;
    $("patrol-start-form").hidden = running;
    $("patrol-stop-form").hidden = !running;
    $("patrol-state").textContent = running
      ? `巡查中(自 ${new Date(state.patrol.startedAt).toLocaleTimeString("zh-CN")} 起),已记录轨迹点 ${state.patrol.points} 个`
      : "未在巡查。";
  }

  function sendTrack() {
    if (!state.patrol || state.track.length === 0) return;
    const points = state.track.splice(0, 500);
    queue("track", `/app/api/patrols/${state.patrol.ref}/points`, { points }, `巡查轨迹 ${points.length} 个点`);
  }

  async function startPatrol(event) {
    event.preventDefault();
    const ref = OUTBOX.uuid();
    const startedAt = Date.now();
    state.patrol = { ref, startedAt, points: 0 };
    await OUTBOX.setMeta("patrol", state.patrol);
    await queue("patrol-start", "/app/api/patrols", { ref, gridCode: $("patrol-grid").value, startedAt }, "开始巡查");
    if (navigator.geolocation) {
      const record = (p) => {
        if (!state.patrol) return;
        state.track.push({ latitude: p.coords.latitude, longitude: p.coords.longitude, at: Date.now() });
        state.patrol.points += 1;
        showPatrol();
      };
      navigator.geolocation.getCurrentPosition(record, () => {}, { enableHighAccuracy: true, timeout: 15000 });
      state.watch = navigator.geolocation.watchPosition(record, () => {}, { enableHighAccuracy: true, maximumAge: 10000 });
    }
    showPatrol();
  }

  async function stopPatrol(event) {
    event.preventDefault();
    if (!state.patrol) return;
    sendTrack();
    if (state.watch !== null) navigator.geolocation.clearWatch(state.watch);
    state.watch = null;
    const checklist = [];
    document.querySelectorAll("#checklist select").forEach((select) => {
      if (!select.value) return;
      const note = $("check-note-" + select.id.slice("check-".length)).value.trim();
      checklist.push({ code: select.dataset.code, status: select.value, note: note || null });
    });
    const ref = state.patrol.ref;
    state.patrol = null;
    await OUTBOX.setMeta("patrol", null);
    await queue("patrol-stop", `/app/api/patrols/${ref}/stop`,
                { endedAt: Date.now(), checklist, note: $("patrol-note").value.trim() || null }, "结束巡查");
    $("patrol-stop-form").reset();
    showPatrol();
  }

  async function searchPeople(event) {
    event.preventDefault();
    const list = $("people");
    list.textContent = "";
    try {
      const response = await fetch("/app/api/people?q=" + encodeURIComponent($("people-q").value.trim()),
                                   { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) { flash("查找失败(" + response.status + ")", true); return; }
      const people = (await response.json()).people;
      if (people.length === 0) flash("没有找到该人员");
      people.forEach((person) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = `${person.name} · ${person.address} · ${person.phoneMasked || "无电话"}`;
        button.addEventListener("click", () => {
          state.person = person;
          $("person-name").textContent = `${person.name}(${person.address})`;
          $("person-form").hidden = false;
        });
        li.appendChild(button);
        list.appendChild(li);
      });
    } catch (e) {
      flash("查找人员需要信号;更新可以离线保存", true);
    }
  }

  async function updatePerson(event) {
    event.preventDefault();
    if (!state.person) return;
    const tag = $("person-tag").value;
    const body = { phone: $("person-phone").value.trim() || null, addTags: tag ? [tag] : [] };
    await queue("person", `/app/api/people/${state.person.id}`, body, `更新人员:${state.person.name}`);
    $("person-form").reset();
    $("person-form").hidden = true;
  }

  async function start() {
    document.querySelectorAll(".app-tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.tab)));
    $("report-form").addEventListener("submit", submitReport);
    $("report-locate").addEventListener("click", () => locate($("report-latitude"), $("report-longitude")));
    $("visit-form").addEventListener("submit", submitVisit);
    $("patrol-start-form").addEventListener("submit", startPatrol);
    $("patrol-stop-form").addEventListener("submit", stopPatrol);
    $("people-search").addEventListener("submit", searchPeople);
    $("person-form").addEventListener("submit", updatePerson);
    $("flush").addEventListener("click", flush);
    OUTBOX.onChange(renderOutbox);
    window.addEventListener("online", () => { setNet(); loadMe().then(flush); });
    window.addEventListener("offline", setNet);
    setNet();
    state.patrol = await OUTBOX.getMeta("patrol");
    showPatrol();
    await loadMe();
    await renderOutbox();
    loadTasks();
    flush();
    setInterval(flush, 15000);
    setInterval(sendTrack, 30000);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/app/sw.js", { scope: "/app" }).catch(() => {});
    }
    document.body.dataset.ready = "true";
  }

  start();
})();
