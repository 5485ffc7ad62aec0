// Upload progress for a form marked data-upload-progress="ID" (the round's ads page): the form
// is sent with XMLHttpRequest so that the share of bytes sent can be shown in the <progress>
// of element ID and announced, a tenth at a time, in its role="status" line; once the files
// are sent the line says that the server is analysing them. The server's answer is then shown
// as a plain submit would show it: a redirect (the new import, or the login page) is followed;
// a refusal (422, 413, 409) replaces the page's <main> and moves focus to its error summary.
//
// Without scripts the form is an ordinary multipart post and works the same: nothing here is
// needed for the upload itself. The texts come from data- attributes the server localised.
'use strict';

(function () {
  function setUp(form) {
    const box = document.getElementById(form.dataset.uploadProgress || '');
    if (form.dataset.uploadReady) return;  // set up once, also when a page is shown again
    form.dataset.uploadReady = '1';
    if (!box || typeof FormData === 'undefined' || typeof XMLHttpRequest === 'undefined') return;
    const bar = box.querySelector('progress');
    const status = box.querySelector('[role="status"]');
    const button = form.querySelector('[type="submit"]');
    if (!bar || !status || !button) return;

    const uploading = (percent) => box.dataset.uploading.replace('{p}', String(percent));
    const say = (text) => { status.textContent = text; };
    const busy = (on) => {
      button.disabled = on;
      form.setAttribute('aria-busy', on ? 'true' : 'false');
    };
    const failed = () => {
      busy(false);
      bar.value = 0;
      say(box.dataset.failed);
    };

    // Shows the server's answer to the post.
    const answered = (xhr) => {
      const posted = new URL(form.action, document.baseURI).href;
      if (xhr.responseURL && xhr.responseURL !== posted) {
        location.assign(xhr.responseURL);  // redirected: the import's page, or the login
        return;
      }
      const type = xhr.getResponseHeader('Content-Type') || '';
      const page = type.startsWith('text/html')
        ? new DOMParser().parseFromString(xhr.responseText, 'text/html') : null;
      const main = page && page.getElementById('main');
      const current = document.getElementById('main');
      if (!main || !current) return failed();
      document.title = page.title;
      current.replaceWith(document.importNode(main, true));
      setUpAll();
      const focus = document.getElementById('error-summary') || document.getElementById('main');
      focus.focus();
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (button.disabled) return;
      const xhr = new XMLHttpRequest();
      let announced = 0;  // said at once below
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable || e.total === 0) return;
        const percent = Math.min(100, Math.floor((100 * e.loaded) / e.total));
        bar.value = percent;
        const tenth = Math.floor(percent / 10) * 10;
        if (tenth > announced && percent < 100) {
          announced = tenth;
          say(uploading(tenth));
        }
      });
      xhr.upload.addEventListener('load', () => {
        bar.removeAttribute('value');  // indeterminate while the server analyses
        say(box.dataset.analysing);
      });
      xhr.addEventListener('load', () => answered(xhr));
      xhr.addEventListener('error', failed);
      xhr.addEventListener('abort', failed);
      xhr.addEventListener('timeout', failed);
      const body = new FormData(form);
      busy(true);
      box.hidden = false;
      bar.value = 0;
      say(uploading(0));
      xhr.send(body);
    });
  }

  function setUpAll() {
    document.querySelectorAll('form[data-upload-progress]').forEach(setUp);
  }

  setUpAll();
}());
