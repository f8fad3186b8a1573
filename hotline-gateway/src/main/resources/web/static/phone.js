// The agent desk's browser phone (templates/phone.html): SIP.js 0.21 over a WebSocket to Asterisk's PJSIP
// (or the simulators' relay). It registers the agent's extension and carries the audio: ring, answer, hang up,
// hold, mute, DTMF (RFC 4733 through the RTP sender). Queue states, transfers and pops stay with AMI, so the desk
// works the same with a desk phone ("桌面话机", the default). The mode is kept per browser, the SIP password per tab.
const $ = (id) => document.getElementById(id);
const panel = $('phone');
const MODE_KEY = 'hotline.phone.mode';
const PASSWORD_KEY = 'hotline.phone.password';
let config = null;
let manager = null;
let current = null;

function status(text, state) {
  $('phone-status').textContent = text;
  panel.dataset.state = state;
}

function show(part) {
  for (const id of ['phone-login', 'phone-idle', 'phone-incoming', 'phone-active']) {
    $(id).hidden = id !== part;
  }
}

function peerOf(session) {
  const identity = session.remoteIdentity;
  const user = identity.uri.user;
  return identity.displayName && identity.displayName !== user ? identity.displayName + ' ' + user : user;
}

/** A call placed ('calling') or answered ('talking'): the same panel, with its own line and state. */
function inCall(session, label, call) {
  current = session;
  $('phone-peer').textContent = peerOf(session);
  $('phone-call-state').textContent = label;
  panel.dataset.call = call;
  show('phone-active');
}

async function loadSipJs() {
  return import('/vendor/sip.js/lib/index.js');
}

async function start(password) {
  if (manager) { return; }
  status('正在注册…', 'registering');
  let SIP;
  try {
    SIP = await loadSipJs();
  } catch (e) {
    status('网页电话组件未能加载，请使用桌面话机', 'failed');
    return;
  }
  manager = new SIP.Web.SessionManager(config.wsUrl, {
    aor: 'sip:' + config.extension + '@' + config.domain,
    media: { constraints: { audio: true, video: false }, remote: { audio: $('phone-audio') } },
    sendDTMFUsingSessionDescriptionHandler: true,
    registrationRetry: true,
    reconnectionAttempts: 1000,
    reconnectionDelay: 4,
    maxSimultaneousSessions: 1,
    userAgentOptions: {
      authorizationUsername: config.extension,
      authorizationPassword: password,
      displayName: config.displayName,
      logLevel: 'warn',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: config.iceServers }
      }
    },
    delegate: {
      onServerConnect: () => status('已连接，正在注册…', 'registering'),
      onServerDisconnect: (error) => { if (error) { status('与电话服务器的连接断开，正在重连…', 'failed'); } },
      onRegistered: () => { status('已注册 分机 ' + config.extension, 'registered'); if (!current) { show('phone-idle'); } },
      onUnregistered: () => status('未注册', 'off'),
      onCallReceived: (session) => {
        current = session;
        $('phone-caller').textContent = peerOf(session);
        panel.dataset.call = 'ringing';
        show('phone-incoming');
      },
      onCallCreated: (session) => inCall(session, '呼叫中', 'calling'),
      onCallAnswered: (session) => inCall(session, '通话中', 'talking'),
      onCallHangup: () => {
        current = null;
        panel.dataset.call = 'none';
        $('phone-hold').textContent = '保持';
        $('phone-mute').textContent = '静音';
        show('phone-idle');
      },
      onCallHold: (session, held) => {
        $('phone-hold').textContent = held ? '恢复' : '保持';
        $('phone-call-state').textContent = held ? '保持中' : '通话中';
        panel.dataset.call = held ? 'held' : 'talking';
      }
    }
  });
  try {
    await manager.connect();
    await manager.register();
  } catch (e) {
    status('注册失败：' + (e && e.message ? e.message : e), 'failed');
  }
}

async function stop() {
  if (!manager) { return; }
  const m = manager;
  manager = null;
  current = null;
  try { await m.unregister(); } catch (e) { /* the server may already be gone */ }
  try { await m.disconnect(); } catch (e) { /* idem */ }
}

async function setMode(mode) {
  localStorage.setItem(MODE_KEY, mode);
  panel.dataset.mode = mode;
  $('phone-mode-' + mode).checked = true;
  if (mode === 'desk') {
    await stop();
    show(null);
    status('使用桌面话机', 'off');
    return;
  }
  const saved = sessionStorage.getItem(PASSWORD_KEY);
  if (saved === null) {
    show('phone-login');
    status('请输入分机 ' + config.extension + ' 的密码并注册', 'off');
  } else {
    await start(saved);
  }
}

function wire() {
  $('phone-mode-desk').addEventListener('change', () => setMode('desk'));
  $('phone-mode-browser').addEventListener('change', () => setMode('browser'));
  $('phone-register').addEventListener('click', () => {
    const password = $('phone-password').value;
    sessionStorage.setItem(PASSWORD_KEY, password);
    $('phone-password').value = '';
    start(password);
  });
  $('phone-call').addEventListener('click', () => {
    const target = $('phone-dial').value.trim();
    if (manager && target) {
      manager.call('sip:' + target + '@' + config.domain).catch((e) => status('呼叫失败：' + e.message, 'failed'));
    }
  });
  $('phone-answer').addEventListener('click', () => current && manager.answer(current));
  $('phone-decline').addEventListener('click', () => current && manager.decline(current));
  $('phone-hangup').addEventListener('click', () => current && manager.hangup(current));
  $('phone-hold').addEventListener('click', () => {
    if (current) { (manager.isHeld(current) ? manager.unhold(current) : manager.hold(current)); }
  });
  $('phone-mute').addEventListener('click', () => {
    if (!current) { return; }
    if (manager.isMuted(current)) { manager.unmute(current); } else { manager.mute(current); }
    const muted = manager.isMuted(current);
    $('phone-mute').textContent = muted ? '取消静音' : '静音';
    panel.dataset.muted = muted ? 'yes' : 'no';
  });
  $('phone-pad').addEventListener('click', (e) => {
    const tone = e.target.dataset && e.target.dataset.tone;
    if (tone && current) { manager.sendDTMF(current, tone); }
  });
}

async function init() {
  const answer = await fetch('/agent/phone', { headers: { Accept: 'application/json' } });
  config = await answer.json();
  wire();
  if (!config.enabled) {
    $('phone-mode-browser').disabled = true;
    status(config.extension ? '网页电话未配置（phone.ws-url），使用桌面话机' : '未分配分机，使用桌面话机', 'off');
    return;
  }
  await setMode(localStorage.getItem(MODE_KEY) === 'browser' ? 'browser' : 'desk');
}

init().catch((e) => status('网页电话初始化失败：' + e.message, 'failed'));
