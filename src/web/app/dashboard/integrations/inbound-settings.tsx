import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { InboundSecret, InboundSettings } from '../../api/inbound-types.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { useFocusLater } from '../../ui/use-focus-later.ts';
import { ConfirmStep } from '../shared/confirm-step.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { RecentReplies } from './recent-replies.tsx';

const inboundKey = ['inbound-settings'] as const;

/**
 * Calendar replies: the address Leeway's invitations ask calendars to reply to, the two ways such mail
 * can reach Leeway, and the secret a mail provider's forwarding presents (created or replaced here, shown
 * once).
 */
export function InboundSettingsSection({ zone }: { zone: string }) {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: inboundKey, queryFn: ({ signal }) => api.get<InboundSettings>('/api/v1/inbound', signal) });
  const [confirming, setConfirming] = useState(false);
  const [created, setCreated] = useState<InboundSecret | null>(null);
  const [buttonRef, focusButton] = useFocusLater<HTMLButtonElement>();
  const create = useMutation({
    mutationFn: () => api.post<InboundSecret>('/api/v1/inbound/secret'),
    onSuccess: (answer) => {
      setConfirming(false);
      setCreated(answer);
      void client.invalidateQueries({ queryKey: inboundKey });
    },
  });
  const endpoint = settings.data?.http.url ?? '';
  const secretSet = settings.data?.secretSet ?? false;
  const ask = () => {
    create.reset();
    setCreated(null);
    if (secretSet) setConfirming(true);
    else create.mutate();
  };

  return (
    <section aria-labelledby="inbound-heading">
      <h2 id="inbound-heading">Calendar replies</h2>
      <p className="muted">
        When a candidate or an interviewer answers an invitation in their calendar — accepts, declines or proposes another time — their calendar emails the
        answer to the invitation’s organizer. Leeway reads those answers: a panelist who declines is replaced, a candidate who declines cancels, a proposed
        time reaches the recruiter, and every answer shows on the interview’s page.
      </p>
      {settings.isPending && <Loading what="the reply settings" />}
      <ProblemMessage error={settings.error} />
      {settings.data && (
        <div className="card org-card">
          <dl className="facts">
            <dt>Replies go to</dt>
            <dd>
              <code className="break-anywhere">{settings.data.address}</code>
              <span className="block muted small">
                The sender address of Leeway’s emails (<code>LEEWAY_MAIL_FROM</code>) and the organizer of every invitation: its mail must reach Leeway
                in one of the two ways below.
              </span>
            </dd>
            <dt>Forwarding secret</dt>
            <dd>
              {secretSet ? (
                <>
                  Set
                  {settings.data.secretCreatedAt && (
                    <>
                      {' '}
                      on <Time iso={settings.data.secretCreatedAt} zone={zone} />
                    </>
                  )}
                  . A forwarding that presents it is accepted.
                </>
              ) : (
                'Not set: forwarded replies are refused until you create one.'
              )}
            </dd>
          </dl>
          {!confirming && (
            <button type="button" ref={buttonRef} onClick={ask} disabled={create.isPending}>
              {create.isPending ? 'Creating…' : secretSet ? 'Replace the forwarding secret' : 'Create a forwarding secret'}
            </button>
          )}
          {confirming && (
            <ConfirmStep
              question="Replace the forwarding secret?"
              confirmLabel="Replace the secret"
              pendingLabel="Replacing…"
              pending={create.isPending}
              error={create.error}
              onConfirm={() => create.mutate()}
              onCancel={() => {
                setConfirming(false);
                focusButton();
              }}
            >
              <p>The current secret stops working at once: change it in your mail provider’s forwarding right after.</p>
            </ConfirmStep>
          )}
          {!confirming && <ProblemMessage error={create.error} />}
          {created && (
            <div className="success-panel">
              <FocusHeading level={3}>Forwarding secret</FocusHeading>
              <OneTimeSecret
                label="Forwarding secret"
                secret={created.secret}
                use="Put it in your mail provider’s forwarding as the Authorization header, as below."
                onDone={() => {
                  setCreated(null);
                  focusButton();
                }}
              />
            </div>
          )}
        </div>
      )}

      {settings.data && <HowTo settings={settings.data} endpoint={endpoint} />}
      <p className="muted">
        Either way, Leeway acts only on a reply whose sender is an attendee of a live interview and whose calendar event is current; anything else is
        recorded and ignored, with the reason, below and on the interview’s page.
      </p>
      <RecentReplies zone={zone} />
    </section>
  );
}

const kilobytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

/** The two ways a reply reaches Leeway, in plain words with the exact command and header. */
function HowTo({ settings, endpoint }: { settings: InboundSettings; endpoint: string }) {
  const domain = settings.address.split('@')[1] ?? 'the address’s domain';
  return (
    <>
      <h3>How replies reach Leeway</h3>
      <p>Choose one of two ways, depending on who receives the mail for {settings.address}.</p>
      <ol className="how-to">
        <li>
          <strong>Leeway receives the mail itself (MX).</strong>{' '}
          {settings.smtp.listening ? (
            <>
              This server listens for mail on <code>{`${settings.smtp.host ?? ''}:${settings.smtp.port ?? ''}`}</code>; make port 25 of this host reach it,
            </>
          ) : (
            <>
              This server does not listen for mail yet: start Leeway with <code>leeway serve --smtp-port 25 --smtp-host 0.0.0.0</code> (or a port your
              firewall forwards port 25 to),
            </>
          )}{' '}
          and give <code>{domain}</code> an MX record naming this server’s host. Leeway accepts mail only for{' '}
          {settings.smtp.recipients.join(', ')}, up to {kilobytes(settings.smtp.maxMessageBytes)} a message.
        </li>
        <li>
          <strong>Your mail provider forwards it.</strong> Keep the address at your provider and have it post each message, whole and as it arrived
          (Content-Type <code>message/rfc822</code>, up to {kilobytes(settings.http.maxMessageBytes)}), to{' '}
          <code className="break-anywhere">{endpoint}</code> with the header <code>Authorization: Bearer</code> followed by the forwarding secret. To try
          it by hand with a saved reply:{' '}
          <code className="break-anywhere">
            curl -H "Authorization: Bearer $SECRET" -H "Content-Type: message/rfc822" --data-binary @reply.eml {endpoint}
          </code>
        </li>
      </ol>
    </>
  );
}
