#!/usr/bin/env node
// An independent SMSC for the gateway's tests and load runs, built on npm `smpp` 0.5.1 (not jSMPP).
// Control: one JSON command per line on stdin; every event is one JSON line on stdout. See README.md.
'use strict';
const smpp = require('smpp');
const readline = require('readline');

const opts = parseArgs(process.argv.slice(2));
const state = {
  systemId: opts['system-id'] || 'hotline',
  password: opts.password || 'secret',
  redeliverMs: +(opts['redeliver-ms'] || 1000),
  respTimeoutMs: +(opts['resp-timeout-ms'] || 10000),
  throttle: +(opts.throttle || 0),
  window: +(opts.window || 100),
  sessions: [],          // bound sessions that may receive deliver_sm
  rr: 0,
  ledger: new Map(),     // id -> entry
  queue: null,           // entries waiting to be sent (a Fifo, below)
  inflight: 0,
  nextId: 1,
  nextMsgId: 1,
  submits: [],
  flood: null,
};

// A FIFO with O(1) shift: Array.prototype.shift copies large arrays, and a flood queues 100,000 entries.
class Fifo {
  constructor() { this.items = []; this.head = 0; }
  get length() { return this.items.length - this.head; }
  push(x) { this.items.push(x); }
  shift() {
    const x = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 4096 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
    return x;
  }
}
state.queue = new Fifo();

function emit(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) { out[argv[i].slice(2)] = argv[i + 1]; i++; }
  }
  return out;
}

// ---- encoding -------------------------------------------------------------------------------------------
function encode(text, coding) {
  switch (coding) {
    case 'gsm': return { dc: 0x00, buf: smpp.encodings.ASCII.encode(text) };
    case 'latin1': return { dc: 0x03, buf: Buffer.from(text, 'latin1') };
    default: return { dc: 0x08, buf: Buffer.from(text, 'utf16le').swap16() };
  }
}

function splitText(text, parts) {
  const chars = Array.from(text);           // code points: never split a surrogate pair
  const size = Math.ceil(chars.length / parts);
  const out = [];
  for (let i = 0; i < parts; i++) out.push(chars.slice(i * size, (i + 1) * size).join(''));
  return out;
}

function buildPdus(cmd) {
  const base = { source_addr: cmd.source || '8613800000000', destination_addr: cmd.dest || '81890',
    source_addr_ton: 1, source_addr_npi: 1, dest_addr_ton: 0, dest_addr_npi: 1 };
  const split = cmd.split || 'none';
  if (split === 'none') {
    const { dc, buf } = encode(cmd.text, cmd.coding);
    return [Object.assign({}, base, { data_coding: dc, esm_class: 0, short_message: buf })];
  }
  const parts = cmd.parts || 3;
  const ref = cmd.ref !== undefined ? cmd.ref : Math.floor(Math.random() * (split === 'udh8' ? 256 : 65536));
  return splitText(cmd.text, parts).map((piece, i) => {
    const { dc, buf } = encode(piece, cmd.coding);
    const seq = i + 1;
    if (split === 'sar') {
      return Object.assign({}, base, { data_coding: dc, esm_class: 0, short_message: buf,
        sar_msg_ref_num: ref, sar_total_segments: parts, sar_segment_seqnum: seq });
    }
    const udh = split === 'udh16'
      ? Buffer.from([6, 0x08, 4, (ref >> 8) & 0xff, ref & 0xff, parts, seq])
      : Buffer.from([5, 0x00, 3, ref & 0xff, parts, seq]);
    return Object.assign({}, base, { data_coding: dc, esm_class: 0x40, short_message: Buffer.concat([udh, buf]) });
  });
}

function receiptPdu(cmd) {
  const stat = cmd.stat || 'DELIVRD';
  const states = { ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };
  const d = new Date();
  const ts = [d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    .map((n) => String(n).padStart(2, '0')).join('');
  const text = `id:${cmd.messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:${ts} `
    + `done date:${ts} stat:${stat} err:${cmd.err || '000'} text:`;
  const pdu = { source_addr: cmd.source || '8613800000000', destination_addr: cmd.dest || '81890',
    esm_class: 0x04, data_coding: 0x01, short_message: Buffer.from(text, 'ascii') };
  if (cmd.tlv !== false) {
    pdu.receipted_message_id = cmd.messageId;
    pdu.message_state = states[stat] || 7;
  }
  return pdu;
}

// ---- ledger and dispatch --------------------------------------------------------------------------------
function enqueue(pdu, meta) {
  const entry = { id: state.nextId++, pdu, text: meta.text, quiet: !!meta.quiet, group: meta.group,
    status: 'pending', attempts: 0, statuses: [], attempt: null, loseResps: +(meta.loseResps || 0) };
  state.ledger.set(entry.id, entry);
  state.queue.push(entry);
  return entry;
}

function pickSession() {
  const live = state.sessions.filter((s) => s.receives && !s.closed);
  if (!live.length) return null;
  return live[state.rr++ % live.length];
}

function pump() {
  while (state.queue.length && state.inflight < state.window) {
    const session = pickSession();
    if (!session) return;
    cork(session);
    send(state.queue.shift(), session);
  }
}

// Writes of one burst leave in one syscall: cork now, uncork once the current callback is over.
function cork(session) {
  if (session.corked) return;
  session.corked = true;
  session.smpp.socket.cork();
  process.nextTick(() => { session.corked = false; session.smpp.socket.uncork(); });
}

function send(entry, session) {
  entry.attempts++;
  const attempt = { n: entry.attempts, session, sentAt: process.hrtime.bigint(), done: false };
  entry.attempt = attempt;
  state.inflight++;
  session.outstanding.add(entry);
  const onResp = (resp) => finish(entry, attempt, resp.command_status);
  const ok = entry.buf ? sendEncoded(session.smpp, entry, onResp)
    : session.smpp.deliver_sm(Object.assign({}, entry.pdu), onResp);
  if (!entry.quiet) emit({ event: 'deliver', id: entry.id, attempt: attempt.n, text: entry.text });
  if (ok === false) finish(entry, attempt, 'not-sent');
}

// The flood's fast path: the PDU was encoded once when queued; only its sequence number is patched per attempt
// (a copy on a redelivery, in case the first write still holds the buffer). Same bytes as session.deliver_sm.
function sendEncoded(session, entry, onResp) {
  if (!session.socket.writable) return false;
  if (session.sequence === 0x7FFFFFFF) session.sequence = 0;
  const seq = ++session.sequence;
  session._callbacks[seq] = onResp;
  const buf = entry.attempts > 1 ? Buffer.from(entry.buf) : entry.buf;
  buf.writeUInt32BE(seq, 12);
  session.socket.write(buf);
  return true;
}

// One sweep for resp timeouts instead of a timer per attempt.
setInterval(() => {
  const now = process.hrtime.bigint();
  const limit = BigInt(state.respTimeoutMs) * 1000000n;
  state.sessions.forEach((s) => Array.from(s.outstanding).forEach((entry) => {
    if (now - entry.attempt.sentAt > limit) finish(entry, entry.attempt, 'timeout');
  }));
}, 100).unref();

function finish(entry, attempt, status) {
  if (attempt.done || entry.attempt !== attempt) return;
  attempt.done = true;
  attempt.session.outstanding.delete(entry);
  state.inflight--;
  const micros = Number(process.hrtime.bigint() - attempt.sentAt) / 1000;
  if (status === 0 && entry.loseResps > 0) {
    // A deliver_sm_resp lost on the way (test option loseResps): the ESME committed and answered OK, the SMSC never
    // heard it and redelivers the same message, as a real SMSC does after its response timeout.
    entry.loseResps--;
    status = 'lost';
  }
  entry.statuses.push(status);
  if (status === 0) {
    entry.status = 'acked';
    if (state.flood && entry.group === state.flood.group) floodAcked(micros);
  } else {
    entry.status = 'retrying';
    setTimeout(() => { state.queue.push(entry); pump(); }, state.redeliverMs);
  }
  if (!entry.quiet) emit({ event: 'resp', id: entry.id, attempt: attempt.n, status, micros: Math.round(micros) });
  pump();
}

function floodAcked(micros) {
  const f = state.flood;
  f.latencies.push(micros);
  if (f.latencies.length < f.n) return;
  const secs = Number(process.hrtime.bigint() - f.start) / 1e9;
  const sorted = f.latencies.slice().sort((a, b) => a - b);
  const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]) / 1000;
  emit({ event: 'flood_done', n: f.n, window: f.window, seconds: +secs.toFixed(3),
    msgsPerSec: Math.round(f.n / secs), p50ms: pct(0.5), p99ms: pct(0.99),
    redeliveries: f.entries.reduce((a, e) => a + e.attempts - 1, 0) });
  state.window = f.previousWindow;
  state.flood = null;
}

// ---- commands ---------------------------------------------------------------------------------------------
const commands = {
  deliver(cmd) {
    const pdus = buildPdus(cmd).filter((pdu, i) => !cmd.only || cmd.only.includes(i + 1));
    const ids = pdus.map((pdu) => enqueue(pdu, { text: cmd.text, group: cmd.tag, loseResps: cmd.loseResps }).id);
    emit({ event: 'queued', tag: cmd.tag, ids });
    pump();
  },
  receipt(cmd) {
    const e = enqueue(receiptPdu(cmd), { text: 'receipt:' + cmd.messageId, group: cmd.tag });
    emit({ event: 'queued', tag: cmd.tag, ids: [e.id] });
    pump();
  },
  receipts(cmd) {
    const ids = state.submits.filter((s) => s.status === 0 && !s.receipted).map((s) => {
      s.receipted = true;
      return enqueue(receiptPdu({ messageId: s.messageId, source: s.dest, dest: s.source, stat: cmd.stat }),
        { text: 'receipt:' + s.messageId }).id;
    });
    emit({ event: 'queued', tag: cmd.tag, ids });
    pump();
  },
  flood(cmd) {
    const group = 'flood-' + Date.now();
    const entries = [];
    for (let i = 0; i < cmd.n; i++) {
      // texts: what residents write, cycled (the number keeps every text distinct; UCS-2 like a handset's Chinese)
      const body = cmd.texts && cmd.texts.length ? ` ${cmd.texts[i % cmd.texts.length]}` : '';
      const text = `${cmd.prefix || 'flood'} ${i}${body}`;
      const source = cmd.sources ? String((cmd.sourceBase || 8613900000000) + (i % cmd.sources)) : cmd.source;
      const coding = cmd.coding || (body ? 'ucs2' : 'gsm');
      const e = enqueue(buildPdus({ text, coding, source })[0], { text, quiet: true, group });
      e.buf = new smpp.PDU('deliver_sm', Object.assign({}, e.pdu)).toBuffer();
      entries.push(e);
    }
    state.flood = { group, n: cmd.n, window: cmd.window || 50, entries, latencies: [],
      start: process.hrtime.bigint(), previousWindow: state.window };
    state.window = cmd.window || 50;
    emit({ event: 'flood_started', n: cmd.n, window: state.window });
    pump();
  },
  // Raw bytes (a malformed or mutated PDU, hex) written as they are to one bound session. When they hold a whole
  // header, the sequence number is replaced by the session's next one (unless keepSeq) and the answer to it is
  // reported as raw_resp; generic_nack answers (also those with sequence 0) come as generic_nack events.
  raw(cmd) {
    const session = pickSession();
    if (!session) { emit({ event: 'error', message: 'raw: no bound session', tag: cmd.tag }); return; }
    const buf = Buffer.from(cmd.hex, 'hex');
    let seq = null;
    if (buf.length >= 16) {
      if (cmd.keepSeq) {
        seq = buf.readUInt32BE(12);
      } else {
        if (session.smpp.sequence === 0x7FFFFFFF) session.smpp.sequence = 0;
        seq = ++session.smpp.sequence;
        buf.writeUInt32BE(seq, 12);
      }
      session.smpp._callbacks[seq] = (resp) => emit({ event: 'raw_resp', tag: cmd.tag, seq,
        command: resp.command || 'deliver_sm_resp', status: resp.command_status });
    }
    session.smpp.socket.write(buf);
    emit({ event: 'raw_sent', tag: cmd.tag, seq, bytes: buf.length });
  },
  close() {
    const n = state.sessions.length;
    state.sessions.forEach((s) => s.smpp.destroy());
    emit({ event: 'closed', sessions: n });
  },
  config(cmd) {
    ['throttle', 'redeliverMs', 'respTimeoutMs', 'window'].forEach((k) => { if (cmd[k] !== undefined) state[k] = cmd[k]; });
    emit({ event: 'config', throttle: state.throttle, redeliverMs: state.redeliverMs, window: state.window });
  },
  ledger() {
    const entries = Array.from(state.ledger.values()).map((e) => ({ id: e.id, text: e.text, status: e.status,
      attempts: e.attempts, statuses: e.statuses }));
    emit({ event: 'ledger', entries, pending: state.queue.length, inflight: state.inflight });
  },
  submits() {
    emit({ event: 'submits', submits: state.submits.map((s) => ({ messageId: s.messageId, source: s.source,
      dest: s.dest, text: s.text, udh: s.udh, status: s.status, dataCoding: s.dataCoding })) });
  },
  quit() {
    state.sessions.forEach((s) => s.smpp.destroy());
    server.close();
    emit({ event: 'bye' });
    process.exit(0);
  },
};

// ---- server -----------------------------------------------------------------------------------------------
// Fast read path: frames PDUs from one accumulated buffer; a deliver_sm_resp (the flood's answer) goes straight to
// its callback without building a PDU object; every other PDU is parsed and emitted as the library itself does.
function fastReader(session) {
  const socket = session.socket;
  let acc = Buffer.alloc(0);
  const frames = function () {
    if (this._busy) return;
    this._busy = true;
    try {
      while (!this.paused) {
        if (acc.length < 4 || acc.length < acc.readUInt32BE(0)) {
          const chunk = socket.read();
          if (chunk === null) break;
          acc = acc.length ? Buffer.concat([acc, chunk]) : chunk;
          continue;
        }
        const len = acc.readUInt32BE(0);
        if (len < 16 || len > smpp.PDU.maxLength) throw new Error('bad PDU length ' + len);
        const frame = acc.subarray(0, len);
        acc = acc.subarray(len);
        if (frame.readUInt32BE(4) === 0x80000005) {
          const seq = frame.readUInt32BE(12);
          const cb = this._callbacks[seq];
          if (cb) {
            delete this._callbacks[seq];
            cb({ command_status: frame.readUInt32BE(8), sequence_number: seq });
          }
          continue;
        }
        const pdu = new smpp.PDU(Buffer.from(frame));
        this.emit('pdu', pdu);
        this.emit(pdu.command, pdu);
        if (pdu.isResponse() && this._callbacks[pdu.sequence_number]) {
          this._callbacks[pdu.sequence_number](pdu);
          delete this._callbacks[pdu.sequence_number];
        }
      }
    } catch (e) {
      this.emit('error', e);
      socket.destroy();
    } finally {
      this._busy = false;
    }
  };
  session._extractPDUs = frames;
  socket.removeAllListeners('readable');
  socket.on('readable', () => session._extractPDUs());
}

const server = smpp.createServer({ debug: false }, (session) => {
  fastReader(session);
  const s = { smpp: session, receives: false, closed: false, outstanding: new Set() };
  const onBind = (kind, receives) => (pdu) => {
    session.pause();
    let status = 0;
    if (pdu.system_id !== state.systemId) status = smpp.ESME_RINVSYSID;
    else if (pdu.password !== state.password) status = smpp.ESME_RINVPASWD;
    session.send(pdu.response({ command_status: status, system_id: 'node-smsc' }));
    emit({ event: 'bind', kind, systemId: pdu.system_id, ok: status === 0 });
    if (status !== 0) { session.close(); return; }
    s.receives = receives;
    state.sessions.push(s);
    session.resume();
    pump();
  };
  session.on('bind_transceiver', onBind('transceiver', true));
  session.on('bind_receiver', onBind('receiver', true));
  session.on('bind_transmitter', onBind('transmitter', false));
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => { session.send(pdu.response()); session.close(); });
  session.on('submit_sm', (pdu) => {
    const throttled = Math.random() < state.throttle;
    const status = throttled ? smpp.ESME_RTHROTTLED : 0;
    const messageId = throttled ? '' : 'm' + (state.nextMsgId++).toString(16);
    const sm = pdu.short_message || {};
    const rec = { messageId, source: pdu.source_addr, dest: pdu.destination_addr, status,
      text: typeof sm.message === 'string' ? sm.message : String(sm.message || ''),
      udh: sm.udh ? sm.udh.map((u) => u.toString('hex')) : [], dataCoding: pdu.data_coding };
    if (!throttled) state.submits.push(rec);
    session.send(pdu.response({ command_status: status, message_id: messageId }));
    emit(Object.assign({ event: 'submit' }, rec));
  });
  session.on('generic_nack', (pdu) => emit({ event: 'generic_nack', seq: pdu.sequence_number,
    status: pdu.command_status }));
  session.on('error', (e) => emit({ event: 'session_error', message: e.message }));
  session.on('close', () => {
    s.closed = true;
    state.sessions = state.sessions.filter((x) => x !== s);
    Array.from(s.outstanding).forEach((entry) => finish(entry, entry.attempt, 'connection-closed'));
    emit({ event: 'session_closed' });
  });
});

server.listen(+(opts.port || 0), '127.0.0.1', () => emit({ event: 'listening', port: server.address().port }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  let cmd;
  try { cmd = JSON.parse(line); } catch (e) { emit({ event: 'error', message: 'bad JSON: ' + e.message }); return; }
  const fn = commands[cmd.cmd];
  if (!fn) { emit({ event: 'error', message: 'unknown cmd ' + cmd.cmd }); return; }
  try { fn(cmd); } catch (e) { emit({ event: 'error', message: e.message }); }
}).on('close', () => commands.quit());
