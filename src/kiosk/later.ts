/**
 * Everything the kiosk loads after its start screen, behind one dynamic import: the visit, its
 * storage and sync, the staff menu, the preview, the validator and the update check. One door makes one file
 * for the service worker to fetch and for the kiosk to prefetch when idle, where a dynamic import
 * of each module would make a file of each (a slow link pays half a second per request).
 */
export { Visit } from './visit';
export { default as StaffMenu } from './staff/staff-menu';
export { default as PreviewApp, setUpPreview } from '../preview/preview-app';
export { createSyncEngine } from '../sync/sync-engine';
export { browserCommentSender } from '../sync/browser-comment-sender';
export * as outbox from '../storage/outbox';
export * as abandoned from '../storage/abandoned';
export * as made from '../storage/made';
export * as kept from '../storage/kept-copies';
export * as enrollment from '../storage/enrollment';
export { tokensWithComments } from '../storage/comment-outbox';
export { parseKioskSetup } from '../domain/kiosk-setup';
export { Workbox } from 'workbox-window';
