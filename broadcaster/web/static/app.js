// broadcaster web: the only script. Follows a background job (build, emergency) and asks before deleting.
"use strict";

function follow(box) {
  const bar = box.querySelector("progress");
  const phase = box.querySelector(".phase");
  const tick = async () => {
    try {
      const response = await fetch(box.dataset.job, {credentials: "same-origin", headers: {Accept: "application/json"}});
      if (response.ok) {
        const job = await response.json();
        if (bar && bar.hasAttribute("value")) { bar.value = job.percent; }
        if (phase) { phase.textContent = job.phase; }
        if (job.state !== "running") { window.location.assign(job.next); return; }
      }
    } catch (e) { /* the server restarts or the network blinks: try again */ }
    window.setTimeout(tick, 700);
  };
  window.setTimeout(tick, 400);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-job][data-state=running]").forEach(follow);
  document.querySelectorAll("input[type=file][data-max]").forEach((input) => {
    input.form.addEventListener("submit", (event) => {
      const file = input.files[0];
      if (file && file.size > Number(input.dataset.max)) {
        event.preventDefault();
        window.alert("Tệp quá lớn (tối đa " + Math.round(input.dataset.max / 1048576) + " MB). Chưa có gì được nhập.");
      }
    });
  });
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
});
