// The web chat page. Plain JavaScript, no build step. Every text from the
// server is put on the page with textContent: nothing is ever parsed as HTML.
"use strict";

(() => {
  const config = JSON.parse(document.getElementById("chat-config").textContent);
  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const form = $("composer");
  const input = $("text");
  const typing = $("typing");
  const connection = $("connection");
  const connectionText = $("connection-text");
  const retry = $("retry");

  let strings = config.strings;
  let language = config.language;
  const seen = new Set();
  let cursor = 0; // the newest message id on the page: streams resume after it
  let source = null;
  let backoff = 1000;
  let reconnectTimer = null;
  let watchdog = null;
  let pending = 0; // messages being sent from this tab
  let othersTyping = false;
  let failed = null; // the last message that did not go out: resent with the same id
  let unread = 0;
  let open = !config.embed; // a widget's panel opens when the visitor asks
  let state = "connecting";

  const t = (id) => strings[id] || "";

  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // -- words -------------------------------------------------------------

  function applyStrings() {
    document.documentElement.lang = language;
    document.querySelectorAll("[data-text]").forEach((el) => {
      el.textContent = t(el.dataset.text);
    });
    document.querySelectorAll("[data-label]").forEach((el) => {
      el.setAttribute("aria-label", t(el.dataset.label));
    });
    input.placeholder = t("webchat-input-placeholder");
    showState(state);
    showUnread();
  }

  async function switchLanguage(code) {
    if (code === language) return;
    try {
      const response = await fetch(`/chat/strings?lang=${encodeURIComponent(code)}`);
      if (!response.ok) return;
      const data = await response.json();
      language = data.language;
      strings = data.strings;
      applyStrings();
    } catch (error) {
      // The words stay as they were; the conversation itself is already right.
    }
  }

  // -- messages ------------------------------------------------------------

  function liveKeyboard() {
    // Only the newest question's options are live, and only until a message
    // comes that the visitor did not ask for (an email confirmed elsewhere,
    // an agent's reply): the server would answer an older press as stale.
    // Once answered they go; after "/status" (a command, not an answer) the
    // question above is still the one to answer.
    const all = Array.from(log.querySelectorAll("li[data-id]"));
    const asking = all.filter((li) => li.querySelector(".quick-replies.choices"));
    const newest = asking[asking.length - 1];
    let outside = false;
    let answered = false;
    for (const li of newest ? all.slice(all.indexOf(newest) + 1) : []) {
      if (li.classList.contains("from-user")) {
        answered = true;
        if (!li.querySelector(".bubble").textContent.startsWith("/")) outside = true;
      } else if (!answered) outside = true;
    }
    asking.forEach((li) => {
      const group = li.querySelector(".quick-replies.choices");
      const live = li === newest && !outside;
      group.classList.toggle("stale", !live);
      group.querySelectorAll("button").forEach((b) => {
        b.disabled = !live;
      });
    });
  }

  function buttonsOf(message) {
    const links = message.buttons.filter((b) => b.url);
    const choices = message.buttons.filter((b) => !b.url);
    const groups = [];
    if (choices.length) {
      const group = document.createElement("div");
      group.className = "quick-replies choices";
      group.setAttribute("role", "group");
      for (const choice of choices) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "quick" + (choice.selected ? " selected" : "");
        button.dataset.value = choice.value;
        button.textContent = choice.label;
        if (choice.selected) button.setAttribute("aria-current", "true");
        button.addEventListener("click", () => {
          send({ kind: "choice", value: choice.value, keyboard: message.keyboard || undefined });
        });
        group.append(button);
      }
      groups.push(group);
    }
    if (links.length) {
      const group = document.createElement("div");
      group.className = "quick-replies links";
      for (const link of links) {
        if (!/^https?:\/\//i.test(link.url)) continue;
        const a = document.createElement("a");
        a.className = "link-button";
        a.href = link.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = link.label;
        const hint = document.createElement("span");
        hint.className = "visually-hidden";
        hint.textContent = ` (${t("webchat-opens-new-tab")})`;
        a.append(hint);
        group.append(a);
      }
      groups.push(group);
    }
    return groups;
  }

  function place(li, id) {
    for (const other of log.children) {
      if (Number(other.dataset.id) > id) {
        log.insertBefore(li, other);
        return;
      }
    }
    log.append(li);
  }

  function show(message) {
    const id = Number(message.id);
    if (message.author === "removed") {
      log.querySelector(`li[data-id="${id}"]`)?.remove();
      seen.add(id);
      cursor = Math.max(cursor, id);
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    cursor = Math.max(cursor, id);
    const mine = message.author === "user";
    const li = document.createElement("li");
    li.className = `msg ${mine ? "from-user" : "from-bot"}`;
    li.dataset.id = String(id);
    if (message.mid) li.dataset.mid = message.mid;
    const who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = `${t(mine ? "webchat-you" : "webchat-assistant")}: `;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = message.text;
    li.append(who, bubble, ...(mine ? [] : buttonsOf(message)));
    place(li, id);
    liveKeyboard();
    log.scrollTop = log.scrollHeight;
    if (!mine && message.lang) switchLanguage(message.lang);
    if (!mine && !(open && document.visibilityState === "visible")) {
      unread += 1;
      showUnread();
    }
  }

  function note(text) {
    // A line from this page, not from the conversation (never stored).
    const li = document.createElement("li");
    li.className = "msg note";
    li.dataset.id = String(cursor + 0.5);
    li.textContent = text;
    log.append(li);
    log.scrollTop = log.scrollHeight;
  }

  function reset() {
    log.querySelectorAll("li:not(.ephemeral)").forEach((li) => li.remove());
    seen.clear();
    cursor = 0;
  }

  function farewell(message) {
    const li = document.createElement("li");
    li.className = "msg from-bot ephemeral";
    li.dataset.id = "0";
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = message.text;
    li.append(bubble);
    log.append(li);
  }

  // The newest message stays in view when the page around the log changes
  // (the keyboard of a phone, the connection line, a narrower window).
  let pinned = true;
  log.addEventListener("scroll", () => {
    pinned = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  });
  new ResizeObserver(() => {
    if (pinned) log.scrollTop = log.scrollHeight;
  }).observe(log);

  // -- sending ---------------------------------------------------------------

  function showTyping() {
    typing.hidden = !(pending > 0 || othersTyping);
  }

  async function send(body) {
    const message = { ...body, client_id: body.client_id || newId() };
    pending += 1;
    showTyping();
    try {
      const response = await fetch("/chat/messages", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": config.csrf },
        body: JSON.stringify(message),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        note(data.error || t("webchat-send-failed"));
        return false;
      }
      failed = null;
      if (data.redacted) note(t("webchat-removed"));
      if (data.unstored && data.unstored.length) {
        // Erased, as asked: the old conversation goes, the farewell stays.
        reset();
        data.unstored.forEach(farewell);
        return true;
      }
      await catchUp();
      return true;
    } catch (error) {
      failed = message;
      note(t("webchat-send-failed"));
      scheduleReconnect();
      return false;
    } finally {
      pending -= 1;
      showTyping();
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    resize();
    const again = failed && failed.kind === "text" && failed.text === text ? failed.client_id : undefined;
    const sent = await send({ kind: "text", text, client_id: again });
    if (!sent && !input.value) {
      input.value = text;
      resize();
    }
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function resize() {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }
  input.addEventListener("input", resize);

  document.querySelectorAll("[data-command]").forEach((button) => {
    button.addEventListener("click", () => send({ kind: "command", name: button.dataset.command }));
  });

  // -- receiving -------------------------------------------------------------

  async function catchUp() {
    // What a stream would bring, fetched once: after a send, a reconnect, a wake.
    const response = await fetch(`/chat/messages?after=${cursor}`, { credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.error || t("webchat-send-failed"));
      error.status = response.status;
      throw error;
    }
    data.messages.forEach(show);
    return data.messages.length;
  }

  function showState(next) {
    state = next;
    const words = {
      connecting: "webchat-connecting",
      offline: "webchat-offline",
      reconnecting: "webchat-reconnecting",
    };
    connection.hidden = next === "online" || next === "connecting";
    connection.dataset.state = next;
    if (next in words) connectionText.textContent = t(words[next]);
  }

  function armWatchdog() {
    clearTimeout(watchdog);
    // Pings come every 15 s: silence for 40 s is a dead connection (a tab
    // that slept, a network that changed) even if the browser has not noticed.
    watchdog = setTimeout(() => {
      if (source) source.close();
      source = null;
      scheduleReconnect();
    }, 40000);
  }

  function connect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (source) source.close();
    source = new EventSource(`/chat/stream?after=${cursor}`, { withCredentials: true });
    source.addEventListener("open", () => {
      backoff = 1000;
      showState("online");
      armWatchdog();
    });
    source.addEventListener("message", (event) => {
      armWatchdog();
      show(JSON.parse(event.data));
    });
    source.addEventListener("typing", (event) => {
      othersTyping = JSON.parse(event.data);
      showTyping();
    });
    source.addEventListener("reset", () => reset());
    source.addEventListener("ping", armWatchdog);
    source.addEventListener("error", () => {
      source.close();
      source = null;
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    if (reconnectTimer) return;
    clearTimeout(watchdog);
    showState(navigator.onLine ? "reconnecting" : "offline");
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = null;
      try {
        await catchUp();
        connect();
      } catch (error) {
        if (error.status === 401 || error.status === 403) {
          connectionText.textContent = error.message;
          connection.hidden = false;
          connection.dataset.state = "expired";
          return;
        }
        scheduleReconnect();
      }
    }, backoff);
    backoff = Math.min(backoff * 2, 30000);
  }

  function retryNow() {
    if (connection.dataset.state === "expired") {
      location.reload();
      return;
    }
    backoff = 0;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    scheduleReconnect();
  }

  retry.addEventListener("click", retryNow);
  window.addEventListener("online", retryNow);
  window.addEventListener("offline", () => {
    if (source) source.close();
    source = null;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    scheduleReconnect();
    showState("offline");
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    if (open) {
      unread = 0;
      showUnread();
    }
    if (!source || source.readyState === EventSource.CLOSED) retryNow();
  });

  // -- unread, and the widget's frame ------------------------------------------

  function showUnread() {
    const title = t("webchat-title");
    document.title = unread && !config.embed ? `(${unread}) ${title}` : title;
    if (config.embed && window.parent !== window) {
      const labels = t("webchat-unread") || [];
      window.parent.postMessage(
        {
          type: "proficonf-chat",
          unread,
          unreadLabel: unread ? labels[Math.min(unread, labels.length) - 1] : "",
          open: t("webchat-launcher-open"),
          close: t("webchat-launcher-close"),
        },
        config.embed,
      );
    }
  }

  if (config.embed) {
    window.addEventListener("message", (event) => {
      if (event.origin !== config.embed || !event.data || event.data.type !== "proficonf-chat-open") return;
      open = Boolean(event.data.open);
      if (open) {
        unread = 0;
        showUnread();
        input.focus();
      }
    });
    const close = $("close");
    close.hidden = false;
    close.addEventListener("click", () => window.parent.postMessage({ type: "proficonf-chat-close" }, config.embed));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") window.parent.postMessage({ type: "proficonf-chat-close" }, config.embed);
    });
  }

  if (config.notice) {
    $("notice-title").textContent = config.notice.title;
    $("notice-text").textContent = config.notice.text;
    $("notice").hidden = false;
    history.replaceState(null, "", location.pathname);
  }

  // -- start -------------------------------------------------------------------

  async function start() {
    applyStrings();
    try {
      const count = await catchUp();
      if (!count) await send({ kind: "command", name: "start" });
    } catch (error) {
      if (error.status) note(error.message);
    }
    connect();
  }

  start();
})();
