// The review desk's keyboard and in-place decisions. Without this file every form still posts and comes back.
(function () {
  "use strict";

  const list = document.querySelector("[data-desk]");
  if (!list) {
    return;
  }
  const status = document.getElementById("desk-status");
  let current = 0;

  function rows() {
    return Array.from(list.querySelectorAll(".desk-quote"));
  }

  function focusRow(index) {
    const all = rows();
    if (!all.length) {
      return;
    }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) {
      row.classList.toggle("current", i === current);
    });
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function currentRow() {
    return rows()[current];
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // Posts a row's form; the server answers with the row redrawn, which replaces the old one.
  function send(form, decision) {
    const row = form.closest(".desk-quote");
    const index = rows().indexOf(row);
    const data = new FormData(form);
    data.set("decision", decision);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (!answer.ok) {
          const error = row.querySelector(".desk-error");
          error.textContent = answer.error;
          error.hidden = false;
          say(answer.error);
          return;
        }
        const holder = document.createElement("div");
        holder.innerHTML = answer.html;
        const fresh = holder.querySelector(".desk-quote");
        row.replaceWith(fresh);
        say(answer.message);
        // A decision moves on to the next quote; a correction (speaker, span) stays to be verified.
        focusRow(["verify", "reject"].includes(decision) ? index + 1 : index);
      })
      .catch(function () {
        say("The decision was not saved: the server did not answer. Try again.");
      });
  }

  list.addEventListener("submit", function (event) {
    event.preventDefault();
    const decision = event.submitter ? event.submitter.value : event.target.querySelector("button").value;
    const row = event.target.closest(".desk-quote");
    current = rows().indexOf(row);
    send(event.target, decision);
  });

  list.addEventListener("click", function (event) {
    const row = event.target.closest(".desk-quote");
    if (row && !event.target.closest("form, a")) {
      focusRow(rows().indexOf(row));
    }
  });

  // The speaker autocomplete: names with their roles; Enter picks the highlighted one, or the typed name.
  let timer = null;
  list.addEventListener("input", function (event) {
    const input = event.target;
    if (input.name !== "speaker_name") {
      return;
    }
    const form = input.form;
    form.elements.speaker_id.value = "";
    clearTimeout(timer);
    timer = setTimeout(function () {
      suggest(form, input.value);
    }, 150);
  });

  function suggest(form, term) {
    const box = form.querySelector(".desk-suggestions");
    if (!term.trim()) {
      box.hidden = true;
      return;
    }
    const url = list.dataset.speakersUrl + "?q=" + encodeURIComponent(term);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        box.replaceChildren();
        answer.results.forEach(function (speaker, i) {
          const item = document.createElement("li");
          item.setAttribute("role", "option");
          item.dataset.id = speaker.id;
          item.dataset.name = speaker.name;
          item.textContent = speaker.name + (speaker.role ? ", " + speaker.role : "") + " (" + speaker.quotes + ")";
          item.classList.toggle("active", i === 0);
          box.appendChild(item);
        });
        const fresh = document.createElement("li");
        fresh.setAttribute("role", "option");
        fresh.dataset.name = term.trim();
        fresh.textContent = "New speaker: " + term.trim();
        fresh.classList.toggle("active", answer.results.length === 0);
        box.appendChild(fresh);
        box.hidden = false;
        form.elements.speaker_name.setAttribute("aria-expanded", "true");
      });
  }

  function pick(form, item) {
    form.elements.speaker_id.value = item.dataset.id || "";
    form.elements.speaker_name.value = item.dataset.name;
    form.querySelector(".desk-suggestions").hidden = true;
    send(form, "speaker");
  }

  list.addEventListener("mousedown", function (event) {
    const item = event.target.closest(".desk-suggestions li");
    if (item) {
      event.preventDefault();
      pick(item.closest("form"), item);
    }
  });

  function moveSuggestion(box, step) {
    const items = Array.from(box.querySelectorAll("li"));
    let at = items.findIndex(function (li) {
      return li.classList.contains("active");
    });
    at = Math.max(0, Math.min(items.length - 1, at + step));
    items.forEach(function (li, i) {
      li.classList.toggle("active", i === at);
    });
  }

  function onFieldKey(event) {
    const field = event.target;
    if (event.key === "Escape") {
      field.blur();
      focusRow(current);
      return;
    }
    if (field.name === "speaker_name") {
      const box = field.form.querySelector(".desk-suggestions");
      if (!box.hidden && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        moveSuggestion(box, event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter" && !box.hidden && box.querySelector("li.active")) {
        event.preventDefault();
        pick(field.form, box.querySelector("li.active"));
      }
    }
    if (field.name === "text" && event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send(field.form, "text");
    }
  }

  const keys = {
    j: function () {
      focusRow(current + 1);
    },
    ArrowDown: function () {
      focusRow(current + 1);
    },
    k: function () {
      focusRow(current - 1);
    },
    ArrowUp: function () {
      focusRow(current - 1);
    },
    v: function () {
      send(currentRow().querySelector(".desk-verify"), "verify");
    },
    u: function () {
      send(currentRow().querySelector(".desk-verify"), "unreview");
    },
    x: function () {
      currentRow().querySelector(".desk-reject input[name=reason]").focus();
    },
    s: function () {
      currentRow().querySelector(".desk-speaker input[name=speaker_name]").focus();
    },
    e: function () {
      currentRow().querySelector(".desk-edit-details").open = true;
      currentRow().querySelector(".desk-edit textarea").focus();
    },
    o: function () {
      list.classList.toggle("one-at-a-time");
      focusRow(current);
    },
    n: function () {
      const next = document.querySelector(".desk-pages a[rel=next]");
      if (next) {
        window.location.href = next.href;
      }
    },
    p: function () {
      const previous = document.querySelector(".desk-pages a[rel=prev]");
      if (previous) {
        window.location.href = previous.href;
      }
    },
  };

  document.addEventListener("keydown", function (event) {
    if (event.target.matches("input, textarea, select")) {
      if (event.target.closest("[data-desk]")) {
        onFieldKey(event);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !keys[event.key] || !rows().length) {
      return;
    }
    event.preventDefault();
    keys[event.key]();
  });

  focusRow(0);
})();
