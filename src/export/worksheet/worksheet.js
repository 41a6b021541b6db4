// kernsatz cloze worksheet: checks answers in the page itself (no network, no storage).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kernsatz-answers').textContent);
  var form = document.getElementById('worksheet');
  var scoreBox = document.getElementById('score-box');
  var score = document.getElementById('score');
  var scoreNote = document.getElementById('score-note');
  var showButton = document.getElementById('show-answers');

  // Same rule as the terminal quiz (kernsatz::quiz::normalize_answer): trim, lower case,
  // ä/ö/ü/ß as ae/oe/ue/ss (also a decomposed umlaut), whitespace runs as one space.
  function normalize(s) {
    var out = '';
    var space = false;
    var chars = Array.from(String(s).trim().toLowerCase());
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (/\s/.test(c)) { space = true; continue; }
      if (space) { out += ' '; space = false; }
      if (c === '\u00e4') out += 'ae';
      else if (c === '\u00f6') out += 'oe';
      else if (c === '\u00fc') out += 'ue';
      else if (c === '\u00df') out += 'ss';
      else if (c === '\u0308' && /[aou]$/.test(out)) out += 'e';
      else out += c;
    }
    return out;
  }

  var items = data.items.map(function (d) {
    var el = document.getElementById('item-' + d.id);
    return {
      d: d,
      el: el,
      input: el.querySelector('.gap-input'),
      radios: Array.prototype.slice.call(el.querySelectorAll('input[type="radio"]')),
      slot: el.querySelector('.slot'),
      feedback: el.querySelector('.feedback')
    };
  });

  function chosen(it) {
    for (var i = 0; i < it.radios.length; i++) {
      if (it.radios[i].checked) return Number(it.radios[i].value);
    }
    return -1;
  }

  function isRight(it) {
    if (it.radios.length) return chosen(it) === it.d.correct;
    var given = normalize(it.input.value);
    return given !== '' && given === normalize(it.d.answer);
  }

  function clearMarks(it) {
    it.el.classList.remove('is-correct', 'is-wrong');
    it.feedback.hidden = true;
    it.feedback.textContent = '';
  }

  function check() {
    var right = 0;
    items.forEach(function (it) {
      var ok = isRight(it);
      if (ok) right++;
      it.el.classList.toggle('is-correct', ok);
      it.el.classList.toggle('is-wrong', !ok);
      it.el.setAttribute('data-result', ok ? 'correct' : 'wrong');
      var mark = document.createElement('span');
      mark.className = 'mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = ok ? '\u2713' : '\u2717';
      var text = document.createElement('span');
      if (ok) {
        text.textContent = 'Richtig!';
      } else {
        text.appendChild(document.createTextNode('Leider falsch. Richtig ist: '));
        var sol = document.createElement('strong');
        sol.className = 'correct-answer';
        sol.textContent = it.d.answer;
        text.appendChild(sol);
      }
      var status = document.createElement('span');
      status.className = 'vh';
      status.textContent = ok ? 'richtig' : 'falsch';
      it.feedback.replaceChildren(mark, status, text);
      it.feedback.hidden = false;
    });
    score.textContent = right + ' / ' + items.length;
    scoreNote.textContent = right === items.length
      ? 'Alles richtig! \u00b7 All correct.'
      : 'Rot markiert = falsch, die richtige Antwort steht darunter. \u00b7 Red = wrong, the correct answer is shown below.';
    scoreBox.hidden = false;
    scoreBox.classList.toggle('perfect', right === items.length);
  }

  function setShow(on) {
    document.body.classList.toggle('show-answers', on);
    showButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  function reset() {
    HTMLFormElement.prototype.reset.call(form);
    items.forEach(function (it) {
      clearMarks(it);
      it.el.removeAttribute('data-result');
      if (it.slot) it.slot.textContent = '';
    });
    score.textContent = '';
    scoreNote.textContent = '';
    scoreBox.hidden = true;
    scoreBox.classList.remove('perfect');
    setShow(false);
    var first = form.querySelector('input');
    if (first) first.focus();
  }

  items.forEach(function (it, n) {
    it.radios.forEach(function (r) {
      r.addEventListener('change', function () {
        if (it.slot) it.slot.textContent = it.d.choices[Number(r.value)];
        clearMarks(it);
      });
    });
    if (it.input) {
      it.input.addEventListener('input', function () { clearMarks(it); });
      it.input.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        var next = items.slice(n + 1).find(function (o) { return o.input; });
        if (next) next.input.focus(); else check();
      });
    }
  });

  form.addEventListener('submit', function (e) { e.preventDefault(); check(); });
  document.getElementById('check-answers').addEventListener('click', check);
  document.getElementById('reset-answers').addEventListener('click', reset);
  showButton.addEventListener('click', function () {
    setShow(showButton.getAttribute('aria-pressed') !== 'true');
  });
})();
