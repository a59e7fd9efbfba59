// The crime upload with its progress: the form is posted by XMLHttpRequest (the one browser API that reports upload
// progress), the bar and its words follow the upload, then the server's answer (the report, or the form with its
// errors) replaces the page's main content. Without script the plain form post shows the same answer.
export default function start(form) {
  const panel = form.querySelector('[data-tw-progress]');
  const bar = panel?.querySelector('progress');
  const words = panel?.querySelector('[data-tw-progress-text]');
  const button = form.querySelector('button[type="submit"]');

  const say = text => {
    if (words) {
      words.textContent = text;
    }
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || window.location.pathname);
    request.responseType = 'document';
    request.upload.addEventListener('progress', progress => {
      if (progress.lengthComputable && bar) {
        const percent = Math.round((progress.loaded / progress.total) * 100);
        bar.value = percent;
        say(`Uploaded ${percent}%`);
      }
    });
    request.upload.addEventListener('load', () => say('Uploaded. Checking the rows…'));
    request.addEventListener('load', () => show(request.response));
    request.addEventListener('error', () => {
      say('The upload failed. Check the connection and try again.');
      button?.removeAttribute('disabled');
    });
    if (panel) {
      panel.hidden = false;
    }

    button?.setAttribute('disabled', 'disabled');
    say('Uploading…');
    request.send(new FormData(form));
  });
}

function show(answer) {
  const main = document.getElementById('main-content');
  const replacement = answer?.getElementById('main-content');
  if (!main || !replacement) {
    window.location.reload();
    return;
  }

  document.title = answer.title;
  const adopted = document.importNode(replacement, true);
  main.replaceWith(adopted);
  const again = adopted.querySelector('[data-tw-module="crime-upload"]');
  if (again) {
    start(again);
  }

  const focus = adopted.querySelector('.govuk-error-summary') ?? adopted.querySelector('h1');
  if (focus) {
    focus.setAttribute('tabindex', '-1');
    focus.focus();
  }
}
