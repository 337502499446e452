(function () {
  "use strict";
  var kotak = document.getElementById("saring");
  if (!kotak) { return; }
  var teks = document.getElementById("saring-teks");
  var status = document.getElementById("saring-status");
  var hasil = document.getElementById("saring-hasil");
  var semua = document.querySelectorAll("[data-saring]");
  function cocok(el) {
    var s = status.value;
    var q = teks.value.trim().toLowerCase();
    if (s === "terkirim" && el.getAttribute("data-terkirim") !== "ya") { return false; }
    if (s === "diganti" && el.getAttribute("data-diganti") !== "ya") { return false; }
    if (s && s !== "terkirim" && s !== "diganti" && el.getAttribute("data-status") !== s) {
      return false;
    }
    return !q || (el.getAttribute("data-teks") || "").indexOf(q) !== -1;
  }
  function saring() {
    var tampak = 0;
    var baris = 0;
    for (var i = 0; i < semua.length; i++) {
      var ok = cocok(semua[i]);
      semua[i].hidden = !ok;
      if (semua[i].closest(".urutan.bawaan")) {
        baris += 1;
        if (ok) { tampak += 1; }
      }
    }
    hasil.textContent = (teks.value || status.value)
      ? tampak + " dari " + baris + " perangkat daerah ditampilkan." : "";
  }
  teks.addEventListener("input", saring);
  status.addEventListener("change", saring);
  kotak.hidden = false;
})();
