// The search-result and LinkedIn previews (core/panels.py LinkPreviewPanel) follow the title, SEO title and search
// description of their language as the editor types, cut where search results and LinkedIn cut them.
(() => {
  "use strict";

  const LIMITS = { serp: 60, description: 155, linkedin: 70 };

  function cut(text, limit) {
    const characters = [...text];
    return characters.length > limit ? `${characters.slice(0, limit - 1).join("")}…` : text;
  }

  function field(name, code) {
    return document.querySelector(`[name="${name}_${code}"]`);
  }

  function attach(section) {
    const code = section.dataset.language;
    const title = field("title", code);
    const seoTitle = field("seo_title", code);
    const description = field("search_description", code);
    const update = () => {
      const shown = (seoTitle && seoTitle.value.trim()) || (title && title.value.trim()) || "";
      for (const element of section.querySelectorAll("[data-preview-title]")) {
        const limit = element.closest(".oswego-linkedin") ? LIMITS.linkedin : LIMITS.serp;
        element.textContent = cut(shown, limit);
      }
      const text = (description && description.value.trim()) || section.dataset.fallbackDescription || "";
      for (const element of section.querySelectorAll("[data-preview-description]")) {
        element.textContent = cut(text, LIMITS.description);
      }
      const empty = section.querySelector("[data-preview-empty]");
      if (empty && title) empty.hidden = Boolean(title.value.trim());
    };
    for (const input of [title, seoTitle, description]) {
      if (input) input.addEventListener("input", update);
    }
  }

  function start() {
    for (const section of document.querySelectorAll("[data-link-preview] [data-language]")) attach(section);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
