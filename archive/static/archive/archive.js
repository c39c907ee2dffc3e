// The public pages' only script, served from this site (the Content-Security-Policy allows no inline script).
// Everything here is an extra: without it the pages work, the citation is selectable and the filters take names.
"use strict";

// "Copy" buttons: data-copy names the element whose text (or a textarea's value) goes to the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status") || button;
  const text = source.value !== undefined ? source.value : source.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch (error) {
    // No clipboard (an old browser, or permission refused): select the text so that Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(source);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    status.textContent = "Selected: press Ctrl+C to copy.";
  }
});

// The quote filter's speaker box suggests names as the reader types (a <datalist> filled from the server).
for (const input of document.querySelectorAll("input[data-suggest=speakers]")) {
  const list = document.getElementById(input.getAttribute("list"));
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const words = input.value.trim();
    if (words.length < 2 || !list) return;
    timer = setTimeout(async () => {
      const response = await fetch("/speakers/suggest.json?q=" + encodeURIComponent(words));
      if (!response.ok) return;
      const data = await response.json();
      list.replaceChildren(
        ...data.speakers.map((speaker) => {
          const option = document.createElement("option");
          option.value = speaker.name;
          if (speaker.also) option.label = speaker.name + " (also " + speaker.also + ")";
          return option;
        }),
      );
    }, 150);
  });
}
