// The round form: the four deadlines follow the vote date as it is typed (without this script the
// "Xem các hạn" button shows them). D−20 report, D−15 dossier, D−10 clarification requests, D−3 answers.
(function () {
  "use strict";
  var field = document.getElementById("vote_date");
  var list = document.getElementById("deadline-live");
  if (!field || !list) { return; }
  var days = [20, 15, 10, 3];
  var labels = list.getAttribute("data-labels").split("|");
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function show() {
    var parts = field.value.split("-");
    list.textContent = "";
    if (parts.length !== 3) { return; }
    var vote = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    if (isNaN(vote)) { return; }
    days.forEach(function (before, i) {
      var d = new Date(vote - before * 86400000);
      var item = document.createElement("li");
      item.textContent = labels[i] + ": " + two(d.getUTCDate()) + "/" + two(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear();
      list.appendChild(item);
    });
  }
  field.addEventListener("input", show);
  field.addEventListener("change", show);
  show();
})();
