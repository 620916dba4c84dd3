import { useCallback, useEffect, useState } from "react";
import { type Alert, type AlertPage, api, qs } from "../api.ts";
import { RelationBadge } from "../components/badges.tsx";
import { Empty, ErrorView, Loading } from "../components/states.tsx";
import { fmtDateTime } from "../format.ts";
import { Link } from "../router.tsx";

const PAGE = 10;

const EXAMPLE = `"alerts.rules": [
  { "id": "iran-escalation", "theatre": "iran-israel",
    "relations": ["escalation", "contradicts"] }
]`;

/** Alerts raised by the configured rules, newest first; `rule` (from `?rule=`) shows one rule's only. */
export function AlertsPage({ rule }: { rule: string }) {
  const [items, setItems] = useState<Alert[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [next, setNext] = useState<number | null>(null);

  const load = useCallback(
    (offset: number) => {
      setError(null);
      api<AlertPage>(`/api/alerts${qs({ rule, limit: PAGE, offset })}`).then(
        (page) => {
          setItems((prev) => (offset === 0 || !prev ? page.items : [...prev, ...page.items]));
          setNext(page.nextOffset);
        },
        (err: Error) => setError(err),
      );
    },
    [rule],
  );
  useEffect(() => {
    setItems(null);
    setNext(null);
    load(0);
  }, [load]);

  return (
    <div className="alerts-page">
      <p className="eyebrow">
        <span className="mono">ALERTS{rule ? ` · ${rule}` : ""}</span>{" "}
        <a className="atom-link" href={`/feeds/alerts${qs({ rule })}`}>
          Atom feed
        </a>
      </p>
      <h1 className="page-title">Alerts</h1>
      <p className="byline">
        What the rules in the config key <code>alerts.rules</code> raised, newest first: one alert per rule
        and event, with the reason condition by condition.
      </p>
      {rule && (
        <p className="notice alert-filter" role="status">
          Only the alerts of rule <span className="chip mono">{rule}</span>{" "}
          <Link className="btn btn-small btn-ghost" href="/alerts">
            Show all rules
          </Link>
        </p>
      )}
      {error && <ErrorView error={error} retry={() => load(items?.length ?? 0)} />}
      {!items && !error && <Loading what="Loading alerts" />}
      {items && !items.length && (rule ? <NoneForRule rule={rule} /> : <NoAlerts />)}
      {items && items.length > 0 && (
        <ol className="alert-list">
          {items.map((a) => (
            <AlertRow key={a.id} a={a} />
          ))}
        </ol>
      )}
      {items && next !== null && !error && (
        <button type="button" className="btn load-more" onClick={() => load(next)}>
          Load more
        </button>
      )}
    </div>
  );
}

function AlertRow({ a }: { a: Alert }) {
  const { rule, conditions } = splitReason(a.reason);
  return (
    <li className="alert-row" data-id={a.id}>
      <div className="alert-meta">
        <time className="mono" dateTime={a.createdAt}>
          {fmtDateTime(a.createdAt)}
        </time>
        <Link
          className="chip mono rule-chip"
          href={`/alerts${qs({ rule: a.ruleId })}`}
          title={`Only the alerts of rule ${a.ruleId}`}
        >
          {a.ruleId}
        </Link>
        <Delivery a={a} />
      </div>
      <div className="alert-body">
        <h3 className="alert-title">
          <Link href={`/events/${a.eventId}`}>
            <span className="mono">#{a.eventId}</span> {a.title}
          </Link>
        </h3>
        {rule && rule !== a.ruleId && <p className="alert-rule">{rule}</p>}
        <ul className="alert-conds" aria-label="Conditions met">
          {conditions.map((c) => (
            <li key={c}>
              <Condition text={c} />
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}

/** Whether the webhook took the alert. */
function Delivery({ a }: { a: Alert }) {
  if (a.deliveredAt)
    return (
      <span className="delivery delivery-sent" title={`Taken by the webhook ${fmtDateTime(a.deliveredAt)}`}>
        ✓ sent
      </span>
    );
  if (a.deliveryError)
    return <span className="delivery delivery-failed">not delivered: {a.deliveryError}</span>;
  return (
    <span className="delivery delivery-none" title="No webhook was set (alerts.webhook) when it was raised">
      not sent
    </span>
  );
}

const LINK = /^([a-z-]+) link to #(\d+) '(.*)' \(([^)]*)\)$/s;
const LINK_START = /^[a-z-]+ link to #\d+ '/;
const LINK_END = /' \([^)]*\)$/;

/** One condition; a link to an earlier event shows its relation and links to that event. */
function Condition({ text }: { text: string }) {
  const m = text.match(LINK);
  if (!m) return <>{text}</>;
  const [, type, id, title, date] = m;
  return (
    <>
      <RelationBadge type={type} /> link to{" "}
      <Link href={`/events/${id}`}>
        <span className="mono">#{id}</span> {title}
      </Link>
      {date && <span className="muted"> ({date})</span>}
    </>
  );
}

/**
 * "Rule name: condition; condition; …" → the rule's name and its conditions. A "; " inside the quoted title of a
 * linked event does not end the condition.
 */
export function splitReason(reason: string): { rule: string | null; conditions: string[] } {
  const at = reason.indexOf(": ");
  const rule = at >= 0 ? reason.slice(0, at) : null;
  const conditions: string[] = [];
  for (const part of (at >= 0 ? reason.slice(at + 2) : reason).split("; ")) {
    const last = conditions.length - 1;
    if (last >= 0 && LINK_START.test(conditions[last]) && !LINK_END.test(conditions[last]))
      conditions[last] = `${conditions[last]}; ${part}`;
    else conditions.push(part);
  }
  return { rule, conditions: conditions.filter((c) => c.trim()) };
}

function NoAlerts() {
  return (
    <Empty>
      <p className="empty-lead">No alerts yet.</p>
      <p>
        Alerts come from the rules in the config key <code>"alerts.rules"</code>: an event that meets every
        condition of a rule (theatre, actors, types, maxIntensity, escalating, relations, words) raises one
        alert when its links are written. For example, in <code>sitrep.config.json</code>:
      </p>
      <pre className="code-block alert-example">
        <code>{EXAMPLE}</code>
      </pre>
      <p>
        Set <code>"alerts.webhook"</code> to have each alert POSTed as JSON too.
      </p>
    </Empty>
  );
}

function NoneForRule({ rule }: { rule: string }) {
  return (
    <Empty>
      No alert from rule <code>{rule}</code>. <Link href="/alerts">Show all rules</Link>.
    </Empty>
  );
}
