// Starts `vpclint lsp` for YAML and JSON files; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("vpclint").get("path", "vpclint");
  client = new LanguageClient(
    "vpclint",
    "vpclint",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "yaml" }, { scheme: "file", language: "json" }] },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
