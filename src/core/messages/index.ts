export * from './email-kinds.ts';
export type { MessageFacts, RenderedEmail } from './message-facts.ts';
export { planEmails } from './plan-emails.ts';
export type { PlanOptions, Recipients } from './plan-emails.ts';
export { renderEmail } from './render-email.ts';
