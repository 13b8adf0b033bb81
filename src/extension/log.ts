// Newsmark's log: one LogOutputChannel ("Newsmark" in the Output panel), so that what went wrong is never swallowed
// silently. Made on first use; its level follows the user's "Developer: Set Log Level…".

import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The log channel (created once). */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Newsmark', { log: true });
  return channel;
}

/** A short text for an error: its message, without a stack. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Closes the channel (at deactivation). */
export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
