// The Proficonf chat widget for any site: <script src="https://…/widget.js" async></script>.
// A launcher button with an unread badge, and the chat itself in a frame from
// our origin (which serves it only to the sites it is configured for). Styles
// are set through the CSSOM, so the host page's CSP needs no 'unsafe-inline'.
"use strict";

(() => {
  if (window.__proficonfChat) return;
  window.__proficonfChat = true;
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const wide = window.matchMedia("(min-width: 481px)");
  let open = false;
  let labels = { open: "Chat", close: "Close" };

  const css = (el, styles) => Object.assign(el.style, styles);

  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "proficonf-chat-panel");
  launcher.setAttribute("aria-label", labels.open);
  css(launcher, {
    position: "fixed",
    right: "20px",
    bottom: "20px",
    zIndex: "2147483646",
    width: "60px",
    height: "60px",
    border: "0",
    borderRadius: "50%",
    background: "#2b4fd8",
    color: "#ffffff",
    boxShadow: "0 4px 16px rgb(21 28 44 / 30%)",
    cursor: "pointer",
    padding: "0",
  });
  const svgNS = "http://www.w3.org/2000/svg";
  const icon = document.createElementNS(svgNS, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("width", "28");
  icon.setAttribute("height", "28");
  icon.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(svgNS, "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M5 3h14a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3h-7l-5 4v-4H5a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z");
  icon.append(path);
  launcher.append(icon);

  const badge = document.createElement("span");
  badge.hidden = true;
  css(badge, {
    position: "absolute",
    top: "-4px",
    right: "-4px",
    minWidth: "22px",
    height: "22px",
    padding: "0 6px",
    borderRadius: "11px",
    background: "#b42334",
    color: "#ffffff",
    font: "700 13px/22px system-ui, sans-serif",
    textAlign: "center",
  });
  badge.setAttribute("aria-hidden", "true");
  launcher.append(badge);

  const panel = document.createElement("div");
  panel.id = "proficonf-chat-panel";
  panel.hidden = true;
  const frame = document.createElement("iframe");
  frame.src = `${origin}/embed?host=${encodeURIComponent(location.origin)}`;
  frame.title = labels.open;
  css(frame, { width: "100%", height: "100%", border: "0", display: "block" });
  panel.append(frame);

  function layout() {
    const common = {
      position: "fixed",
      zIndex: "2147483647",
      background: "#ffffff",
      overflow: "hidden",
      display: open ? "block" : "none",
    };
    if (wide.matches) {
      css(panel, {
        ...common,
        right: "20px",
        bottom: "92px",
        left: "auto",
        top: "auto",
        width: "380px",
        height: "min(620px, calc(100vh - 112px))",
        borderRadius: "16px",
        boxShadow: "0 8px 32px rgb(21 28 44 / 28%)",
      });
      launcher.style.display = "block";
    } else {
      css(panel, { ...common, inset: "0", width: "100%", height: "100%", borderRadius: "0" });
      // Full screen on a phone: the frame's own header closes it (Escape too).
      launcher.style.display = open ? "none" : "block";
    }
  }

  function setOpen(next) {
    open = next;
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? labels.close : labels.open);
    layout();
    frame.contentWindow?.postMessage({ type: "proficonf-chat-open", open }, origin);
    if (open) frame.focus();
    else launcher.focus();
  }

  launcher.addEventListener("click", () => setOpen(!open));
  wide.addEventListener("change", layout);
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow || !event.data) return;
    if (event.data.type === "proficonf-chat-close") {
      setOpen(false);
      return;
    }
    if (event.data.type !== "proficonf-chat") return;
    labels = { open: event.data.open || labels.open, close: event.data.close || labels.close };
    launcher.setAttribute("aria-label", open ? labels.close : labels.open);
    frame.title = labels.open;
    badge.hidden = !event.data.unread;
    badge.textContent = event.data.unread > 99 ? "99+" : String(event.data.unread || "");
    if (event.data.unread) launcher.setAttribute("aria-label", `${labels.open}, ${event.data.unreadLabel}`);
  });

  layout();
  document.body.append(panel, launcher);
})();
