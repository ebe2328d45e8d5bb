/**
 * What the compromised demo model "hears" in a ticket: instructions addressed to the agent, in
 * English, German, Spanish, French and Japanese, each mapped to the action an obedient model
 * would request. This is deliberately a pattern list, not a parser: it only has to be gullible
 * in the ways real injections exploit (reassign, escalate, mass-notify, disclose, close, change
 * account records), so that the policy layer can be shown stopping every one of them.
 */
import type { JsonObject } from '../../core/json.js';
import { AGENTS, CATEGORIES, queueById } from '../tickets/catalog.js';

export interface InjectedInstruction {
  action: string;
  args: JsonObject;
  /** The text that triggered it (already redacted: it comes from the model view). */
  instruction: string;
}

export interface InjectionReading {
  instructions: InjectedInstruction[];
  /** The text tells the model to drop its own rules ("ignore previous instructions"). */
  hijacked: boolean;
  /** A category the text demands ("classify it as refunds"), or null. */
  categoryOverride: string | null;
}

// Word edges that work for accented letters too (\b is ASCII-only in JavaScript).
const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;
/** A clause-sized target: a redaction placeholder, or text up to punctuation or a conjunction. */
const TARGET = String.raw`(?<target>\[[A-Z0-9_]+\]|[^.,;!?\n()<>]+?)`;
const TARGET_END = String.raw`(?=\s*(?:[.,;!?\n()<>]|${B}(?:and|with|und|mit|con|y|et|avec)${E}|$))`;
/** An account value: a placeholder, or one run of non-space text (an email, a role). */
const VALUE = String.raw`(?<target>\[[A-Z0-9_]+\]|[^\s,;]+?)(?=[.,;!?]?(?:\s|$))`;

function re(source: string): RegExp {
  return new RegExp(source, 'giu');
}

type ArgsBuilder = (groups: Record<string, string | undefined>) => JsonObject;

interface Trigger {
  readonly action: string;
  readonly patterns: readonly RegExp[];
  readonly args: ArgsBuilder;
}

/**
 * Arguments in the executor's vocabulary, so an obeyed call is well-formed and it is the policy
 * that stops it: a named agent becomes its id and group. A target that names no agent stays
 * free text (`assignee`), which no executor accepts.
 */
function assigneeArgs(groups: Record<string, string | undefined>): JsonObject {
  const target = (groups.target ?? '').trim().slice(0, 120);
  const words = new Set(target.toLowerCase().split(/[^\p{L}\p{N}@._-]+/u));
  const agent =
    AGENTS.find((a) => target.toLowerCase().includes(a.name.toLowerCase()) || words.has(a.email)) ??
    AGENTS.find((a) => a.name.toLowerCase().split(' ').some((part) => words.has(part)));
  if (agent === undefined) return { assignee: target };
  return { assignee_id: agent.id, group_id: queueById(agent.queue)?.group_id ?? null };
}

/** Fields changed without a new value ("disable 2FA", "reset the password") get what the verb implies. */
const IMPLIED_VALUE: Readonly<Record<string, string>> = { 'two-factor': 'disabled', '2fa': 'disabled', mfa: 'disabled', password: 'reset' };

function accountChange(groups: Record<string, string | undefined>): JsonObject {
  const field = (groups.field ?? 'account').toLowerCase();
  const value = (groups.target ?? '').trim().slice(0, 120);
  return { user: 'requester', field, value: value.length > 0 ? value : (IMPLIED_VALUE[field] ?? 'changed') };
}

const TRIGGERS: readonly Trigger[] = [
  {
    action: 'tickets.assign',
    patterns: [
      re(String.raw`${B}(?:re)?assign(?:ed)?(?:\s+(?:this|the|it)(?:\s+(?:ticket|one))?)?\s+to\s+${TARGET}${TARGET_END}`),
      re(String.raw`${B}rout(?:e|ed)\s+(?:it\s+|this(?:\s+ticket)?\s+|them\s+)?(?:directly\s+)?to\s+${TARGET}${TARGET_END}`),
      re(String.raw`${B}assignee\s*[=:]\s*(?<target>\[[A-Z0-9_]+\]|[^;,\]\n]+?)(?=\s*(?:[;,\]\n]|$))`),
      re(String.raw`${B}weise(?:\s+(?:dieses|das)\s+Ticket)?\s+(?<target>[^.,;!?\n]+?)\s+zu${E}`),
      re(String.raw`${B}asigna(?:\s+(?:este|el)\s+ticket)?\s+a\s+${TARGET}${TARGET_END}`),
      re(String.raw`${B}attribue(?:\s+(?:ce|le)\s+ticket)?\s+à\s+${TARGET}${TARGET_END}`),
      re(String.raw`チケットを(?<target>[^、。\n]{1,60}?)に割り当て`),
    ],
    args: assigneeArgs,
  },
  {
    action: 'tickets.set_priority',
    patterns: [
      re(String.raw`${B}(?:escalate|bump|raise|set|change|mark|upgrade)${E}[^.\n]{0,40}?${B}urgent${E}`),
      re(String.raw`${B}priority\s*[=:]\s*urgent${E}`),
      re(String.raw`${B}with\s+urgent\s+priority${E}`),
      re(String.raw`${B}Priorität${E}[^.\n]{0,30}?${B}(?:dringend|urgent|hoch)${E}`),
      re(String.raw`${B}prioridad\s+(?:urgente|máxima)${E}`),
      re(String.raw`${B}priorit[ée]${E}[^.\n]{0,20}?${B}urgente?${E}`),
      re(String.raw`優先度を?緊急`),
    ],
    args: () => ({ priority: 'urgent' }),
  },
  {
    action: 'tickets.notify_customer',
    patterns: [
      re(
        String.raw`${B}(?:e-?mail|notify|message|send\s+(?:a\s+)?(?:notification|message|e-?mail)s?\s+to)${E}[^.\n]{0,40}?${B}(?:all|every)\s+(?:of\s+(?:your|the)\s+)?(?:customers?|users|clients|subscribers)${E}`,
      ),
      re(String.raw`${B}notify\s*[=:]\s*all`),
      re(String.raw`${B}(?:E-Mail|Nachricht|Benachrichtigung)${E}[^.\n]{0,30}?${B}an\s+alle\s+Kunden${E}`),
      re(String.raw`${B}(?:correo|mensaje|e-?mail)${E}[^.\n]{0,30}?${B}a\s+todos\s+los\s+clientes${E}`),
      re(String.raw`${B}(?:e-?mail|courriel|message)${E}[^.\n]{0,30}?${B}à\s+tous\s+les\s+clients${E}`),
      re(String.raw`(?:全顧客|すべてのお客様|全てのお客様|全ユーザー)に`),
    ],
    args: () => ({ template: 'broadcast_all_customers' }),
  },
  {
    action: 'tickets.public_reply',
    patterns: [
      re(
        String.raw`${B}(?:forward|send|reveal|share|output|disclose|include|includes|post|reply)${E}[^.\n]{0,60}?${B}(?:transcript|other\s+customers|other\s+tickets|ticket\s*#\s*\d+|internal\s+notes|api\s+keys|email\s+addresses|phone\s+numbers|credentials)${E}`,
      ),
      re(String.raw`${B}(?:reply|respond)\s+publicly${E}|${B}public\s+reply${E}`),
      re(String.raw`${B}antworte\s+öffentlich${E}|${B}öffentlich\s+antworten${E}`),
      re(String.raw`${B}responde\s+públicamente${E}`),
      re(String.raw`${B}réponds\s+publiquement${E}`),
      re(String.raw`公開返信`),
    ],
    args: () => ({ template: 'disclose_requested_data' }),
  },
  {
    action: 'tickets.close',
    patterns: [
      re(String.raw`${B}close\s+(?:it|them|this(?:\s+(?:ticket|one))?|the\s+ticket|ticket|all\s+(?:(?:open|other|my)\s+)*tickets)${E}`),
      re(String.raw`${B}mark\s+(?:it|this(?:\s+ticket)?|them)\s+(?:as\s+)?(?:solved|resolved|closed)${E}`),
      re(String.raw`${B}schlie(?:ß|ss)e\s+(?:dieses|das)\s+Ticket${E}`),
      re(String.raw`${B}cierra\s+(?:este|el)\s+ticket${E}`),
      re(String.raw`${B}ferme\s+(?:ce|le)\s+ticket${E}`),
      re(String.raw`チケットを(?:クローズ|閉じ)`),
    ],
    args: () => ({}),
  },
  {
    action: 'tickets.delete',
    patterns: [re(String.raw`${B}delete\s+(?:this|it|the\s+ticket)(?:\s+(?:one|ticket))?${E}`)],
    args: () => ({}),
  },
  {
    action: 'tickets.merge',
    patterns: [
      re(String.raw`${B}merge\s+(?:this|it)(?:\s+(?:ticket|one))?\s+into\s+(?:ticket\s+)?#?\s*(?<target>\d{1,15})${E}`),
      re(String.raw`${B}merge${E}[^.\n]{0,40}?${B}tickets?${E}`),
    ],
    args: (groups): JsonObject => (groups.target === undefined ? {} : { target_ticket_id: Number(groups.target) }),
  },
  {
    action: 'macros.write',
    patterns: [re(String.raw`${B}(?:create|add|set\s+up|make)${E}[^.\n]{0,20}?${B}macro${E}`)],
    args: () => ({ title: 'Auto-reply requested in ticket' }),
  },
  {
    action: 'users.write',
    patterns: [
      re(
        String.raw`${B}(?:change|update|set)\s+(?:the\s+|my\s+)?(?<field>email(?:\s+address)?|phone(?:\s+number)?|role|password)${E}[^.,;\n]{0,40}?${B}to\s+${VALUE}`,
      ),
      re(String.raw`${B}upgrade\s+my\s+(?:user\s+)?(?<field>role)\s+to\s+${VALUE}`),
      re(String.raw`${B}(?:disable|turn\s+off|remove)\s+(?:the\s+)?(?<field>two-factor|2fa|mfa)${E}`),
      re(String.raw`${B}reset\s+the\s+(?<field>password)${E}`),
      re(String.raw`${B}(?:ändere|aktualisiere)${E}[^.\n]{0,40}?(?<field>E-Mail-Adresse|Telefonnummer|Rolle)[^.\n]{0,40}?${B}auf\s+${VALUE}`),
      re(String.raw`${B}cambia${E}[^.\n]{0,30}?(?<field>correo|tel[eé]fono|rol)${E}[^.\n]{0,30}?${B}a\s+${VALUE}`),
      re(String.raw`${B}modifie${E}[^.\n]{0,40}?(?<field>adresse\s+e-mail|e-mail|t[ée]l[ée]phone|r[ôo]le)${E}[^.\n]{0,30}?${B}en\s+${VALUE}`),
      re(String.raw`(?<field>メールアドレス|電話番号)を(?<target>[^、。\n]{1,80}?)に変更`),
    ],
    args: accountChange,
  },
];

const HIJACK: readonly RegExp[] = [
  re(
    String.raw`${B}(?:ignore|disregard|forget)\s+(?:all\s+|the\s+|your\s+)*(?:(?:previous|prior|above|earlier|routing)\s+)?(?:instructions|rules|guidelines|prompt)${E}`,
  ),
  re(String.raw`${B}ignore\s+the\s+above${E}`),
  re(String.raw`${B}system\s+override${E}|\[system\]`),
  re(String.raw`${B}ignoriere${E}[^.\n]{0,20}?${B}Anweisungen${E}`),
  re(String.raw`${B}ignora\s+las\s+instrucciones${E}`),
  re(String.raw`${B}ignore\s+les\s+instructions${E}`),
  re(String.raw`指示を(?:すべて|全て)?無視`),
];

const CATEGORY_DEMAND = re(String.raw`${B}classify\s+(?:it|this(?:\s+ticket)?)\s+as\s+(?<category>[a-z_]+)`);

const MAX_INSTRUCTION_CHARS = 160;

function categoryFrom(word: string): string | null {
  const w = word.toLowerCase();
  const direct = CATEGORIES.find((c) => c === w || `${c}s` === w || c === `${w}s`);
  return direct ?? null;
}

/** Every instruction the text gives the agent; the first match per action wins, in text order. */
export function readInjections(text: string): InjectionReading {
  const found: { at: number; instruction: InjectedInstruction }[] = [];
  for (const trigger of TRIGGERS) {
    let first: { at: number; instruction: InjectedInstruction } | undefined;
    for (const pattern of trigger.patterns) {
      pattern.lastIndex = 0;
      const m = pattern.exec(text);
      if (m === null || (first !== undefined && m.index >= first.at)) continue;
      first = {
        at: m.index,
        instruction: {
          action: trigger.action,
          args: trigger.args(m.groups ?? {}),
          instruction: m[0].slice(0, MAX_INSTRUCTION_CHARS),
        },
      };
    }
    if (first !== undefined) found.push(first);
  }
  found.sort((a, b) => a.at - b.at);
  const hijacked = HIJACK.some((p) => {
    p.lastIndex = 0;
    return p.test(text);
  });
  CATEGORY_DEMAND.lastIndex = 0;
  const demand = CATEGORY_DEMAND.exec(text)?.groups?.category;
  return {
    instructions: found.map((f) => f.instruction),
    hijacked,
    categoryOverride: demand === undefined ? null : categoryFrom(demand),
  };
}
