// huashu console: keyboard shortcuts, copying an accepted draft, and the supervisor-approval
// confirmation. Everything also works without JavaScript through the plain forms.
"use strict";

(function () {
  const page = document.body.dataset.page;
  const FLASH_KEY = "huashu-flash";
  const NEXT_STEP = "按 j 去下一个会话，或按 / 粘贴买家的新消息。";

  let flashTimer = null;

  function showFlash(text) {
    const flash = document.getElementById("flash");
    if (!flash || !text) return;
    flash.textContent = text;
    flash.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { flash.hidden = true; }, 4000);
  }

  function typing(target) {
    const tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  function copyText(text) {
    // the Clipboard API needs a secure context (127.0.0.1 is one); the fallback covers the rest
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return legacyCopy(text); }
      );
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  // n on any agent page: the inbox's paste box with the conversation id field focused
  const NEW_CONVERSATION = "/console/inbox#new";

  function newConversation() {
    document.getElementById("paste-conversation").focus();
  }

  function move(url, atEnd) {
    if (url) window.location.href = url; else showFlash(atEnd);
  }

  function approvedBySupervisor(card, form) {
    if (card.dataset.needsApproval !== "1") return true;
    const ok = window.confirm("这条草稿超出客服权限，需要主管批准。主管已经批准发送了吗？");
    if (ok) form.querySelector("input[name=approved]").value = "yes";
    return ok;
  }

  // ---- lists: j/k move a selection, Enter opens it ----
  function listNavigator(items, onOpen) {
    let index = items.findIndex(function (item) { return item.classList.contains("current"); });
    function select(next) {
      if (!items.length) return;
      index = Math.max(0, Math.min(items.length - 1, next));
      items.forEach(function (item, at) { item.classList.toggle("selected", at === index); });
      items[index].scrollIntoView({ block: "nearest" });
      if (items[index].tabIndex === -1) items[index].focus({ preventScroll: true });
    }
    return {
      next: function () { select(index + 1); },
      previous: function () { select(index < 0 ? 0 : index - 1); },
      open: function () { if (index >= 0) onOpen(items[index]); },
      current: function () { return index >= 0 ? items[index] : null; },
    };
  }

  // ---- the conversation page ----
  function conversationPage() {
    const cards = Array.from(document.querySelectorAll(".draft"));
    let selected = null;

    function pick(number) {
      const card = cards[number - 1];
      if (!card) { showFlash("没有第 " + number + " 条草稿。"); return; }
      cards.forEach(function (other) { other.classList.toggle("selected", other === card); });
      selected = card;
      card.focus();
    }

    function chosen() {
      if (!selected) {
        const open = cards.find(function (card) { return card.querySelector(".accept-form"); });
        if (open) pick(cards.indexOf(open) + 1);
      }
      return selected;
    }

    function closeForms(card) {
      card.querySelectorAll(".edit-form, .reject-form").forEach(function (form) { form.hidden = true; });
      const actions = card.querySelector(".actions");
      if (actions) actions.hidden = false;
      card.focus();
    }

    function handled(card) {
      if (card && card.querySelector(".accept-form")) return false;
      const what = card ? "这条草稿已处理过。" : cards.length ? "这条消息的草稿都已处理。" : "这条消息没有草稿。";
      showFlash(what + NEXT_STEP);
      return true;
    }

    function openForm(card, selector) {
      if (handled(card)) return;
      closeForms(card);
      const form = card.querySelector(selector);
      card.querySelector(".actions").hidden = true;
      form.hidden = false;
      const field = form.querySelector("textarea, select");
      field.focus();
      if (field.tagName === "TEXTAREA") field.setSelectionRange(field.value.length, field.value.length);
    }

    cards.forEach(function (card) {
      const accept = card.querySelector(".accept-form");
      if (!accept) return;
      card.addEventListener("click", function () { pick(cards.indexOf(card) + 1); });
      accept.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!approvedBySupervisor(card, accept)) return;
        const text = card.querySelector(".draft-text").textContent;
        copyText(text).then(function (copied) {
          sessionStorage.setItem(FLASH_KEY, copied ? "已采用，文本已复制到剪贴板" : "已采用（复制失败，请手动复制）");
          accept.submit();
        });
      });
      const edit = card.querySelector(".edit-form");
      edit.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!approvedBySupervisor(card, edit)) return;
        const text = edit.querySelector("textarea").value;
        // the server records an unchanged "edit" as an accept; the message says what was recorded
        const unchanged = text === card.querySelector(".draft-text").textContent;
        copyText(text).then(function (copied) {
          const done = unchanged ? "未修改，已按采用记录" : "已记录编辑";
          sessionStorage.setItem(FLASH_KEY, copied ? done + "，文本已复制到剪贴板" : done);
          edit.submit();
        });
      });
      card.querySelector(".reject-form").addEventListener("submit", function () {
        sessionStorage.setItem(FLASH_KEY, "已拒绝并记录原因");
      });
      card.querySelector(".edit-open").addEventListener("click", function () { pick(cards.indexOf(card) + 1); openForm(card, ".edit-form"); });
      card.querySelector(".reject-open").addEventListener("click", function () { pick(cards.indexOf(card) + 1); openForm(card, ".reject-form"); });
      card.querySelectorAll(".cancel").forEach(function (button) {
        button.addEventListener("click", function () { closeForms(card); });
      });
    });

    document.addEventListener("keydown", function (event) {
      const target = event.target;
      if (typing(target)) {
        if (event.key === "Escape") {
          const card = target.closest(".draft");
          if (card) closeForms(card); else target.blur();
        } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey || target.tagName === "SELECT")) {
          // Enter on the reason list confirms the rejection (a select has no implicit submission)
          const form = target.closest("form");
          if (form) { event.preventDefault(); form.requestSubmit(); }
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const body = document.body.dataset;
      if (["1", "2", "3"].includes(event.key)) { pick(Number(event.key)); event.preventDefault(); }
      else if (event.key === "Enter" && !["BUTTON", "A"].includes(target.tagName) && (target === document.body || target.closest(".draft"))) {
        const card = chosen();
        event.preventDefault();
        if (!handled(card)) card.querySelector(".accept-form").requestSubmit();
      }
      else if (event.key === "e") { event.preventDefault(); openForm(chosen(), ".edit-form"); }
      else if (event.key === "r") { event.preventDefault(); openForm(chosen(), ".reject-form"); }
      else if (event.key === "j") { move(body.next, "已经是最后一个会话。"); }
      else if (event.key === "k") { move(body.previous, "已经是第一个会话。"); }
      else if (event.key === "/") { event.preventDefault(); document.getElementById("paste-message").focus(); }
      else if (event.key === "n") { window.location.href = NEW_CONVERSATION; }
    });

    const open = cards.find(function (card) { return card.querySelector(".accept-form"); });
    if (open) pick(cards.indexOf(open) + 1);
  }

  // ---- the inbox ----
  function inboxPage() {
    const items = Array.from(document.querySelectorAll("#conversation-list .conv"));
    const nav = listNavigator(items, function (item) { item.querySelector("a").click(); });
    document.addEventListener("keydown", function (event) {
      if (typing(event.target)) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          const form = event.target.closest("form");
          if (form) { event.preventDefault(); form.requestSubmit(); }
        } else if (event.key === "Escape") { event.target.blur(); }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j") nav.next();
      else if (event.key === "k") nav.previous();
      // a focused link or button keeps its own Enter
      else if (event.key === "Enter" && nav.current() && !["BUTTON", "A"].includes(event.target.tagName)) { event.preventDefault(); nav.open(); }
      else if (event.key === "/") { event.preventDefault(); document.getElementById("paste-message").focus(); }
      else if (event.key === "n") { event.preventDefault(); newConversation(); }
    });
    // the newest conversation is selected, so Enter opens it straight after logging in
    if (items.length) nav.next();
    if (window.location.hash === "#new") newConversation();
  }

  // ---- the review queue ----
  function reviewPage() {
    const items = Array.from(document.querySelectorAll(".review-item"));
    const nav = listNavigator(items, function () {});
    document.addEventListener("keydown", function (event) {
      if (typing(event.target)) {
        if (event.key === "Escape") event.target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const item = nav.current();
      if (event.key === "j") nav.next();
      else if (event.key === "k") nav.previous();
      else if (event.key === "y" && item && item.querySelector(".confirm-form")) item.querySelector(".confirm-form").requestSubmit();
      else if (event.key === "l" && item) { event.preventDefault(); item.querySelector(".label-form select").focus(); }
    });
    if (items.length) nav.next();
  }

  document.querySelectorAll(".rollback-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm("确定让所有店铺改用这个模型版本吗？")) event.preventDefault();
    });
  });

  showFlash(sessionStorage.getItem(FLASH_KEY));
  sessionStorage.removeItem(FLASH_KEY);
  if (page === "conversation") conversationPage();
  else if (page === "inbox") inboxPage();
  else if (page === "review") reviewPage();
})();
