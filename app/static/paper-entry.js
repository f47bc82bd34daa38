// Paper entry: one key per row. A key typed into an empty row field fills it and moves on to the
// next row, so a ballot of 50 rows is 50 keys and Enter. To type several marks in one row, go back
// to it (Shift+Tab): in a field that already holds a key, keys are added without moving on.
(function () {
  "use strict";
  var form = document.getElementById("entry");
  if (!form) { return; }
  var fields = Array.prototype.slice.call(form.querySelectorAll("input.key"));
  var single = /^[0-9xX]$/;
  fields.forEach(function (field, i) {
    field.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || !single.test(event.key)) { return; }
      if (field.value !== "" && field.selectionStart !== 0) { return; }
      event.preventDefault();
      field.value = event.key.toLowerCase();
      var next = fields[i + 1] || form.querySelector("button[type=submit]");
      next.focus();
      if (next.select) { next.select(); }
    });
  });
})();
