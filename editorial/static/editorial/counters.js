// Character counters under the title, SEO title and search description of each language, with the length search
// results and link previews show in full; past it, the counter says so (nothing is cut: Wagtail keeps the text).
(() => {
  "use strict";

  const script = document.currentScript;

  function start() {
    const strings = JSON.parse(script.dataset.strings);
    const limits = JSON.parse(script.dataset.limits);
    for (const [field, limit] of Object.entries(limits)) {
      for (const input of document.querySelectorAll(`[name^="${field}_"]`)) {
        if (!/^[a-z]{2}$/.test(input.name.slice(field.length + 1))) continue;
        attach(input, limit, strings);
      }
    }
  }

  function attach(input, limit, strings) {
    const counter = document.createElement("p");
    counter.className = "oswego-counter help";
    counter.id = `${input.id}-counter`;
    counter.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") || ""} ${counter.id}`.trim());
    input.insertAdjacentElement("afterend", counter);
    const update = () => {
      const count = [...input.value].length;
      const over = count > limit;
      counter.textContent = (over ? strings.over : strings.count)
        .replace("%(count)s", count)
        .replace("%(limit)s", limit);
      counter.classList.toggle("oswego-counter--over", over);
      counter.style.color = over ? "var(--w-color-text-error, #cd4444)" : "";
    };
    input.addEventListener("input", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
