// The Translation panel, live: what each language still lacks, read from the form as the editor types (unsaved
// changes count), with each missing field a link that shows its language, opens its tab and puts the cursor in it.
// The panel itself (core/panels.py) says which fields to watch; this only reads the form.
(() => {
  "use strict";

  const LOCALE_HIDDEN = "l10n-hidden";

  function start() {
    const status = document.querySelector("[data-translation-status]");
    const spec = document.getElementById("oswego-translation-fields");
    if (!status || !spec) return;
    const form = status.closest("form");
    const fields = JSON.parse(spec.textContent);
    const rows = [...status.querySelectorAll("[data-language]")];
    const codes = rows.map((row) => row.dataset.language);

    keepVisible(status);

    const streamIsEmpty = (prefix) => {
      const count = form.querySelector(`input[name="${prefix}-count"]`);
      if (!count) return true;
      const pattern = new RegExp(`^${prefix}-\\d+-deleted$`);
      const deleted = [...form.querySelectorAll(`input[name$="-deleted"]`)].filter((input) =>
        pattern.test(input.name),
      );
      if (deleted.length === 0) return Number(count.value) === 0;
      return deleted.every((input) => input.value === "1");
    };

    const richTextIsEmpty = (input) => {
      const value = (input.value || "").trim();
      if (!value || value === "null") return true;
      try {
        const state = JSON.parse(value);
        const blocks = state.blocks || [];
        const entities = Object.keys(state.entityMap || {});
        return entities.length === 0 && blocks.every((block) => !(block.text || "").trim());
      } catch {
        return !value.replace(/<[^>]*>/g, "").trim();
      }
    };

    const isEmpty = (field, code) => {
      const name = `${field.name}_${code}`;
      if (field.kind === "stream") return streamIsEmpty(name);
      const input = form.elements.namedItem(name);
      if (!input) return null; // not in this form: not the editor's to fill here
      if (field.kind === "richtext") return richTextIsEmpty(input);
      return !(input.value || "").trim();
    };

    const missing = (code) =>
      fields.filter((field) => {
        const empty = isEmpty(field, code);
        if (empty !== true) return false;
        return field.required || codes.some((other) => other !== code && isEmpty(field, other) === false);
      });

    const render = () => {
      for (const row of rows) {
        const code = row.dataset.language;
        const state = row.querySelector("[data-translation-state]");
        const gaps = missing(code);
        const signature = gaps.map((field) => field.name).join(",");
        if (state.dataset.signature === signature) continue;
        state.dataset.signature = signature;
        state.replaceChildren();
        const span = document.createElement("span");
        if (gaps.length === 0) {
          span.className = "oswego-translation-status__complete";
          span.textContent = status.dataset.labelComplete;
        } else {
          span.className = "oswego-translation-status__missing";
          span.append(`${status.dataset.labelMissing} `);
          gaps.forEach((field, index) => {
            const link = document.createElement("a");
            const target = field.kind === "stream" ? `${field.name}_${code}-root` : `id_${field.name}_${code}`;
            link.href = `#${target}`;
            link.dataset.translationTarget = target;
            link.textContent = field.label;
            span.append(link);
            if (index < gaps.length - 1) span.append(", ");
          });
        }
        state.append(span);
      }
    };

    status.addEventListener("click", (event) => {
      const link = event.target.closest("[data-translation-target]");
      if (!link) return;
      event.preventDefault();
      const code = link.closest("[data-language]").dataset.language;
      jumpTo(link.dataset.translationTarget, code);
    });

    let timer = null;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(render, 150);
    };
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    form.addEventListener("keyup", soon);
    form.addEventListener("click", soon);
    // Blocks added, moved or deleted, and Draftail's serialised value, change without an input event.
    new MutationObserver(soon).observe(form, { childList: true, subtree: true });
    setInterval(render, 2000);
    render();
  }

  // wagtail-modeltranslation hides each panel whose text names a language (" [en]"); this one names the languages
  // on purpose and must stay in view whatever the toggle shows.
  function keepVisible(status) {
    const ancestors = [];
    for (let element = status; element && element !== document.body; element = element.parentElement) {
      ancestors.push(element);
    }
    const reveal = () => {
      for (const element of ancestors) {
        if (element.classList.contains(LOCALE_HIDDEN)) element.classList.remove(LOCALE_HIDDEN);
      }
    };
    reveal();
    document.addEventListener("wagtail-modeltranslation:buildSets:done", reveal);
    const observer = new MutationObserver(reveal);
    for (const element of ancestors) observer.observe(element, { attributes: true, attributeFilter: ["class"] });
  }

  function jumpTo(id, code) {
    const target = document.getElementById(id);
    if (!target) return;
    // Show the language's fields if the toggle hides them.
    if (target.closest(`.${LOCALE_HIDDEN}`)) {
      const toggle = [...document.querySelectorAll("button.locale-toggle")].find(
        (button) => button.textContent.trim() === code,
      );
      if (toggle && !toggle.classList.contains("showing-locale")) toggle.click();
    }
    // Open the tab that holds it.
    const tabPanel = target.closest("[role=tabpanel]");
    if (tabPanel && tabPanel.hidden) {
      const tab = document.querySelector(`[role=tab][aria-controls="${tabPanel.id}"]`);
      if (tab) tab.click();
    }
    const field = target.closest(".w-field, .w-panel") || target;
    field.scrollIntoView({ block: "center" });
    const focusable =
      target.type === "hidden" || target.id.endsWith("-root")
        ? field.querySelector(".public-DraftEditor-content, input:not([type=hidden]), textarea, select, button")
        : target;
    if (focusable) focusable.focus({ preventScroll: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
