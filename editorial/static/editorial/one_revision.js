// One draft revision per editing session. Wagtail's autosave makes one revision when the editor starts changing the
// page and rewrites it afterwards; a click on "Save draft" would add a near-identical one beside it. The click
// rewrites the session's revision too, with the field Wagtail's autosave itself sends (overwrite_revision_id).
// Publishing and submitting make their own revision, as they should.
(() => {
  "use strict";

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.id !== "page-edit-form") return;
      const revision = form.dataset.wAutosaveRevisionIdValue;
      if (!revision || revision === "0") return;
      let input = form.querySelector('input[name="overwrite_revision_id"]');
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "overwrite_revision_id";
        form.append(input);
      }
      input.value = revision;
    },
    true,
  );
})();
