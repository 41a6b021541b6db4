// kernsatz worksheet: checks answers in the page itself (no network, no storage). The answers,
// the key and the glossary come encoded (see src/export/worksheet/html.rs: UTF-8 bytes XOR a
// key stream, then Base64), so that the page's source does not show them.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kernsatz-answers').textContent);
  var form = document.getElementById('worksheet');
  var scoreBox = document.getElementById('score-box');
  var score = document.getElementById('score');
  var scoreNote = document.getElementById('score-note');
  var showButton = document.getElementById('show-answers');

  function decode(s) {
    var bin = atob(s);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i) ^ ((i * 131 + 89) % 251);
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  }
  var secret = decode(data.secret);

  // Same rule as the terminal quiz (kernsatz::cloze::answer::normalize_answer): trim, lower
  // case, ä/ö/ü/ß as ae/oe/ue/ss (also a decomposed umlaut), whitespace runs as one space.
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

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The answer key and the glossary: hidden on screen until checked, printed on pages of
  // their own.
  (function fillKey() {
    var list = document.getElementById('key-list');
    var section = null;
    var ol = null;
    secret.key.forEach(function (k) {
      if (k.section !== section) {
        section = k.section;
        list.appendChild(el('h3', 'key-section', section));
        ol = el('ol', 'key-items');
        list.appendChild(ol);
      }
      var li = el('li');
      li.appendChild(el('span', 'num', String(k.id)));
      li.appendChild(el('span', 'key-answer', k.answer));
      if (k.dict) li.appendChild(el('span', 'dict', k.dict));
      ol.appendChild(li);
    });
    var glossary = document.getElementById('glossary-list');
    if (glossary) secret.glossary.forEach(function (g) { glossary.appendChild(el('li', null, g)); });
  })();

  var secretItems = {};
  secret.items.forEach(function (s) { secretItems[s.id] = s; });
  var secretNouns = {};
  secret.nouns.forEach(function (s) { secretNouns[s.id] = s; });

  var items = data.items.map(function (d) {
    var e = document.getElementById('item-' + d.id);
    return {
      d: d,
      s: secretItems[d.id],
      el: e,
      input: e.querySelector('.gap-input'),
      radios: Array.prototype.slice.call(e.querySelectorAll('input[type="radio"]')),
      slot: e.querySelector('.slot'),
      solution: e.querySelector('.solution'),
      feedback: e.querySelector('.feedback')
    };
  });
  var nouns = data.nouns.map(function (id) {
    var e = document.getElementById('noun-' + id);
    return {
      s: secretNouns[id],
      el: e,
      input: e.querySelector('.plural-input'),
      radios: Array.prototype.slice.call(e.querySelectorAll('input[type="radio"]')),
      solution: e.querySelector('.solution'),
      feedback: e.querySelector('.feedback')
    };
  });
  var all = items.concat(nouns);

  function chosen(radios) {
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].checked) return radios[i].value;
    }
    return null;
  }

  // 'correct', 'form' (the right word in another form), 'wrong' or 'unanswered'.
  function result(it) {
    if (!it.d) {
      var article = chosen(it.radios);
      var plural = normalize(it.input.value);
      if (article === null && plural === '') return 'unanswered';
      return article === it.s.article && plural === normalize(it.s.plural) ? 'correct' : 'wrong';
    }
    if (it.radios.length) {
      var c = chosen(it.radios);
      if (c === null) return 'unanswered';
      return Number(c) === it.s.correct ? 'correct' : 'wrong';
    }
    var given = normalize(it.input.value);
    if (given === '') return 'unanswered';
    if (given === normalize(it.s.answer)) return 'correct';
    return it.s.forms.indexOf(given) >= 0 ? 'form' : 'wrong';
  }

  function solutionText(it) {
    return it.d ? it.s.answer : it.s.article + ' \u2026, die ' + it.s.plural;
  }

  function clearMarks(it) {
    it.el.classList.remove('is-correct', 'is-wrong', 'is-unanswered');
    it.el.removeAttribute('data-result');
    it.feedback.hidden = true;
    it.feedback.textContent = '';
  }

  var LABELS = {
    correct: ['\u2713', 'richtig', 'Richtig!'],
    wrong: ['\u2717', 'falsch', 'Leider falsch. Richtig ist: '],
    form: ['\u2717', 'falsche Form', 'Richtiges Wort, falsche Form. Richtig ist: '],
    unanswered: ['\u2013', 'nicht beantwortet', 'Nicht beantwortet. Richtig ist: ']
  };

  function check() {
    var right = 0;
    var open = 0;
    all.forEach(function (it) {
      var r = result(it);
      if (r === 'correct') right++;
      if (r === 'unanswered') open++;
      it.el.classList.toggle('is-correct', r === 'correct');
      it.el.classList.toggle('is-wrong', r === 'wrong' || r === 'form');
      it.el.classList.toggle('is-unanswered', r === 'unanswered');
      it.el.setAttribute('data-result', r === 'form' ? 'wrong' : r);
      var l = LABELS[r];
      var mark = el('span', 'mark', l[0]);
      mark.setAttribute('aria-hidden', 'true');
      var text = el('span', null, l[2]);
      if (r !== 'correct') text.appendChild(el('strong', 'correct-answer', solutionText(it)));
      it.feedback.replaceChildren(mark, el('span', 'vh', l[1]), text);
      it.feedback.hidden = false;
    });
    score.textContent = right + ' / ' + all.length;
    var note = right === all.length
      ? 'Alles richtig! \u00b7 All correct.'
      : 'Rot = falsch, grau = nicht beantwortet; die richtige Antwort steht darunter. \u00b7 Red = wrong, grey = not answered; the correct answer is shown below.';
    if (open > 0) note = open + ' nicht beantwortet \u00b7 ' + open + ' not answered. ' + note;
    scoreNote.textContent = note;
    scoreBox.hidden = false;
    scoreBox.classList.toggle('perfect', right === all.length);
    document.body.classList.add('revealed');
  }

  function setShow(on) {
    if (on) {
      all.forEach(function (it) {
        it.solution.textContent = solutionText(it);
        if (it.d && it.s.correct !== null && it.s.correct !== undefined) {
          it.radios[it.s.correct].closest('.choice').classList.add('is-answer');
        }
      });
      document.body.classList.add('revealed');
    }
    document.body.classList.toggle('show-answers', on);
    showButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  function reset() {
    HTMLFormElement.prototype.reset.call(form);
    all.forEach(function (it) {
      clearMarks(it);
      if (it.slot) it.slot.textContent = '';
    });
    score.textContent = '';
    scoreNote.textContent = '';
    scoreBox.hidden = true;
    scoreBox.classList.remove('perfect');
    setShow(false);
    document.body.classList.remove('revealed');
    var first = form.querySelector('input');
    if (first) first.focus();
  }

  var typed = all.filter(function (it) { return it.input; });
  all.forEach(function (it) {
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
        var n = typed.indexOf(it);
        if (n + 1 < typed.length) typed[n + 1].input.focus(); else check();
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
