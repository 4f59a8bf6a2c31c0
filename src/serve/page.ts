// The workbench page: a shell the bundled script fills; no inline script (CSP).
export function pageHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>plandoc 工作台</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<noscript>工作台需要启用 JavaScript。</noscript>
</body>
</html>
`;
}
