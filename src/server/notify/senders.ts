import { createTransport } from 'nodemailer';
import type { ServerConfig } from '../config.ts';
import type { EmailMessage } from '../../lib/notify/lead-notification.ts';
import { signWebhook } from '../../lib/notify/webhook-signature.ts';

/** Delivers one outbox item; throws to ask for a retry. */
export type Sender = (payload: unknown, deliveryId: number) => Promise<void>;

/**
 * Sends the team's notifications over SMTP, with explicit timeouts: nodemailer's own
 * socket timeout is 10 minutes, which a mail server that accepts and then hangs would use.
 */
export function emailSender(config: NonNullable<ServerConfig['email']>, timeoutSeconds: number): Sender {
  let transport: ReturnType<typeof createTransport> | null = null;
  const ms = timeoutSeconds * 1000;
  const domain = /@([^>\s]+)/.exec(config.from)?.[1] ?? 'segnalazionevincente.com';
  return async (payload, deliveryId) => {
    transport ??= createTransport({
      url: config.smtpUrl,
      connectionTimeout: Math.min(ms, 10_000),
      greetingTimeout: Math.min(ms, 10_000),
      socketTimeout: ms,
      dnsTimeout: Math.min(ms, 10_000),
    } as Parameters<typeof createTransport>[0]);
    // A message may name its own recipients (held comments go to the moderators, a result to the prospect)
    // and where replies go.
    const message = payload as EmailMessage & { to?: string[]; replyTo?: string };
    await transport.sendMail({
      from: config.from,
      to: message.to ?? config.to,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // The same id on every attempt of one delivery: a mail server or client drops a repeat after a crash.
      messageId: `<notifica-${deliveryId}@${domain}>`,
    });
  };
}

/** POSTs the signed JSON to the webhook; any answer but 2xx (or none in time) is a failure to retry. */
export function webhookSender(config: NonNullable<ServerConfig['webhook']>, timeoutSeconds: number): Sender {
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
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  };
}
