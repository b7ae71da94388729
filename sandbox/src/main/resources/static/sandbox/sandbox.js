// The sandbox page: both sides talk to the bridge's origin only (/sandbox/api/...), which calls
// the emulators' control APIs. Everything refreshes by polling once a second; a part is redrawn
// only when what it shows changed, so selections, focus and scroll positions stay put.
'use strict';

const API = '/sandbox/api';
const $ = (id) => document.getElementById(id);
const KIND_LABEL = {RECEIVED: 'received', DELIVERED: 'delivered', NOT_DELIVERED: 'not delivered',
  UPDATED: 'updated', GAVE_UP: 'gave up'};

const state = {
  teamsUsers: [], teamsUser: null, chats: [], chat: null, editing: null,
  mmUsers: [], mmUser: null, replies: {}, seenPosts: {}, lastDecision: 0, image: null,
};
const drawn = {};

async function api(method, path, body) {
  const init = {method, headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    if (response.ok) throw e;
  }
  if (!response.ok) {
    throw new Error((data && (data.error || data.detail)) || (response.status + ' ' + response.statusText));
  }
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'html') node.innerHTML = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Redraws a part only when its data changed. */
function draw(key, data, render) {
  const fingerprint = JSON.stringify(data);
  if (drawn[key] === fingerprint) return;
  drawn[key] = fingerprint;
  render();
}

const time = (at) => new Date(at).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false});

function mmStatus(text, isError) {
  const s = $('mm-status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}

function status(text, isError) {
  const s = $('teams-status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}

// ---- Teams side -----------------------------------------------------------------------------

async function loadTeamsUsers() {
  state.teamsUsers = await api('GET', '/teams/users');
  const select = $('teams-user');
  draw('teams-users', state.teamsUsers.map((u) => [u.id, u.displayName]), () => {
    const keep = select.value;
    select.replaceChildren(...state.teamsUsers.map((u) => el('option', {value: u.id}, u.displayName)));
    if (keep) select.value = keep;
  });
  if (!state.teamsUser && state.teamsUsers.length) selectTeamsUser(state.teamsUsers[0].id);
  draw('teams-people', state.teamsUsers.map((u) => [u.id, u.availability]), () => {
    $('teams-people').replaceChildren(...state.teamsUsers.map((u) => el('li',
      {'data-user-id': u.id, 'data-availability': u.availability},
      el('span', {class: 'dot ' + u.availability, title: u.availability}), u.displayName.split(' ')[0],
      el('small', {}, ' ' + spaced(u.availability)))));
  });
  const me = state.teamsUsers.find((u) => u.id === state.teamsUser);
  const presence = $('teams-presence');
  if (me && document.activeElement !== presence) presence.value = presenceChoice(me.availability);
}

const spaced = (s) => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const presenceChoice = (a) => ({AvailableIdle: 'Available', BusyIdle: 'Busy', PresenceUnknown: 'Offline'}[a] || a);

async function selectTeamsUser(id) {
  state.teamsUser = id;
  state.chat = null;
  $('teams-user').value = id;
  cancelEdit();
  const me = state.teamsUsers.find((u) => u.id === id);
  if (me) $('teams-presence').value = presenceChoice(me.availability);
  await loadChats();
}

async function loadChats() {
  if (!state.teamsUser) return;
  state.chats = await api('GET', '/teams/chats?userId=' + encodeURIComponent(state.teamsUser));
  if (!state.chats.some((c) => c.id === state.chat)) state.chat = state.chats.length ? state.chats[0].id : null;
  draw('teams-chats', [state.chats, state.chat], () => {
    $('teams-chats').replaceChildren(...state.chats.map((c) => el('button', {
      type: 'button', class: c.id === state.chat ? 'active' : '', 'data-chat-id': c.id, 'data-chat-type': c.chatType,
      title: c.members.join(', '), onclick: () => { state.chat = c.id; cancelEdit(); loadChats(); loadTranscript(); },
    }, c.label)));
  });
  await loadTranscript();
}

async function loadTranscript() {
  const box = $('teams-transcript');
  if (!state.chat) {
    draw('teams-transcript', null, () => box.replaceChildren(el('p', {class: 'empty'}, 'This person has no chats.')));
    return;
  }
  const messages = await api('GET', '/teams/messages?chatId=' + encodeURIComponent(state.chat));
  draw('teams-transcript', [state.chat, state.teamsUser, messages], () => {
    box.dataset.userId = state.teamsUser; // whose view this is, for people reading the DOM and for tests
    box.dataset.chatId = state.chat;
    if (!messages.length) {
      box.replaceChildren(el('p', {class: 'empty'}, 'No messages in this chat yet. Write one below.'));
      return;
    }
    box.replaceChildren(...messages.map((m) => {
      const mine = m.fromUserId === state.teamsUser;
      const actions = mine && !m.deleted ? el('div', {class: 'msg-actions'},
        el('button', {type: 'button', class: 'msg-edit', onclick: () => startEdit(m)}, 'Edit'),
        el('button', {type: 'button', class: 'msg-delete', onclick: () => deleteMessage(m)}, 'Delete')) : '';
      return el('article', {class: 'msg' + (mine ? ' mine' : '') + (m.deleted ? ' deleted' : ''),
        'data-message-id': m.id, 'data-from': m.fromUserId},
      el('div', {class: 'msg-head'}, el('strong', {}, m.fromName), time(m.sentAt), m.editedAt ? 'Edited' : ''),
      el('div', {class: 'msg-body', html: m.deleted ? 'This message has been deleted.' : m.html}), actions);
    }));
    box.scrollTop = box.scrollHeight;
  });
}

function startEdit(message) {
  state.editing = message;
  $('teams-message').value = message.html;
  $('teams-send').textContent = 'Save edit';
  $('teams-cancel-edit').hidden = false;
  $('teams-message').focus();
}

function cancelEdit() {
  state.editing = null;
  $('teams-send').textContent = 'Send';
  $('teams-cancel-edit').hidden = true;
}

async function sendMessage(event) {
  event.preventDefault();
  const content = $('teams-message').value;
  const pasted = !state.editing && (state.image || $('teams-snippet').value.trim());
  if ((!content.trim() && !pasted) || !state.chat) return;
  try {
    if (state.editing) {
      await api('PATCH', '/teams/messages', {chatId: state.chat, messageId: state.editing.id, content});
      status('Edited. Teams tells subscribers about the change.');
      cancelEdit();
    } else {
      const snippet = $('teams-snippet').value.trim() ? {language: $('teams-snippet-language').value, code: $('teams-snippet').value} : null;
      await api('POST', '/teams/messages', {chatId: state.chat, fromUserId: state.teamsUser, content, image: state.image, snippet});
      status('Sent at ' + time(Date.now()) + '.');
      clearPasted();
    }
    $('teams-message').value = '';
    await loadTranscript();
  } catch (e) {
    status(e.message, true);
  }
}

/** An image to paste with the next message, read from the chosen file. */
function pickImage(event) {
  const file = event.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    state.image = {contentType: file.type, base64: String(reader.result).replace(/^data:[^,]*,/, '')};
    $('teams-pasted').textContent = 'Image: ' + file.name;
    $('teams-pasted').hidden = false;
  };
  reader.readAsDataURL(file);
}

function clearPasted() {
  state.image = null;
  $('teams-image').value = '';
  $('teams-snippet').value = '';
  $('teams-snippet-box').hidden = true;
  $('teams-pasted').hidden = true;
}

async function deleteMessage(message) {
  try {
    await api('DELETE', '/teams/messages?chatId=' + encodeURIComponent(message.chatId)
      + '&messageId=' + encodeURIComponent(message.id));
    if (state.editing && state.editing.id === message.id) cancelEdit();
    status('Deleted.');
    await loadTranscript();
  } catch (e) {
    status(e.message, true);
  }
}

function format(kind) {
  const area = $('teams-message');
  const {selectionStart: start, selectionEnd: end, value} = area;
  const selected = value.slice(start, end);
  let text;
  let select = null;
  switch (kind) {
    case 'bold': text = '<strong>' + (selected || 'bold') + '</strong>'; break;
    case 'italic': text = '<em>' + (selected || 'italic') + '</em>'; break;
    case 'code': text = '<code>' + (selected || 'code') + '</code>'; break;
    case 'link': {
      text = '<a href="https://example.com">' + (selected || 'link') + '</a>';
      select = [start + 9, start + 28]; // the address, ready to be typed over
      break;
    }
    case 'list': {
      const items = (selected || 'first\nsecond').split('\n').filter((l) => l.trim());
      text = '<ul>' + items.map((l) => '<li>' + l.trim() + '</li>').join('') + '</ul>';
      break;
    }
    default: return;
  }
  area.setRangeText(text, start, end, 'end');
  if (select) area.setSelectionRange(select[0], select[1]);
  area.focus();
}

async function setPresence() {
  try {
    await api('PUT', '/teams/users/' + encodeURIComponent(state.teamsUser) + '/presence',
      {presence: $('teams-presence').value});
    status('Presence set to ' + spaced($('teams-presence').value) + '.');
    await loadTeamsUsers();
  } catch (e) {
    status(e.message, true);
  }
}

// ---- Mattermost side ------------------------------------------------------------------------

async function loadMattermostUsers() {
  state.mmUsers = await api('GET', '/mattermost/users');
  draw('mm-users', state.mmUsers, () => {
    const select = $('mm-user');
    const keep = select.value;
    select.replaceChildren(...state.mmUsers.map((u) => el('option', {value: u.id}, '@' + u.username)));
    if (keep) select.value = keep;
  });
  if (!state.mmUser && state.mmUsers.length) selectMattermostUser(state.mmUsers[0].id);
}

function selectMattermostUser(id) {
  state.mmUser = id;
  $('mm-user').value = id;
  drawReplies();
  loadPosts();
}

async function runCommand(command) {
  const user = state.mmUser;
  const list = state.replies[user] || (state.replies[user] = []);
  try {
    const reply = await api('POST', '/mattermost/commands', {userId: user, command});
    // A command that only opened a dialog shows nothing else, as in Mattermost.
    if (reply.status === 200 && !reply.text) return loadDialogs();
    list.push({command, ok: reply.status === 200, html: reply.html || '<p>(no reply)</p>', at: Date.now(),
      postId: reply.postId, buttons: reply.buttons || []});
  } catch (e) {
    list.push({command, ok: false, html: '', text: e.message, at: Date.now()});
  }
  if (user === state.mmUser) drawReplies();
  loadDialogs();
}

function drawReplies() {
  const list = (state.replies[state.mmUser] || []).slice(-5);
  const box = $('mm-replies');
  box.replaceChildren(...list.map((r) => el('div', {class: 'reply' + (r.ok ? '' : ' error'), 'data-reply-command': r.command},
    el('div', {class: 'reply-head'}, el('code', {}, r.command), '· only visible to you ·', time(r.at)),
    r.html ? el('div', {class: 'reply-body', html: r.html}) : el('div', {class: 'reply-body'}, r.text),
    r.buttons && r.buttons.length && !r.used
      ? el('div', {class: 'post-actions'}, ...r.buttons.map((b) => el('button', {type: 'button', class: 'post-action reply-action',
          'data-action-id': b.id, onclick: () => { r.used = true; pressButton(state.mmUser, r.postId, b.id, b.name); }}, b.name)))
      : '')));
  box.scrollTop = box.scrollHeight;
}

/** Presses a button as the person; what the bot then shows only them is added to their replies. */
async function pressButton(user, postId, actionId, name) {
  const list = state.replies[user] || (state.replies[user] = []);
  try {
    const reply = await api('POST', '/mattermost/posts/' + encodeURIComponent(postId) + '/actions/' + encodeURIComponent(actionId),
      {userId: user});
    if (reply.text) {
      list.push({command: '[' + name + ']', ok: reply.status === 200, html: reply.html, at: Date.now(),
        postId: reply.postId, buttons: reply.buttons || []});
    }
  } catch (e) {
    list.push({command: '[' + name + ']', ok: false, html: '', text: e.message, at: Date.now()});
  }
  if (user === state.mmUser) drawReplies();
  loadPosts();
  loadDialogs();
}

// ---- Dialogs --------------------------------------------------------------------------------

/** Shows the first dialog the bridge opened for the person, as Mattermost would, unless one is showing. */
async function loadDialogs() {
  const user = state.mmUser;
  if (!user) return;
  const dialogs = await api('GET', '/mattermost/dialogs?userId=' + encodeURIComponent(user));
  const box = $('mm-dialog');
  if (!dialogs.length || box.open || user !== state.mmUser) return;
  showDialog(user, dialogs[0]);
}

function showDialog(user, d) {
  const box = $('mm-dialog');
  const fields = d.elements.map((e) => {
    const id = 'dlg-' + e.name;
    let input;
    if (e.type === 'bool') {
      input = el('input', {type: 'checkbox', id, name: e.name, checked: e.defaultValue === 'true'});
    } else if (e.type === 'select' || e.type === 'radio') {
      input = el('select', {id, name: e.name}, ...e.options.map((o) => el('option', {value: o.value, selected: o.value === e.defaultValue}, o.text)));
    } else if (e.type === 'textarea') {
      input = el('textarea', {id, name: e.name, rows: 3}, e.defaultValue);
    } else {
      input = el('input', {type: e.subtype || 'text', id, name: e.name, value: e.defaultValue});
    }
    return el('div', {class: 'field field-' + e.type},
      e.type === 'bool'
        ? [el('strong', {}, e.displayName), el('label', {for: id}, input, ' ', e.placeholder || e.displayName)]
        : el('label', {for: id}, e.displayName, input),
      e.helpText ? el('small', {class: 'help'}, e.helpText) : '',
      el('small', {class: 'field-error', 'data-for': e.name}));
  });
  const general = el('p', {class: 'dialog-error', role: 'alert'});
  const form = el('form', {method: 'dialog', id: 'mm-dialog-form', 'data-dialog-id': d.id},
    el('h3', {}, d.title),
    d.introduction ? el('div', {class: 'intro', html: d.introduction}) : '',
    ...fields, general,
    el('div', {class: 'dialog-actions'},
      el('button', {type: 'button', id: 'mm-dialog-cancel', onclick: () => submitDialog(user, d, form, general, true)}, 'Cancel'),
      el('button', {type: 'submit', id: 'mm-dialog-submit', class: 'primary'}, d.submitLabel || 'Submit')));
  form.addEventListener('submit', (e) => { e.preventDefault(); submitDialog(user, d, form, general, false); });
  box.replaceChildren(form);
  box.showModal();
}

async function submitDialog(user, d, form, general, cancelled) {
  const submission = {};
  for (const e of d.elements) {
    const input = form.elements[e.name];
    submission[e.name] = e.type === 'bool' ? input.checked : input.value;
  }
  form.querySelectorAll('.field-error').forEach((s) => { s.textContent = ''; });
  general.textContent = '';
  try {
    const outcome = await api('POST', '/mattermost/dialogs/' + encodeURIComponent(d.id) + '/submit', {submission, cancelled});
    if (cancelled || outcome.closed) {
      $('mm-dialog').close();
      loadPosts();
      return;
    }
    for (const [name, message] of Object.entries(outcome.errors || {})) {
      const slot = form.querySelector('.field-error[data-for="' + CSS.escape(name) + '"]');
      if (slot) slot.textContent = message;
    }
    general.textContent = outcome.error || '';
  } catch (e) {
    general.textContent = e.message;
  }
}

async function loadPosts() {
  const user = state.mmUser;
  if (!user) return;
  const posts = await api('GET', '/mattermost/posts?userId=' + encodeURIComponent(user));
  if (user !== state.mmUser) return;
  draw('mm-posts', [user, posts], () => {
    const seen = state.seenPosts[user] || (state.seenPosts[user] = new Set());
    const firstLoad = seen.size === 0;
    const box = $('mm-posts');
    box.dataset.userId = user;
    $('mm-post-count').textContent = posts.length ? '· ' + posts.length + (posts.length === 1 ? ' post' : ' posts') : '';
    if (!posts.length) {
      box.replaceChildren(el('p', {class: 'empty'}, 'Nothing from the bot yet. Connect with /msteams connect.'));
      return;
    }
    // Mattermost shows a thread's replies under its root; here each root carries its replies and a box to answer in.
    const replies = new Map();
    posts.filter((p) => p.rootId).forEach((p) => {
      if (!replies.has(p.rootId)) replies.set(p.rootId, []);
      replies.get(p.rootId).push(p);
    });
    const ids = new Set(posts.map((p) => p.id));
    const render = (p) => {
      const fresh = !firstLoad && !seen.has(p.id);
      seen.add(p.id);
      return el('article', {class: 'post' + (p.fromBot ? '' : ' mine') + (p.deleted ? ' deleted' : '') + (fresh ? ' fresh' : ''),
          'data-post-id': p.id, 'data-root-id': p.rootId || ''},
        el('span', {class: 'avatar', 'aria-hidden': 'true'}, p.fromBot ? 'T' : 'Y'),
        el('div', {class: 'post-head'}, el('strong', {}, p.fromBot ? 'Microsoft Teams' : 'You'),
          p.fromBot ? el('span', {class: 'bot-tag'}, 'BOT') : '',
          time(p.createAt), p.updateAt > p.createAt && !p.deleted ? '(edited)' : ''),
        el('div', {class: 'post-body', html: p.deleted ? '(message deleted)' : p.html}),
        p.files && p.files.length && !p.deleted
          ? el('div', {class: 'post-files'}, ...p.files.map((f) => f.mimeType.startsWith('image/')
              ? el('img', {src: API + '/mattermost/files/' + encodeURIComponent(f.id), alt: f.name, title: f.name, 'data-file-id': f.id,
                  onload: () => { box.scrollTop = box.scrollHeight; }})
              : el('a', {class: 'file', href: API + '/mattermost/files/' + encodeURIComponent(f.id), download: f.name}, '📎 ' + f.name)))
          : '',
        p.reactions && p.reactions.length
          ? el('div', {class: 'post-reactions'}, ...p.reactions.map((r) => el('span', {class: 'reaction', 'data-emoji': r,
              title: ':' + r + ':'}, EMOJI[r] || ':' + r + ':')))
          : '',
        p.buttons && p.buttons.length && !p.deleted
          ? el('div', {class: 'post-actions'}, ...p.buttons.map((b) => el('button', {type: 'button', class: 'post-action',
              'data-action-id': b.id, onclick: () => pressButton(user, p.id, b.id, b.name)}, b.name)))
          : '');
    };
    const drafts = state.replyDrafts || (state.replyDrafts = {});
    const active = document.activeElement;
    const typingIn = active && active.classList && active.classList.contains('reply-input')
      ? active.closest('.reply-box').dataset.rootId : null;
    box.replaceChildren(...posts.filter((p) => !p.rootId || !ids.has(p.rootId)).map((root) => {
      const thread = replies.get(root.id) || [];
      if (!thread.length && !root.markdown.startsWith('**Teams**')) return render(root);
      const input = el('input', {type: 'text', class: 'reply-input', placeholder: 'Reply in Teams…', 'aria-label': 'Reply',
        value: drafts[root.id] || '', oninput: (e) => { drafts[root.id] = e.target.value; }});
      const form = el('form', {class: 'reply-box', 'data-root-id': root.id, onsubmit: (e) => {
        e.preventDefault();
        sendReply(user, root.id, input);
      }}, input, el('button', {type: 'submit', class: 'reply-send'}, 'Reply'));
      return el('section', {class: 'thread', 'data-root-id': root.id}, render(root),
        el('div', {class: 'thread-replies'}, ...thread.map(render)), form);
    }));
    if (typingIn) {
      const input = box.querySelector('.reply-box[data-root-id="' + typingIn + '"] .reply-input');
      if (input) input.focus();
    }
    box.scrollTop = box.scrollHeight;
  });
}

const EMOJI = {white_check_mark: '✅', x: '❌'};

/** The person answers in a chat's thread; the bridge sends it into Teams as them. */
async function sendReply(user, rootId, input) {
  const message = input.value.trim();
  if (!message) return;
  try {
    await api('POST', '/mattermost/replies', {userId: user, rootId, message});
    input.value = '';
    delete state.replyDrafts[rootId];
    mmStatus('Reply posted; the bridge sends it into Teams.');
    await loadPosts();
  } catch (e) {
    mmStatus(e.message, true);
  }
}

// ---- The log --------------------------------------------------------------------------------

async function loadDecisions() {
  const fresh = await api('GET', '/decisions?after=' + state.lastDecision);
  if (!fresh.length) return;
  state.lastDecision = fresh[fresh.length - 1].seq;
  const log = $('decision-log');
  for (const d of fresh) {
    log.prepend(el('li', {class: 'decision', 'data-kind': d.kind, 'data-user': d.user, 'data-message-id': d.messageId,
      'data-chat-id': d.chatId},
    el('time', {datetime: d.at}, time(d.at)), el('span', {class: 'kind ' + d.kind}, KIND_LABEL[d.kind] || d.kind),
    el('span', {class: 'text'}, d.text)));
  }
  while (log.children.length > 200) log.lastElementChild.remove();
}

// ---- Wiring ---------------------------------------------------------------------------------

$('teams-user').addEventListener('change', (e) => selectTeamsUser(e.target.value));
$('teams-presence').addEventListener('change', setPresence);
$('teams-composer').addEventListener('submit', sendMessage);
$('teams-image').addEventListener('change', pickImage);
$('teams-add-snippet').addEventListener('click', () => { $('teams-snippet-box').hidden = !$('teams-snippet-box').hidden; });
$('teams-cancel-edit').addEventListener('click', () => { cancelEdit(); $('teams-message').value = ''; });
$('teams-message').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) sendMessage(e);
});
document.querySelectorAll('[data-format]').forEach((b) => b.addEventListener('click', () => format(b.dataset.format)));
$('mm-user').addEventListener('change', (e) => selectMattermostUser(e.target.value));
$('mm-command-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const command = $('mm-command').value.trim();
  if (command) runCommand(command);
});
document.querySelectorAll('[data-command]').forEach((b) => b.addEventListener('click', () => {
  $('mm-command').value = b.dataset.command;
  runCommand(b.dataset.command);
}));

async function tick() {
  const parts = [loadTeamsUsers().then(loadChats), loadMattermostUsers().then(loadPosts).then(loadDialogs), loadDecisions()];
  const results = await Promise.allSettled(parts);
  const failed = results.find((r) => r.status === 'rejected');
  document.body.dataset.ready = 'true';
  if (failed) console.warn('Sandbox refresh failed:', failed.reason);
  setTimeout(tick, 1000);
}
tick();
