import { createTransport } from 'nodemailer';
import type { ServerConfig } from '../config.ts';
import type { EmailMessage } from '../../lib/notify/lead-notification.ts';
import { signWebhook } from '../../lib/notify/webhook-signature.ts';

/** Delivers one outbox item; throws to ask for a retry. */
export type Sender = (payload: unknown, deliveryId: number) => Promise<void>;

/** Sends the team's notifications over SMTP. */
export function emailSender(config: NonNullable<ServerConfig['email']>): Sender {
  let transport: ReturnType<typeof createTransport> | null = null;
  return async (payload) => {
    transport ??= createTransport(config.smtpUrl);
    // A message may name its own recipients: held comments go to the moderators.
    const message = payload as EmailMessage & { to?: string[] };
    await transport.sendMail({
      from: config.from,
      to: message.to ?? config.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  };
}

/** POSTs the signed JSON to the webhook; any answer but 2xx is a failure to retry. */
export function webhookSender(config: NonNullable<ServerConfig['webhook']>): Sender {
  return async (payload, deliveryId) => {
    const body = JSON.stringify(payload);
    const res = await fetch(config.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'SegnalazioneVincente-Webhook/1',
        // Receivers deduplicate on this id: a delivery is retried until it is acknowledged.
        'X-SV-Delivery': String(deliveryId),
        'X-SV-Signature': signWebhook(config.secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  };
}
