import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { InboundSettingsSection } from './inbound-settings.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

/** How Leeway talks to other systems: webhooks out, calendar replies in. */
export default function IntegrationsPage() {
  useTitle('Integrations');
  const organization = useOrganization();
  return (
    <div>
      <h1>Integrations</h1>
      <p className="lead">Webhooks tell your other systems what changed; calendar replies let people answer invitations from their own calendar.</p>
      {organization.isPending && <Loading what="the organization" />}
      <ProblemMessage error={organization.error} />
      {organization.data && (
        <>
          <p className="zone-note">Times are in {zoneLabel(organization.data.timezone)} time ({organization.data.timezone}), the organization’s zone.</p>
          <WebhooksSection zone={organization.data.timezone} />
          <InboundSettingsSection zone={organization.data.timezone} />
        </>
      )}
    </div>
  );
}
