// "New Article": the walkthrough's second step. In a folder, a new .news file with a short example article
// (written for Newsmark) that shows every kind of finding; without a folder, an untitled one.

import * as vscode from 'vscode';
import { errorText, log } from './log';

const EXAMPLE = `Lighthouse keepers' pay dispute ends after nine-day strike

Published: 12 May 2026

BERGEN, May 12 (Nordwire) - Lighthouse keepers along Norway's west coast returned to work on Tuesday after the
Coastal Administration agreed to a 6 percent pay rise, ending a strike that began on May 3.

"We never wanted to leave the lights dark," said Astrid Nygaard, who leads the keepers' union, adding that the
agreement would be put to a vote of its 140 members next week.

The administration said the strike had cost it about 2 million crowns. Two officials who asked not to be named
said the government had pressed for a deal before the summer season.
`;

export async function newArticle(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'news', content: EXAMPLE });
    return vscode.window.showTextDocument(doc);
  }
  let uri = vscode.Uri.joinPath(folder, 'example-article.news');
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `example-article-${n}.news`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(EXAMPLE));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    log().trace(`${uri.toString(true)} is free: ${errorText(e)}`);
    return false;
  }
}
