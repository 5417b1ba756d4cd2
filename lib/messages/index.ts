export * from './protocol';
export { handleMessage, type MessageSenderInfo } from './handle-message';
export { createBackgroundClient, BackgroundError, type BackgroundClient, type SendMessage } from './background-client';
export * from './notices';
