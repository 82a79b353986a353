-- The lsp-neovim test's client: Neovim's built-in LSP client (0.7's vim.lsp.start_client) on the
-- buffer Neovim opened; the first non-empty diagnostics are written to $OUT, one line each, and
-- Neovim quits. Exits with an error after 50 s without any (the test's hang guard is 60 s).
local out = os.getenv("OUT")
local id = vim.lsp.start_client({
  name = "vpclint",
  cmd = { os.getenv("VPCLINT"), "lsp" },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(_, result)
      if #result.diagnostics == 0 then return end
      local f = io.open(out, "w")
      for _, d in ipairs(result.diagnostics) do
        f:write(string.format("%d:%d %s %s related=%d %s\n", d.range.start.line + 1, d.range.start.character + 1,
          d.code, d.source, #(d.relatedInformation or {}), vim.fn.fnamemodify(vim.uri_to_fname(result.uri), ":t")))
      end
      f:close()
      vim.schedule(function() vim.cmd("qall!") end)
    end,
  },
})
if not id then
  io.stderr:write("vim.lsp.start_client could not start vpclint lsp\n")
  vim.cmd("cquit")
end
vim.lsp.buf_attach_client(0, id)
vim.defer_fn(function()
  io.stderr:write("no diagnostics from vpclint lsp in 50 s\n")
  vim.cmd("cquit")
end, 50000)
